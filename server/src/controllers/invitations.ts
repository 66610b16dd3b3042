import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { z } from 'zod';
import { adminActor } from '../http/admin-actor';
import { hostUserGrant } from '../http/host-user-grant';
import { noStore } from '../http/no-store';
import { InvitationConflict } from '../services/invitations';
import { getService } from '../utils/get-service';

const scimUserIdSchema = z.string().min(1).max(255);

/** GET /scim/invitations and POST /scim/invitations/:scimUserId/resend. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async overview(ctx: Context) {
    noStore(ctx);
    // A registration link sets that user's password: shown to whoever could create the user in Strapi itself.
    ctx.body = { data: await getService(strapi, 'invitations').overview(hostUserGrant(strapi, ctx).allowed) };
  },
  async resend(ctx: Context) {
    const parsed = scimUserIdSchema.safeParse((ctx.params as { scimUserId?: unknown }).scimUserId);
    if (!parsed.success) throw new errors.ValidationError('scimUserId: must be 1 to 255 characters');
    try {
      const data = await getService(strapi, 'invitations').resend(parsed.data, adminActor(ctx));
      if (!data.sent) ctx.status = 502;
      ctx.body = { data };
    } catch (error) {
      if (!(error instanceof InvitationConflict)) throw error;
      ctx.status = 409;
      ctx.body = { data: null, error: { status: 409, name: 'ConflictError', message: error.message, details: {} } };
    }
  },
});
