import type { Core } from '@strapi/strapi';
import { getPluginConfig } from '../../utils/plugin-config';
import { createAdminTarget } from './admin-target';
import { createUsersPermissionsTarget } from './users-permissions-target';
import type { HostTarget } from './types';

export type { ApplyResult, HostOrigin, HostRole, HostTarget, HostUserState, ProvisionedUser } from './types';
export { toProvisionedUser } from './provisioned-user';

export const getHostTarget = (strapi: Core.Strapi): HostTarget => {
  const config = getPluginConfig(strapi);
  return config.target === 'users-permissions'
    ? createUsersPermissionsTarget(strapi, config.usersPermissionsProvider)
    : createAdminTarget(strapi);
};
