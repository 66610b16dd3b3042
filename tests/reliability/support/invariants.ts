import type { Client } from 'pg';

export interface InvariantReport {
  /** How many individual facts were checked (a row against a rule counts once per rule). */
  checked: number;
  violations: string[];
}

export interface Expectations {
  /** Admin users the plugin does not manage (the playground's Super Admin). */
  unmanagedEmails: string[];
  defaultRoleCode: string;
  /** SCIM group id -> admin role code its members get. */
  mappedRoles: Record<string, string>;
}

/**
 * Checks, straight in the database, what must hold after any crash in production mode:
 * - every SCIM user has exactly one live host (admin) user, with its email and active state;
 * - every admin user the plugin manages belongs to exactly one SCIM user (no orphan, no shared host);
 * - no duplicate SCIM users, admin users (by email), memberships; no membership of a missing user or group;
 * - each host user's roles are the default role plus the roles mapped from the user's groups.
 */
export const checkInvariants = async (db: Client, expectations: Expectations): Promise<InvariantReport> => {
  const report: InvariantReport = { checked: 0, violations: [] };
  const check = (ok: boolean, message: () => string) => {
    report.checked += 1;
    if (!ok) report.violations.push(message());
  };

  const users = (
    await db.query(`
      select u.id, u.user_name_key, u.email_key, u.active, u.applied, u.host_user_id, u.host_target, a.id as admin_id, a.email, a.is_active
      from scim_users u left join admin_users a on a.id = u.host_user_id order by u.id`)
  ).rows;
  for (const user of users) {
    check(
      user.applied === true && user.host_target === 'admin',
      () => `SCIM user ${user.user_name_key} is not applied to an admin user`,
    );
    check(
      user.admin_id !== null,
      () => `SCIM user ${user.user_name_key} links to admin user ${user.host_user_id}, which does not exist`,
    );
    check(user.email === user.email_key, () => `SCIM user ${user.user_name_key} has the host email ${user.email}`);
    check(
      user.is_active === user.active,
      () => `SCIM user ${user.user_name_key} is active=${user.active} but its admin user is_active=${user.is_active}`,
    );
  }

  const admins = (
    await db.query(
      `select a.id, a.email, (select count(*)::int from scim_users u where u.host_user_id = a.id) as links from admin_users a order by a.id`,
    )
  ).rows;
  for (const admin of admins) {
    if (expectations.unmanagedEmails.includes(admin.email)) continue;
    check(admin.links === 1, () => `admin user ${admin.email} (${admin.id}) is the host of ${admin.links} SCIM users`);
  }

  const duplicates: [string, string][] = [
    [
      'SCIM users by userName',
      'select user_name_key as key, count(*)::int as n from scim_users group by 1 having count(*) > 1',
    ],
    [
      'admin users by email',
      'select lower(email) as key, count(*)::int as n from admin_users group by 1 having count(*) > 1',
    ],
    [
      'host links',
      'select host_user_id as key, count(*)::int as n from scim_users where host_user_id is not null group by 1 having count(*) > 1',
    ],
    [
      'memberships',
      `select group_ref || ':' || user_ref as key, count(*)::int as n from scim_memberships group by group_ref, user_ref having count(*) > 1`,
    ],
  ];
  for (const [label, sql] of duplicates) {
    const rows = (await db.query(sql)).rows;
    check(rows.length === 0, () => `duplicate ${label}: ${JSON.stringify(rows)}`);
  }
  const dangling = (
    await db.query(`
      select m.group_ref, m.user_ref from scim_memberships m
      left join scim_users u on u.id = m.user_ref left join scim_groups g on g.id = m.group_ref
      where u.id is null or g.id is null`)
  ).rows;
  check(dangling.length === 0, () => `memberships of missing users or groups: ${JSON.stringify(dangling)}`);

  const roleRows = (
    await db.query(`
      select u.user_name_key, r.code from scim_users u
      join admin_users_roles_lnk l on l.user_id = u.host_user_id join admin_roles r on r.id = l.role_id`)
  ).rows;
  const memberOf = (
    await db.query(
      `select u.user_name_key, g.scim_id from scim_memberships m join scim_users u on u.id = m.user_ref join scim_groups g on g.id = m.group_ref`,
    )
  ).rows;
  for (const user of users) {
    const actual = roleRows
      .filter((row) => row.user_name_key === user.user_name_key)
      .map((row) => row.code)
      .sort();
    const mapped = memberOf
      .filter((row) => row.user_name_key === user.user_name_key)
      .map((row) => expectations.mappedRoles[row.scim_id])
      .filter(Boolean);
    const expected = [...new Set([expectations.defaultRoleCode, ...mapped])].sort();
    check(
      JSON.stringify(actual) === JSON.stringify(expected),
      () => `admin roles of ${user.user_name_key} are ${actual.join(',')}, expected ${expected.join(',')}`,
    );
  }
  return report;
};
