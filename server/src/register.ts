import type { Core } from '@strapi/strapi';
import { createScimAppWideHttpMiddleware } from './middlewares/scim-app-wide-http';
import { declareHostUserEmailIndex } from './services/targets/host-user-email-index';
import { getPluginConfig } from './utils/plugin-config';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = getPluginConfig(strapi);
  declareHostUserEmailIndex(strapi, config.target);
  // Registered during the register phase so it runs before Strapi's body parser and error middleware.
  strapi.server.use(createScimAppWideHttpMiddleware(strapi));
};
