import type { Core } from '@strapi/strapi';
import { createScimHttpMiddleware } from './middlewares/scim-http';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Registered during the register phase so it runs before Strapi's body parser and error middleware.
  strapi.server.use(createScimHttpMiddleware(strapi));
};
