import { PERMISSIONS } from '../permissions';
import { useHeldPermissions } from './useHeldPermissions';

export interface ScimPermissions {
  isLoading: boolean;
  canReadSettings: boolean;
  canUpdateSettings: boolean;
  canManageSecrets: boolean;
}

export const useScimPermissions = (): ScimPermissions => {
  const { isLoading, holds } = useHeldPermissions('useScimPermissions');
  return {
    isLoading,
    canReadSettings: holds(PERMISSIONS.readSettings),
    canUpdateSettings: holds(PERMISSIONS.updateSettings),
    canManageSecrets: holds(PERMISSIONS.manageSecrets),
  };
};
