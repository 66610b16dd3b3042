import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { z } from 'zod';
import { adminActor } from '../http/admin-actor';
import { forgetReleasedHostUser } from '../services/released-host-users';
import { getPluginConfig } from '../utils/plugin-config';

const externalIdSchema = z.string().min(1).max(255);

/** DELETE /scim/released-links/:externalId (see forgetReleasedHostUser). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async remove(ctx: Context) {
    const parsed = externalIdSchema.safeParse((ctx.params as { externalId?: unknown }).externalId);
    if (!parsed.success) throw new errors.ValidationError('externalId: must be 1 to 255 characters');
    if (!(await forgetReleasedHostUser(strapi, parsed.data, adminActor(ctx)))) {
      throw new errors.NotFoundError(
        `No released ${getPluginConfig(strapi).target} user is remembered for this externalId`,
      );
    }
    ctx.status = 204;
  },
});
