import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { validateBody } from '../http/validate-body';
import { activityQuerySchema } from '../services/activity';
import { getService } from '../utils/get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /scim/activity?page&pageSize&outcome&resourceType&mode -> { data: { results, pagination } } */
  async list(ctx: Context) {
    const query = validateBody(activityQuerySchema, ctx.query);
    ctx.body = { data: await getService(strapi, 'activity').list(query) };
  },
});
