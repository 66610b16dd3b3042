import { useAuth } from '@strapi/strapi/admin';
import { useCallback } from 'react';

type PermissionList = ReadonlyArray<{ action: string; subject: string | null }>;

/**
 * Whether the signed-in admin holds a permission, read from Strapi's auth state. Strapi's `useRBAC` checks once at
 * mount, so a page mounted before `GET /admin/users/me/permissions` answered stayed "not allowed"
 * (docs/decisions/admin-permissions-after-reload.md); this follows the permissions when they arrive. Like Strapi's
 * `Page.Protect`, it matches action and subject; conditions are left to the server, whose policy checks every request.
 */
export const useHeldPermissions = (consumerName: string) => {
  const isLoading = useAuth(consumerName, (state) => state.isLoading);
  const permissions = useAuth(consumerName, (state) => state.permissions);
  const holds = useCallback(
    (wanted: PermissionList) =>
      permissions.some((held) =>
        wanted.some(({ action, subject }) => held.action === action && held.subject === subject),
      ),
    [permissions],
  );
  return { isLoading, holds };
};
