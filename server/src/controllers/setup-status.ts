import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { createSetupStatus } from '../services/setup-status';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(ctx: Context) {
    ctx.body = { data: await createSetupStatus(strapi).read() };
  },
});
