import type { Core } from '@strapi/strapi';
import { ScimError } from '../../scim/errors';
import { applyUserWith } from './apply-user';
import { createAdminUser } from './admin-user-create';
import { keepsSignInFields, keptEmailNote } from './linked-sign-in';
import type { ApplyResult, HostRole, HostTarget, HostUserWrite, ProvisionedUser } from './types';

const SUPER_ADMIN_CODE = 'strapi-super-admin';
const AUTHOR_CODE = 'strapi-author';
const USER_UID = 'admin::user';

interface AdminUserRow {
  id: number;
  email: string;
  /** The column is nullable: a row written other than through Strapi's services may hold null. */
  isActive: boolean | null;
  registrationToken: string | null;
  updatedAt: string | Date;
  roles?: { id: number; code: string }[];
}

interface AdminUserService {
  create(attributes: Record<string, unknown>): Promise<AdminUserRow>;
  updateById(id: number, attributes: Record<string, unknown>): Promise<AdminUserRow>;
  deleteById(id: number): Promise<AdminUserRow>;
}

const isSuperAdmin = (user: AdminUserRow) => (user.roles ?? []).some((role) => role.code === SUPER_ADMIN_CODE);

const superAdminRefusal = (what: string) =>
  new ScimError(403, `SCIM never ${what} a Strapi Super Admin; change this user in the Strapi admin panel`);

const SUPER_ADMIN_NOTE = 'a Super Admin: SCIM leaves its email, names, status and roles as they are';

/**
 * Strapi's registration sets `isActive: true` whatever the user's state: a user deactivated before registering
 * loses the registration token, so that an invitation sent earlier cannot bring them back.
 */
const DROP_REGISTRATION = { isActive: false, registrationToken: null } as const;

const profileOf = (user: ProvisionedUser) => ({
  email: user.email,
  firstname: user.givenName ?? user.displayName ?? (user.email ? user.email.split('@')[0] : user.userName),
  lastname: user.familyName,
  ...(user.active ? { isActive: true } : DROP_REGISTRATION),
});

export const createAdminTarget = (strapi: Core.Strapi): HostTarget => {
  const roles = () => strapi.db.query('admin::role');
  const users = () => strapi.db.query(USER_UID);
  const userService = () => strapi.service('admin::user') as unknown as AdminUserService;

  const findUser = (where: Record<string, unknown>): Promise<AdminUserRow | null> =>
    users().findOne({
      select: ['id', 'email', 'isActive', 'registrationToken', 'updatedAt'],
      where,
      populate: { roles: { select: ['id', 'code'] } },
    });

  /** Ends every admin session of the user: their refresh tokens stop working and access tokens are refused. */
  const endSessions = async (id: number) => {
    await strapi.sessionManager('admin').invalidateRefreshToken(String(id));
  };

  const update = async (write: HostUserWrite, linked: boolean, existing: AdminUserRow): Promise<ApplyResult> => {
    const { user, roleIds } = write;
    if (isSuperAdmin(existing)) {
      if (!user.active) throw superAdminRefusal('deactivates');
      // Not even the email: a changed email would let whoever receives it reset the Super Admin's password.
      return { applied: true, hostUserId: existing.id, action: linked ? 'updated' : 'linked', note: SUPER_ADMIN_NOTE };
    }
    const keepEmail = keepsSignInFields(write, linked);
    if (!keepEmail && user.email !== existing.email) {
      const owner = await findUser({ email: user.email });
      if (owner && owner.id !== existing.id) {
        throw ScimError.conflict(`Another Strapi admin user already has the email ${user.email}`);
      }
    }
    const roles = roleIds.length === 0 ? {} : { roles: roleIds };
    const { email, ...names } = profileOf(user);
    await userService().updateById(existing.id, {
      ...write.fields,
      ...names,
      ...(keepEmail ? {} : { email }),
      ...roles,
    });
    if (!user.active && existing.isActive) await endSessions(existing.id);
    const note = keepEmail && email !== existing.email ? keptEmailNote(existing.email) : undefined;
    return { applied: true, hostUserId: existing.id, action: linked ? 'updated' : 'linked', ...(note ? { note } : {}) };
  };

  return {
    name: 'admin',
    async listRoles() {
      const rows = await roles().findMany({ select: ['id', 'name', 'code'], orderBy: { id: 'asc' } });
      return rows.map((row: HostRole) => ({ id: row.id, name: row.name, code: row.code }));
    },
    isFallbackDefaultRole: (role) => role.code === AUTHOR_CODE,
    isPrivilegedRole: (role) => role.code === SUPER_ADMIN_CODE,

    async findUserIdByEmail(email) {
      return (await findUser({ email }))?.id ?? null;
    },

    applyUser: (write: HostUserWrite): Promise<ApplyResult> =>
      applyUserWith<AdminUserRow>(
        {
          noun: 'Strapi admin user',
          plural: 'admin users',
          findUser,
          update,
          // Strapi's service leaves the user in its invited state (a registration token), as the admin panel does.
          create: ({ user, roleIds, fields }) =>
            createAdminUser(strapi, { ...fields, ...profileOf(user), roles: roleIds }),
        },
        write,
      ),

    async deactivateUser(hostUserId) {
      const existing = await findUser({ id: hostUserId });
      if (!existing) return;
      if (isSuperAdmin(existing)) throw superAdminRefusal('deactivates');
      if (existing.isActive || existing.registrationToken)
        await userService().updateById(hostUserId, DROP_REGISTRATION);
      await endSessions(hostUserId);
    },

    async setRoles(hostUserId, roleIds) {
      const existing = await findUser({ id: hostUserId });
      if (!existing || isSuperAdmin(existing) || roleIds.length === 0) return;
      // updateById rewrites the role links, counts Super Admins and resyncs API-token permissions: skip it when
      // the roles are already these (a member change of a mapped group mostly leaves a member's roles as they are).
      const current = new Set((existing.roles ?? []).map((role) => role.id));
      if (current.size === new Set(roleIds).size && roleIds.every((id) => current.has(id))) return;
      await userService().updateById(hostUserId, { roles: roleIds });
    },

    async readState(hostUserId) {
      const existing = await findUser({ id: hostUserId });
      return existing ? { inactive: existing.isActive === false, updatedAt: new Date(existing.updatedAt) } : null;
    },

    async deleteUser(hostUserId) {
      const existing = await findUser({ id: hostUserId });
      if (!existing) return;
      if (isSuperAdmin(existing)) throw superAdminRefusal('deletes');
      await endSessions(hostUserId);
      await userService().deleteById(hostUserId);
    },
  };
};
