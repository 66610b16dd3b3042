import type { Core } from '@strapi/strapi';
import { stopActivityPruning } from './activity-pruning';
import { stopAttributeIndexRunner } from './attribute-index-runner';
import bootstrap from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import { stopInstanceHeartbeat } from './instance-heartbeat';
import middlewares from './middlewares';
import { stopProductionJobRunner } from './production-job-runner';
import register from './register';
import routes from './routes';
import services from './services';

export default {
  register,
  bootstrap,
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    stopActivityPruning();
    await stopProductionJobRunner(strapi);
    await stopAttributeIndexRunner(strapi);
    await stopInstanceHeartbeat(strapi);
  },
  config,
  contentTypes,
  controllers,
  middlewares,
  routes,
  services,
};
