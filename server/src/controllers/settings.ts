import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { buildEndpointUrl } from '../http/endpoint-url';
import { validateBody } from '../http/validate-body';
import { settingsUpdateSchema, type EffectiveSettings } from '../services/settings';
import { getService } from '../utils/get-service';
import type { SettingsResponse } from '../contracts';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const respond = async (ctx: Context, settings: EffectiveSettings) => {
    const roles = await getService(strapi, 'settings').listRoles();
    const data: SettingsResponse = {
      enabled: settings.enabled,
      productionMode: settings.productionMode,
      defaultRoleId: settings.defaultRoleId,
      endpointId: settings.endpointId,
      endpointUrl: buildEndpointUrl(strapi, ctx.origin, settings.endpointId),
      roles,
    };
    ctx.body = { data };
  };

  return {
    async get(ctx: Context) {
      await respond(ctx, await getService(strapi, 'settings').get());
    },
    async update(ctx: Context) {
      const input = validateBody(settingsUpdateSchema, ctx.request.body);
      await respond(ctx, await getService(strapi, 'settings').update(input));
    },
    async regenerateEndpoint(ctx: Context) {
      await respond(ctx, await getService(strapi, 'settings').regenerateEndpoint());
    },
  };
};
