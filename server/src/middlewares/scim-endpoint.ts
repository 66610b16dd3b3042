import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { presentedSecret } from '../http/presented-secret';
import { sendScimError } from '../http/scim-error-response';
import { ScimError } from '../scim/errors';
import { getService } from '../utils/get-service';

export interface ScimRequestState {
  secretId: number;
  productionMode: boolean;
  defaultRoleId: number | null;
}

/**
 * Route middleware of every SCIM route: the endpoint id must be the current one, provisioning must be
 * enabled, and the request must carry a valid secret. Errors from the controllers are rendered here too,
 * before Strapi's error middleware could answer in its own format.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    try {
      const settings = await getService(strapi, 'settings').get();
      if (!settings.endpointId || ctx.params.endpointId !== settings.endpointId) {
        throw ScimError.notFound('Unknown SCIM endpoint; copy the current endpoint URL from the Strapi admin panel');
      }
      if (!settings.enabled) {
        throw new ScimError(503, 'SCIM provisioning is disabled; an administrator can enable it in Settings > SCIM User Provisioning');
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
      };
      ctx.state.scim = state;
      await next();
    } catch (error) {
      sendScimError(ctx, error, strapi);
    }
  };
