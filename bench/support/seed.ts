/**
 * Seeding through the plugin's own services (the same validation, uniqueness check, row and activity
 * entry as a SCIM POST), many creates per transaction so a large directory takes seconds, not minutes.
 */
import { randomUUID } from 'node:crypto';
import type { ScimResource } from '../../server/src/scim/resource';
import type { HostMode } from '../../server/src/services/host-users';
import { ATTRIBUTE_INDEX_UID, indexRowsOf } from '../../server/src/services/store/attribute-index';
import { indexedLeaves } from '../../server/src/services/store/indexed-attributes';
import { userColumnValues } from '../../server/src/services/store/user-columns';
import { SCIM_USER_UID } from '../../server/src/services/store/user-repository';
import type { GroupsService, UsersService } from '../../server/src/services/resources';
import type { BenchApp } from './bench-app';
import { groupBody, userBody } from './scim-bodies';

const BATCH = 1000;

export interface SeedResult {
  scimIds: string[];
  seconds: number;
  perSecond: number;
}

/**
 * A directory in use is not one bulk-loaded a second ago: on PostgreSQL, vacuum and analyze now and checkpoint, so
 * that autovacuum and the checkpointer do not run during the timed rounds that follow (at 100,000 users they slowed
 * every round trip, the floor's included, by 40 %).
 */
const settle = async (bench: BenchApp): Promise<void> => {
  if (bench.db !== 'postgres') return;
  await bench.strapi.db.connection.raw('vacuum analyze');
  await bench.strapi.db.connection.raw('checkpoint');
};

export const usersService = (bench: BenchApp) => bench.strapi.plugin('scim').service<UsersService>('users');
export const groupsService = (bench: BenchApp) => bench.strapi.plugin('scim').service<GroupsService>('groups');

/** Users `prefix.from` .. `prefix.(to-1)`; test mode writes SCIM rows only (no host users). */
export const seedUsers = async (
  bench: BenchApp,
  prefix: string,
  from: number,
  to: number,
  mode: HostMode = bench.testMode,
): Promise<SeedResult> => {
  const users = usersService(bench);
  const scimIds: string[] = [];
  const started = process.hrtime.bigint();
  for (let start = from; start < to; start += BATCH) {
    const end = Math.min(to, start + BATCH);
    await bench.strapi.db.transaction(async () => {
      for (let n = start; n < end; n += 1) {
        const { row } = await users.create(userBody(prefix, n), mode);
        scimIds.push(row.scimId);
      }
    });
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await settle(bench);
  return { scimIds, seconds, perSecond: Math.round((to - from) / seconds) };
};

export const seedGroup = async (
  bench: BenchApp,
  displayName: string,
  memberIds: readonly string[],
  mode: HostMode = bench.testMode,
) => {
  const { row } = await groupsService(bench).create(groupBody(displayName, memberIds), mode);
  return row.scimId;
};

/**
 * Users `prefix.from` .. `prefix.(to-1)` written straight into scim_users and scim_attribute_index, in the shape the
 * user repository writes them (the same columns and the same index rows), 1,000 a transaction with one multi-row
 * INSERT per table: 100k users in well under a minute, where the service takes several. No activity entries, no
 * validation: for read benchmarks only.
 */
export const seedUsersDirect = async (
  bench: BenchApp,
  prefix: string,
  from: number,
  to: number,
): Promise<SeedResult> => {
  const { strapi } = bench;
  const leaves = indexedLeaves(strapi, 'User');
  const scimIds: string[] = [];
  const started = process.hrtime.bigint();
  for (let start = from; start < to; start += BATCH) {
    const end = Math.min(to, start + BATCH);
    await strapi.db.transaction(async () => {
      const rows = [];
      for (let n = start; n < end; n += 1) {
        const resource = userBody(prefix, n) as unknown as ScimResource;
        rows.push({ scimId: randomUUID(), ...userColumnValues(resource), resource, version: 1 });
      }
      await strapi.db.query(SCIM_USER_UID).createMany({ data: rows });
      const ids = new Map(
        (
          (await strapi.db.query(SCIM_USER_UID).findMany({
            select: ['id', 'scimId'],
            where: { scimId: { $in: rows.map((row) => row.scimId) } },
          })) as { id: number; scimId: string }[]
        ).map((row) => [row.scimId, row.id]),
      );
      const indexRows = rows.flatMap((row) =>
        indexRowsOf(leaves, row.resource).map((entry) => ({
          ...entry,
          resourceType: 'User',
          ownerRef: ids.get(row.scimId),
        })),
      );
      for (let at = 0; at < indexRows.length; at += 500) {
        await strapi.db.query(ATTRIBUTE_INDEX_UID).createMany({ data: indexRows.slice(at, at + 500) });
      }
      scimIds.push(...rows.map((row) => row.scimId));
    });
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await settle(bench);
  return { scimIds, seconds, perSecond: Math.round((to - from) / seconds) };
};
