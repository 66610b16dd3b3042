import { useRBAC } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../permissions';

/**
 * `useRBAC` names each action after the last segment of its id, so "activity.read" would clash with
 * "settings.read" in `useScimPermissions`; it is checked on its own.
 */
export const useActivityPermission = () => {
  const { isLoading, allowedActions } = useRBAC(PERMISSIONS.readActivity);
  return { isLoading, canReadActivity: Boolean(allowedActions.canRead) };
};
