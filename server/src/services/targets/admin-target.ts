import type { Core } from '@strapi/strapi';
import type { HostRole, HostTarget } from './types';

const SUPER_ADMIN_CODE = 'strapi-super-admin';
const AUTHOR_CODE = 'strapi-author';

export const createAdminTarget = (strapi: Core.Strapi): HostTarget => {
  const roles = () => strapi.db.query('admin::role');
  return {
    name: 'admin',
    async listRoles() {
      const rows = await roles().findMany({ select: ['id', 'name', 'code'], orderBy: { id: 'asc' } });
      return rows.map((row: HostRole) => ({ id: row.id, name: row.name, code: row.code }));
    },
    async fallbackDefaultRole() {
      const row = await roles().findOne({ select: ['id', 'name', 'code'], where: { code: AUTHOR_CODE } });
      return row ? { id: row.id, name: row.name, code: row.code } : null;
    },
    isPrivilegedRole: (role) => role.code === SUPER_ADMIN_CODE,
  };
};
