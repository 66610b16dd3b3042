import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { authenticateSecret, tooManyRequests } from '../http/authenticate-secret';
import { throttleKeyOf } from '../http/client-address';
import type { ScimRequestState } from '../http/host-mode';
import { rememberSecretQuirks } from '../http/secret-quirks';
import { sendScimError } from '../http/scim-error-response';
import { ScimError } from '../scim/errors';
import { getService } from '../utils/get-service';

/** Statuses of a request refused before it was authenticated: counted per client and throttled. */
const REFUSAL_STATUSES = new Set([401, 503]);

/**
 * Route middleware of every SCIM route: the endpoint id must be the current one, provisioning must be enabled,
 * and the request must carry a valid secret. A refused request (401, or 503 while disabled) counts against its
 * client's address; once the address has used up `authFailuresPerMinute`, its refused requests get 429 instead,
 * while a valid secret from the same address is still served. Errors from the controllers are rendered here too,
 * before Strapi's error middleware could answer in its own format.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    let endpointMatched = false;
    let authenticated = false;
    let mode: 'test' | 'production' | null = null;
    // ctx.request.ip is the socket's address, or with Strapi's server.proxy.koa the forwarded client address.
    const client = throttleKeyOf(ctx.request.ip);
    try {
      // No fallback-role query: a write that assigns roles finds the fallback among the roles it reads (role-mapping.ts).
      const settings = await getService(strapi, 'settings').get({ withFallbackRole: false });
      if (!settings.endpointId || (ctx.params as { endpointId?: string }).endpointId !== settings.endpointId) {
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
      const secretId = await authenticateSecret(strapi, ctx);
      authenticated = true;
      const state: ScimRequestState = {
        secretId,
        productionMode: settings.productionMode,
        defaultRoleId: settings.defaultRoleId,
        groupRoleMappings: settings.groupRoleMappings,
        appRoleMatch: settings.appRoleMatch,
        appRoleMappings: settings.appRoleMappings,
        invitationsEnabled: settings.invitationsEnabled,
      };
      ctx.state.scim = state;
      await next();
      await rememberSecretQuirks(strapi, ctx);
    } catch (error) {
      // Requests to an unknown endpoint id are not logged: anyone can send them.
      if (!endpointMatched) {
        sendScimError(ctx, error, strapi);
        return;
      }
      const refused = !authenticated && error instanceof ScimError && REFUSAL_STATUSES.has(error.status);
      if (!refused) {
        sendScimError(ctx, error, strapi);
        // A valid secret over its ceiling is not logged: a burst of those must cost no write.
        if (ctx.status !== 429) await recordFailure(strapi, ctx, mode);
        return;
      }
      const wait = await refusalWait(strapi, client);
      if (wait !== null) {
        // Throttled: no write, so that a flood neither costs writes nor reaches the activity log.
        ctx.remove('WWW-Authenticate');
        sendScimError(ctx, tooManyRequests(ctx, wait, 'Too many refused requests from this address'), strapi);
        return;
      }
      sendScimError(ctx, error, strapi);
      await recordRefusal(strapi, ctx, mode, client);
    }
  };

const refusalWait = async (strapi: Core.Strapi, client: string): Promise<number | null> => {
  try {
    return await getService(strapi, 'throttle').refusalWait(client);
  } catch (error) {
    strapi.log.error(`[scim] could not read the refused-request count: ${(error as Error).message}`);
    return null;
  }
};

const describeRequest = (ctx: Context, mode: 'test' | 'production' | null) => {
  const body = ctx.body as { detail?: string } | null | undefined;
  const resourceType = /\/Groups(\/|$)/.test(ctx.path) ? 'Group' : /\/Users(\/|$)/.test(ctx.path) ? 'User' : 'Endpoint';
  return {
    method: ctx.method,
    resourceType,
    operation: OPERATION_BY_METHOD[ctx.method] ?? ctx.method.toLowerCase(),
    status: ctx.status,
    mode,
    detail: body?.detail ?? null,
  } as const;
};

/** One activity row per client and minute with a count, never one per refused request. */
const recordRefusal = async (strapi: Core.Strapi, ctx: Context, mode: 'test' | 'production' | null, client: string) => {
  try {
    await getService(strapi, 'refusals').record({ ...describeRequest(ctx, mode), client });
  } catch (error) {
    strapi.log.error(`[scim] could not record a refused request in the activity log: ${(error as Error).message}`);
  }
};

/** Failed requests are recorded outside the request's (rolled back) transaction. */
const recordFailure = async (strapi: Core.Strapi, ctx: Context, mode: 'test' | 'production' | null) => {
  const { id } = ctx.params as { id?: unknown };
  try {
    await getService(strapi, 'activity').record({
      ...describeRequest(ctx, mode),
      resourceId: typeof id === 'string' ? id.slice(0, 255) : null,
      outcome: 'failure',
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
