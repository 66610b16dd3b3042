import type { Context } from 'koa';
import type { HostMode } from '../services/host-users';

/** What the route guard (middlewares/scim-route-guard.ts) leaves in `ctx.state.scim` for the controllers. */
export interface ScimRequestState extends HostMode {
  secretId: number;
}

/** How this SCIM request may touch host users, from the settings the route guard read. */
export const hostMode = (ctx: Context): HostMode => {
  const { productionMode, defaultRoleId, groupRoleMappings, appRoleMatch, appRoleMappings, invitationsEnabled } = ctx
    .state.scim as ScimRequestState;
  return { productionMode, defaultRoleId, groupRoleMappings, appRoleMatch, appRoleMappings, invitationsEnabled };
};
