import type { Core } from '@strapi/strapi';
import type { PluginConfig } from '../../config';
import { PLUGIN_ID } from '../../constants';
import { createAdminTarget } from './admin-target';
import { createUsersPermissionsTarget } from './users-permissions-target';
import type { HostTarget } from './types';

export type { HostRole, HostTarget } from './types';

export const getHostTarget = (strapi: Core.Strapi): HostTarget => {
  const target = strapi.config.get<PluginConfig['target']>(`plugin::${PLUGIN_ID}.target`, 'admin');
  return target === 'users-permissions' ? createUsersPermissionsTarget(strapi) : createAdminTarget(strapi);
};
