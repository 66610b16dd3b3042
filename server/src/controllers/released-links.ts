import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { z } from 'zod';
import { adminActor } from '../http/admin-actor';
import { createReleasedLinks } from '../services/store/released-links';
import { getService } from '../utils/get-service';
import { getPluginConfig } from '../utils/plugin-config';

const externalIdSchema = z.string().min(1).max(255);

/**
 * DELETE /scim/released-links/:externalId: an admin keeps a released host user they reactivated or changed,
 * and lets the next create with this externalId provision a user of its own (instead of answering 409).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async remove(ctx: Context) {
    const parsed = externalIdSchema.safeParse(ctx.params.externalId);
    if (!parsed.success) throw new errors.ValidationError('externalId: must be 1 to 255 characters');
    const externalId = parsed.data;
    const target = getPluginConfig(strapi).target;
    await strapi.db.transaction(async () => {
      const forgotten = await createReleasedLinks(strapi).forget(externalId, target);
      if (forgotten === 0) throw new errors.NotFoundError(`No released ${target} user is remembered for this externalId`);
      await getService(strapi, 'activity').record({
        method: ctx.method,
        resourceType: 'User',
        resourceName: externalId,
        operation: 'forget-released-link',
        outcome: 'success',
        status: 204,
        detail: `released ${target} user forgotten: the next create with externalId "${externalId}" provisions a new user`,
        actor: adminActor(ctx),
      });
    });
    ctx.status = 204;
  },
});
