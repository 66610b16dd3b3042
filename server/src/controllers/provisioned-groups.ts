import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { z } from 'zod';
import { validateBody } from '../http/validate-body';
import { getService } from '../utils/get-service';
import type { ProvisionedGroupResponse } from '../contracts';

const querySchema = z
  .object({
    search: z.string().trim().max(200).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();

/** GET /scim/groups: the provisioned groups an admin can map to roles, by displayName prefix. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    const query = validateBody(querySchema, ctx.query);
    const filter = query.search ? `displayName sw ${JSON.stringify(query.search)}` : undefined;
    const { rows, total } = await getService(strapi, 'groups').list({
      filter,
      startIndex: (query.page - 1) * query.pageSize + 1,
      count: query.pageSize,
    });
    const results: ProvisionedGroupResponse[] = rows.map((row) => ({ id: row.scimId, displayName: row.displayName }));
    ctx.body = { data: { results, pagination: { page: query.page, pageSize: query.pageSize, total } } };
  },
});
