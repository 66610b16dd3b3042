import type { Core } from '@strapi/strapi';
import { stopActivityPruning } from './activity-pruning';
import { stopBackgroundPolling } from './background-polling';
import bootstrap from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import { stopInstanceHeartbeat } from './instance-heartbeat';
import middlewares from './middlewares';
import register from './register';
import routes from './routes';
import services from './services';

export default {
  register,
  bootstrap,
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    stopActivityPruning();
    await stopBackgroundPolling(strapi);
    await stopInstanceHeartbeat(strapi);
  },
  config,
  contentTypes,
  controllers,
  middlewares,
  routes,
  services,
};
