import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { presentedSecret } from '../http/presented-secret';
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
 * Route middleware of every SCIM route: the endpoint id must be the current one, provisioning must be
 * enabled, and the request must carry a valid secret. Errors from the controllers are rendered here too,
 * before Strapi's error middleware could answer in its own format.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    let endpointMatched = false;
    let mode: 'test' | 'production' | null = null;
    try {
      const settings = await getService(strapi, 'settings').get();
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
      const secret = presentedSecret(ctx.get('authorization'));
      const secretId = secret ? await getService(strapi, 'secrets').verify(secret) : null;
      if (secretId === null) {
        ctx.set('WWW-Authenticate', 'Bearer realm="SCIM"');
        throw new ScimError(401, 'Authentication failed: send a valid SCIM secret as "Authorization: Bearer <secret>"');
      }
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
      // Requests to an unknown endpoint id are not logged: anyone can send them.
      if (endpointMatched) await recordFailure(strapi, ctx, mode);
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

const OPERATION_BY_METHOD: Record<string, string> = {
  GET: 'read',
  POST: 'create',
  PUT: 'replace',
  PATCH: 'patch',
  DELETE: 'delete',
};
