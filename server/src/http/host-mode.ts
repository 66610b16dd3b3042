import type { Context } from 'koa';
import type { ScimRequestState } from '../middlewares/scim-route-guard';
import type { HostMode } from '../services/host-users';

/** How this SCIM request may touch host users, from the settings the endpoint middleware read. */
export const hostMode = (ctx: Context): HostMode => {
  const { productionMode, defaultRoleId, groupRoleMappings } = ctx.state.scim as ScimRequestState;
  return { productionMode, defaultRoleId, groupRoleMappings };
};
