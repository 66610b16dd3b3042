/**
 * Seeding through the plugin's own services (the same validation, uniqueness check, row and activity
 * entry as a SCIM POST), many creates per transaction so a large directory takes seconds, not minutes.
 */
import type { HostMode } from '../../server/src/services/host-users';
import type { GroupsService, UsersService } from '../../server/src/services/resources';
import type { BenchApp } from './bench-app';
import { groupBody, userBody } from './scim-bodies';

const BATCH = 1000;

export interface SeedResult {
  scimIds: string[];
  seconds: number;
  perSecond: number;
}

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
