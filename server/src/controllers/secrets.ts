import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { z } from 'zod';
import { adminActor } from '../http/admin-actor';
import { assertHostUserGrant } from '../http/host-user-grant';
import { noStore } from '../http/no-store';
import { validateBody } from '../http/validate-body';
import { secretCreateSchema, secretRotateSchema, secretUpdateSchema } from '../services/secrets';
import { getService } from '../utils/get-service';

const idSchema = z.coerce.number().int().positive();

const parseId = (ctx: Context): number => {
  const result = idSchema.safeParse((ctx.params as { id?: unknown }).id);
  if (!result.success) throw new errors.ValidationError('id: must be a positive integer');
  return result.data;
};

const expiryDetail = (expiresAt: string | null) => (expiresAt ? `expires at ${expiresAt}` : 'never expires');

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Secret changes are logged by id and label; the secret itself never is. */
  const recordChange = (
    ctx: Context,
    operation: string,
    id: number,
    label: string | null,
    status: number,
    detail: string | null = null,
  ) =>
    getService(strapi, 'activity').record({
      method: ctx.method,
      resourceType: 'Secret',
      resourceId: String(id),
      resourceName: label,
      operation,
      outcome: 'success',
      status,
      detail,
      actor: adminActor(ctx),
    });

  return {
    async list(ctx: Context) {
      ctx.body = { data: await getService(strapi, 'secrets').list() };
    },
    async create(ctx: Context) {
      noStore(ctx);
      assertHostUserGrant(strapi, ctx, 'Creating a secret');
      const input = validateBody(secretCreateSchema, ctx.request.body);
      const created = await getService(strapi, 'secrets').create(input);
      await recordChange(ctx, 'create', created.id, created.label, 201, expiryDetail(created.expiresAt));
      ctx.status = 201;
      ctx.body = { data: created };
    },
    async update(ctx: Context) {
      const id = parseId(ctx);
      const updated = await getService(strapi, 'secrets').update(
        id,
        validateBody(secretUpdateSchema, ctx.request.body),
      );
      await recordChange(ctx, 'update', id, updated.label, 200, 'label changed');
      ctx.body = { data: updated };
    },
    /** Creates a successor and lets the rotated secret work through the grace period; the new one is shown once. */
    async rotate(ctx: Context) {
      noStore(ctx);
      assertHostUserGrant(strapi, ctx, 'Rotating a secret');
      const id = parseId(ctx);
      const input = validateBody(secretRotateSchema, ctx.request.body);
      const { created, replaced } = await getService(strapi, 'secrets').rotate(id, input);
      await recordChange(
        ctx,
        'create',
        created.id,
        created.label,
        201,
        `replaces secret ${String(id)}; ${expiryDetail(created.expiresAt)}`,
      );
      await recordChange(
        ctx,
        'rotate',
        id,
        replaced.label,
        201,
        `replaced by secret ${String(created.id)}; ${expiryDetail(replaced.expiresAt)}`,
      );
      ctx.status = 201;
      ctx.body = { data: { secret: created, replaced } };
    },
    async reveal(ctx: Context) {
      noStore(ctx);
      assertHostUserGrant(strapi, ctx, 'Revealing a secret');
      try {
        const revealed = await getService(strapi, 'secrets').reveal(parseId(ctx));
        await recordChange(ctx, 'reveal', revealed.id, null, 200);
        ctx.body = { data: revealed };
      } catch (error) {
        if (!(error instanceof errors.ApplicationError)) throw error;
        const code = (error.details as { code?: string } | undefined)?.code;
        // A PolicyError keeps its message: Strapi turns a handler's plain ForbiddenError into a bare "Forbidden".
        if (code === 'reveal-disabled') throw new errors.PolicyError(error.message, { code });
        if (code) {
          ctx.status = 409;
          ctx.body = {
            data: null,
            error: { status: 409, name: 'ConflictError', message: error.message as string, details: { code } },
          };
          return;
        }
        throw error;
      }
    },
    async remove(ctx: Context) {
      const id = parseId(ctx);
      await getService(strapi, 'secrets').remove(id);
      await recordChange(ctx, 'delete', id, null, 204);
      ctx.status = 204;
    },
  };
};
