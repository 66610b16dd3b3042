import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { z } from 'zod';
import type { ProductionJobResponse } from '../contracts';
import { getService } from '../utils/get-service';

const jobIdSchema = z.coerce.number().int().positive().max(2_147_483_647);

/** GET /scim/production-jobs/latest and /scim/production-jobs/:id: a job's progress and result, for polling. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async latest(ctx: Context) {
    const data: ProductionJobResponse | null = await getService(strapi, 'productionJobs').latest();
    ctx.body = { data };
  },
  async findOne(ctx: Context) {
    const parsed = jobIdSchema.safeParse((ctx.params as { id?: unknown }).id);
    if (!parsed.success) throw new errors.ValidationError('id: must be a positive integer');
    const data = await getService(strapi, 'productionJobs').byId(parsed.data);
    if (!data) throw new errors.NotFoundError(`No production job with id ${parsed.data}`);
    ctx.body = { data };
  },
});
