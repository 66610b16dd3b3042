import { PERMISSIONS } from '../permissions';
import { useHeldPermissions } from './useHeldPermissions';

export const useActivityPermission = () => {
  const { isLoading, holds } = useHeldPermissions('useActivityPermission');
  return { isLoading, canReadActivity: holds(PERMISSIONS.readActivity) };
};
