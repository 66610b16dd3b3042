import type { Core } from '@strapi/strapi';
import type { HostTarget } from './types';

const ROLE_UID = 'plugin::users-permissions.role';

interface UpRoleRow {
  id: number;
  name: string;
  type: string;
}

export const createUsersPermissionsTarget = (strapi: Core.Strapi): HostTarget => {
  const roles = () => strapi.db.query(ROLE_UID);
  const toRole = (row: UpRoleRow) => ({ id: row.id, name: row.name, code: row.type });
  return {
    name: 'users-permissions',
    async listRoles() {
      const rows = await roles().findMany({ select: ['id', 'name', 'type'], orderBy: { id: 'asc' } });
      return rows.map(toRole);
    },
    async fallbackDefaultRole() {
      const row = await roles().findOne({ select: ['id', 'name', 'type'], where: { type: 'authenticated' } });
      return row ? toRole(row) : null;
    },
    isPrivilegedRole: (role) => role.code === 'public',
  };
};
