import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { validateBody } from '../http/validate-body';
import { activityCsv } from '../services/activity-csv';
import { activityFilterSchema, activityQuerySchema } from '../services/activity-query';
import { getService } from '../utils/get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /scim/activity?page&pageSize&outcome&resourceType&mode&search&from&to -> { data: { results, pagination } } */
  async list(ctx: Context) {
    const query = validateBody(activityQuerySchema, ctx.query);
    ctx.body = { data: await getService(strapi, 'activity').list(query) };
  },
  /** GET /scim/activity/export?outcome&resourceType&mode&search&from&to -> every selected entry as CSV. */
  export(ctx: Context) {
    const filters = validateBody(activityFilterSchema, ctx.query);
    const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '-').replace('T', '-');
    ctx.set('Content-Disposition', `attachment; filename="scim-activity-${stamp}.csv"`);
    ctx.type = 'text/csv; charset=utf-8';
    ctx.body = activityCsv(getService(strapi, 'activity').each(filters));
  },
});
