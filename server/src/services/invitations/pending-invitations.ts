/**
 * The admin users SCIM created that have not registered yet, paged and counted in the database: a join of
 * scim_users with admin_users, so a page load after a large sync reads one page and one count, not both tables.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { SCIM_USER_UID } from '../store/resource-uids';
import { qualifiedTable } from '../store/qualified-table';

export const ADMIN_USER_UID = 'admin::user';

/** One SCIM user with its not yet registered admin user. */
export interface PendingInvitationRow {
  scimId: string;
  userName: string;
  email: string;
  registrationToken: string;
}

/** `alias.column` of an attribute, with the column name Strapi's metadata gives it. */
const columnOf = (strapi: Core.Strapi, uid: string, alias: string, attributeName: string): string => {
  const attribute = strapi.db.metadata.get(uid).attributes[attributeName] as { columnName?: string } | undefined;
  return `${alias}.${attribute?.columnName ?? attributeName}`;
};

/**
 * The first `limit` pending invitations by admin user id, and how many there are. Only for the admin target. The
 * conditions are those of linkedHostUserId (targets/linked-host-user.ts) with the target 'admin' (a row from
 * before hostTarget was stored counts), an applied SCIM user, and an active admin user with a registration token.
 */
export const findPendingInvitations = async (
  strapi: Core.Strapi,
  limit: number,
): Promise<{ total: number; rows: PendingInvitationRow[] }> => {
  const user = (attribute: string) => columnOf(strapi, SCIM_USER_UID, 's', attribute);
  const admin = (attribute: string) => columnOf(strapi, ADMIN_USER_UID, 'a', attribute);
  const knex = strapi.db.connection;
  const pending = (): Knex.QueryBuilder =>
    knex
      .from({ s: qualifiedTable(strapi, SCIM_USER_UID) })
      .join({ a: qualifiedTable(strapi, ADMIN_USER_UID) }, admin('id'), user('hostUserId'))
      .where(user('applied'), true)
      .where((linked) => linked.where(user('hostTarget'), 'admin').orWhereNull(user('hostTarget')))
      .whereNotNull(admin('registrationToken'))
      .where(admin('isActive'), true);
  const rows = (await pending()
    .select({
      scimId: user('scimId'),
      userName: user('userName'),
      email: admin('email'),
      registrationToken: admin('registrationToken'),
    })
    .orderBy([
      { column: admin('id'), order: 'asc' },
      { column: user('id'), order: 'asc' },
    ])
    .limit(limit)) as PendingInvitationRow[];
  // PostgreSQL answers a count as a string (bigint).
  const [counted] = await pending().count<{ total: number | string }[]>({ total: '*' });
  return { total: Number(counted.total), rows };
};
