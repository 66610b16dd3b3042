import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { adminActor } from '../http/admin-actor';
import { buildEndpointUrl } from '../http/endpoint-url';
import { assertHostUserGrant, hostUserGrant } from '../http/host-user-grant';
import { validateBody } from '../http/validate-body';
import { ROLE_CHANGE_JOB_THRESHOLD } from '../services/production-jobs';
import { settingsUpdateSchema, type EffectiveSettings } from '../services/settings';
import { createUserRepository } from '../services/store/user-repository';
import { fieldsThatGrantUsers } from '../services/settings-grant-scope';
import { getPluginConfig } from '../utils/plugin-config';
import { getService } from '../utils/get-service';
import type { SettingsResponse } from '../contracts';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** PostgreSQL's driver returns count(*) as a string. */
  const countRows = (uid: string): Promise<number | string> => strapi.db.query(uid).count();

  const respond = async (ctx: Context, settings: EffectiveSettings) => {
    const roles = await getService(strapi, 'settings').listRoles();
    const data: SettingsResponse = {
      enabled: settings.enabled,
      productionMode: settings.productionMode,
      defaultRoleId: settings.defaultRoleId,
      endpointId: settings.endpointId,
      endpointUrl: buildEndpointUrl(strapi, ctx.origin, settings.endpointId),
      roles,
      groupRoleMappings: settings.groupRoleMappings,
      appRoleMatch: settings.appRoleMatch,
      appRoleMappings: settings.appRoleMappings,
      provisioned: {
        users: Number(await countRows('plugin::scim.scim-user')),
        groups: Number(await countRows('plugin::scim.scim-group')),
        appliedUsers: await createUserRepository(strapi).countApplied(),
      },
      roleChangeJobThreshold: ROLE_CHANGE_JOB_THRESHOLD,
      productionJob: await getService(strapi, 'productionJobs').latest(),
      hostUserGrant: hostUserGrant(strapi, ctx),
      allowSecretReveal: getPluginConfig(strapi).allowSecretReveal,
      invitationsEnabled: settings.invitationsEnabled,
      attributeMappings: getPluginConfig(strapi).attributeMappings,
    };
    ctx.body = { data };
  };

  const recordChange = (ctx: Context, operation: string, changes: string[], detail: string) =>
    getService(strapi, 'activity').record({
      method: ctx.method,
      resourceType: 'Settings',
      operation,
      outcome: 'success',
      status: 200,
      changes,
      detail,
      actor: adminActor(ctx),
    });

  return {
    async get(ctx: Context) {
      await respond(ctx, await getService(strapi, 'settings').get());
    },
    async update(ctx: Context) {
      const input = validateBody(settingsUpdateSchema, ctx.request.body);
      const granting = fieldsThatGrantUsers(input, await getService(strapi, 'settings').get());
      if (granting.length > 0) assertHostUserGrant(strapi, ctx, `Changing ${granting.join(', ')}`);
      const settings = await getService(strapi, 'settings').update(input, adminActor(ctx));
      await recordChange(ctx, 'update', Object.keys(input), `set ${JSON.stringify(input)}`);
      await respond(ctx, settings);
    },
    async regenerateEndpoint(ctx: Context) {
      const settings = await getService(strapi, 'settings').regenerateEndpoint();
      await recordChange(ctx, 'regenerate-endpoint', ['endpointId'], 'the old endpoint URL no longer answers');
      await respond(ctx, settings);
    },
  };
};
