import { useRBAC } from '@strapi/strapi/admin';
import { ALL_PERMISSIONS } from '../permissions';

export interface ScimPermissions {
  isLoading: boolean;
  canReadSettings: boolean;
  canUpdateSettings: boolean;
  canManageSecrets: boolean;
}

/** `useRBAC` names each action after the last segment of its id: read, update, manage. */
export const useScimPermissions = (): ScimPermissions => {
  const { isLoading, allowedActions } = useRBAC(ALL_PERMISSIONS);
  return {
    isLoading,
    canReadSettings: Boolean(allowedActions.canRead),
    canUpdateSettings: Boolean(allowedActions.canUpdate),
    canManageSecrets: Boolean(allowedActions.canManage),
  };
};
