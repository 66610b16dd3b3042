import type { Core } from '@strapi/strapi';
import { ScimError } from '../../scim/errors';
import { applyUserWith } from './apply-user';
import { keepsSignInFields, keptEmailNote } from './linked-sign-in';
import type { ApplyResult, HostTarget, HostUserWrite, ProvisionedUser } from './types';

const ROLE_UID = 'plugin::users-permissions.role';
const USER_UID = 'plugin::users-permissions.user';

interface UpRoleRow {
  id: number;
  name: string;
  type: string;
}

interface UpUserRow {
  id: number;
  username: string;
  email: string;
  /** The column is nullable: a row written other than through Strapi's services may hold null. */
  blocked: boolean | null;
  updatedAt: string | Date;
}

/** What local login (email or username, with provider), "Forgot password" (email) and SSO logins key on. */
const signInFieldsOf = (user: ProvisionedUser, provider: string) => ({
  username: user.userName,
  email: user.email,
  provider,
  confirmed: true,
});

export const createUsersPermissionsTarget = (strapi: Core.Strapi, provider = 'local'): HostTarget => {
  const roles = () => strapi.db.query(ROLE_UID);
  const users = () => strapi.db.query(USER_UID);
  const toRole = (row: UpRoleRow) => ({ id: row.id, name: row.name, code: row.type });
  const findUser = (where: Record<string, unknown>): Promise<UpUserRow | null> =>
    users().findOne({ select: ['id', 'username', 'email', 'blocked', 'updatedAt'], where });
  const endSessions = (id: number) => strapi.sessionManager('users-permissions').invalidateRefreshToken(String(id));

  const assertUsernameFree = async (username: string, ownId: number | null) => {
    const owner = await findUser({ username });
    if (owner && owner.id !== ownId)
      throw ScimError.conflict(`Another Strapi user already has the username ${username}`);
  };

  const update = async (write: HostUserWrite, linked: boolean, existing: UpUserRow): Promise<ApplyResult> => {
    const { user, roleIds } = write;
    // An unconfirmed account linked by email is not vouched for either: its password is whoever registered it.
    const keep = keepsSignInFields(write, linked);
    if (!keep) {
      await assertUsernameFree(user.userName, existing.id);
      if (user.email !== existing.email) {
        const owner = await findUser({ email: user.email });
        if (owner && owner.id !== existing.id)
          throw ScimError.conflict(`Another Strapi user already has the email ${user.email}`);
      }
    }
    const role = roleIds.length > 0 ? { role: roleIds[0] } : {};
    const signIn = keep ? {} : signInFieldsOf(user, provider);
    await users().update({
      where: { id: existing.id },
      data: { ...write.fields, ...signIn, blocked: !user.active, ...role },
    });
    if (!user.active && !existing.blocked) await endSessions(existing.id);
    const kept = keep && (user.email !== existing.email || user.userName !== existing.username);
    const note = kept ? `${keptEmailNote(existing.email)} (username left as ${existing.username})` : undefined;
    return { applied: true, hostUserId: existing.id, action: linked ? 'updated' : 'linked', ...(note ? { note } : {}) };
  };

  return {
    name: 'users-permissions',
    async listRoles() {
      const rows = await roles().findMany({ select: ['id', 'name', 'type'], orderBy: { id: 'asc' } });
      return rows.map(toRole);
    },
    isFallbackDefaultRole: (role) => role.code === 'authenticated',
    isPrivilegedRole: (role) => role.code === 'public',

    async findUserIdByEmail(email) {
      return (await findUser({ email }))?.id ?? null;
    },

    applyUser: (write: HostUserWrite): Promise<ApplyResult> =>
      applyUserWith<UpUserRow>(
        {
          noun: 'Strapi user',
          plural: 'users',
          findUser,
          update,
          async create({ user, roleIds, fields }) {
            await assertUsernameFree(user.userName, null);
            const created = (await users().create({
              data: { ...fields, ...signInFieldsOf(user, provider), blocked: !user.active, role: roleIds[0] },
            })) as UpUserRow;
            return created.id;
          },
        },
        write,
      ),

    async deactivateUser(hostUserId) {
      await users().update({ where: { id: hostUserId }, data: { blocked: true } });
      await endSessions(hostUserId);
    },

    /** users-permissions users have one role: the highest-priority mapped role, else the default. */
    async setRoles(hostUserId, roleIds) {
      if (roleIds.length === 0) return;
      const current = (await users().findOne({
        select: ['id'],
        where: { id: hostUserId },
        populate: { role: { select: ['id'] } },
      })) as {
        role: { id: number } | null;
      } | null;
      if (!current || current.role?.id === roleIds[0]) return;
      await users().update({ where: { id: hostUserId }, data: { role: roleIds[0] } });
    },

    async readState(hostUserId) {
      const existing = await findUser({ id: hostUserId });
      return existing ? { inactive: existing.blocked === true, updatedAt: new Date(existing.updatedAt) } : null;
    },

    async deleteUser(hostUserId) {
      await endSessions(hostUserId);
      await users().delete({ where: { id: hostUserId } });
    },
  };
};
