import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { authenticateSecret, tooManyRequests } from '../http/authenticate-secret';
import { throttleKeyOf } from '../http/client-address';
import type { GroupRoleMapping } from '../services/role-mapping';
import { sendScimError } from '../http/scim-error-response';
import { ScimError } from '../scim/errors';
import { getService } from '../utils/get-service';

export interface ScimRequestState {
  secretId: number;
  productionMode: boolean;
  defaultRoleId: number | null;
  groupRoleMappings: GroupRoleMapping[];
}

/**
 * Route middleware of every SCIM route: the client address must not be throttled for failed authentications,
 * the endpoint id must be the current one, provisioning must be enabled, and the request must carry a valid
 * secret. Errors from the controllers are rendered here too, before Strapi's error middleware could answer in
 * its own format.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    let endpointMatched = false;
    let mode: 'test' | 'production' | null = null;
    // ctx.request.ip is the socket's address, or with Strapi's server.proxy.koa the forwarded client address.
    const client = throttleKeyOf(ctx.request.ip);
    try {
      // Checked before anything is read or verified: a throttled client costs no database query.
      const wait = getService(strapi, 'throttle').failedAuthWait(client);
      if (wait !== null) throw tooManyRequests(ctx, wait, 'Too many failed authentications from this address');
      // Only a write can assign the default role: a read (every lookup) skips the fallback-role query.
      const settings = await getService(strapi, 'settings').get({ withFallbackRole: !READ_METHODS.has(ctx.method) });
      if (!settings.endpointId || ctx.params.endpointId !== settings.endpointId) {
        throw ScimError.notFound('Unknown SCIM endpoint; copy the current endpoint URL from the Strapi admin panel');
      }
      endpointMatched = true;
      mode = settings.productionMode ? 'production' : 'test';
      if (!settings.enabled) {
        throw new ScimError(
          503,
          'SCIM provisioning is disabled; an administrator can enable it in Settings > SCIM User Provisioning',
        );
      }
      const secretId = await authenticateSecret(strapi, ctx, client);
      const state: ScimRequestState = {
        secretId,
        productionMode: settings.productionMode,
        defaultRoleId: settings.defaultRoleId,
        groupRoleMappings: settings.groupRoleMappings,
      };
      ctx.state.scim = state;
      await next();
    } catch (error) {
      sendScimError(ctx, error, strapi);
      // Requests to an unknown endpoint id are not logged: anyone can send them. Nor are throttled requests: a
      // flood of them must cost no write, and must not push older entries out of the log.
      if (endpointMatched && ctx.status !== 429) await recordFailure(strapi, ctx, mode);
    }
  };

/** Failed requests are recorded outside the request's (rolled back) transaction. */
const recordFailure = async (strapi: Core.Strapi, ctx: Context, mode: 'test' | 'production' | null) => {
  const body = ctx.body as { detail?: string };
  const resourceType = /\/Groups(\/|$)/.test(ctx.path) ? 'Group' : /\/Users(\/|$)/.test(ctx.path) ? 'User' : 'Endpoint';
  try {
    await getService(strapi, 'activity').record({
      method: ctx.method,
      resourceType,
      resourceId: typeof ctx.params.id === 'string' ? ctx.params.id.slice(0, 255) : null,
      operation: OPERATION_BY_METHOD[ctx.method] ?? ctx.method.toLowerCase(),
      outcome: 'failure',
      status: ctx.status,
      mode,
      detail: body?.detail ?? null,
    });
  } catch (error) {
    strapi.log.error(`[scim] could not record a failed request in the activity log: ${(error as Error).message}`);
  }
};

const READ_METHODS = new Set(['GET', 'HEAD']);

const OPERATION_BY_METHOD: Record<string, string> = {
  GET: 'read',
  POST: 'create',
  PUT: 'replace',
  PATCH: 'patch',
  DELETE: 'delete',
};
