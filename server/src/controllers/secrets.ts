import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { z } from 'zod';
import { validateBody } from '../http/validate-body';
import { secretCreateSchema } from '../services/secrets';
import { getService } from '../utils/get-service';

const idSchema = z.coerce.number().int().positive();

const parseId = (ctx: Context): number => {
  const result = idSchema.safeParse(ctx.params.id);
  if (!result.success) throw new errors.ValidationError('id: must be a positive integer');
  return result.data;
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'secrets').list() };
  },
  async create(ctx: Context) {
    const input = validateBody(secretCreateSchema, ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await getService(strapi, 'secrets').create(input) };
  },
  async reveal(ctx: Context) {
    try {
      ctx.body = { data: await getService(strapi, 'secrets').reveal(parseId(ctx)) };
    } catch (error) {
      if (error instanceof errors.ApplicationError && (error.details as { code?: string })?.code === 'not-revealable') {
        ctx.status = 409;
        ctx.body = { data: null, error: { status: 409, name: 'ConflictError', message: error.message, details: {} } };
        return;
      }
      throw error;
    }
  },
  async remove(ctx: Context) {
    await getService(strapi, 'secrets').remove(parseId(ctx));
    ctx.status = 204;
  },
});
