import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { ScimResource } from '../../scim/resource';
import { createAttributeIndex } from './attribute-index';
import type { HostOrigin } from './host-origin';
import { inChunks } from './in-chunks';
import { readPage, type ListQuery } from './list-query';
import type { RowQuery } from './row-query';
import { assertColumnsFit, fitColumn, isStorableKey } from './storable-text';
import { USER_COLUMN_LABELS, userColumnValues } from './user-columns';

import { SCIM_USER_UID } from './resource-uids';

export { SCIM_USER_UID };

export interface ScimUserRow {
  id: number;
  scimId: string;
  userName: string;
  externalId: string | null;
  active: boolean;
  resource: ScimResource;
  version: number;
  createdAt: string;
  updatedAt: string;
  hostUserId: number | null;
  hostTarget: string | null;
  /** Whether SCIM created its host user or linked one that existed; null on rows from before 0.2. */
  hostOrigin: HostOrigin | null;
  applied: boolean;
  notAppliedReason: string | null;
  /**
   * False until the user first joins a group, and never cleared: a read skips the membership query for a user
   * who never joined one. Null on rows from before 0.3 (unknown: their memberships are read).
   */
  hasJoinedGroup: boolean | null;
}

const ROW_FIELDS = [
  'id',
  'scimId',
  'userName',
  'externalId',
  'active',
  'resource',
  'version',
  'createdAt',
  'updatedAt',
  'hostUserId',
  'hostTarget',
  'hostOrigin',
  'applied',
  'notAppliedReason',
  'hasJoinedGroup',
];

export interface HostLink {
  hostUserId: number | null;
  hostTarget?: string | null;
  hostOrigin?: HostOrigin | null;
  applied: boolean;
  notAppliedReason: string | null;
}

/** The indexed columns of a resource; a value longer than its column is a 400 naming the attribute. */
const fittingColumns = (resource: ScimResource) => {
  const values = userColumnValues(resource);
  assertColumnsFit(values, USER_COLUMN_LABELS);
  return values;
};

/** scim_users through strapi.db.query; every call joins the caller's transaction when there is one. */
export const createUserRepository = (strapi: Core.Strapi) => {
  const query = (): RowQuery<ScimUserRow> => strapi.db.query(SCIM_USER_UID);
  const attributeIndex = createAttributeIndex(strapi, 'User');

  return {
    /** An id no row could hold (NUL, over 255 characters) is not looked up: PostgreSQL would refuse the query. */
    findByScimId: async (scimId: string): Promise<ScimUserRow | null> =>
      isStorableKey(scimId) ? query().findOne({ select: ROW_FIELDS, where: { scimId } }) : null,

    /**
     * Reads the row for a write and, on PostgreSQL and MySQL, locks it until the transaction ends: writes to
     * one user queue up instead of failing their version check (a 412 the client never asked for), and
     * every write takes this lock before the host user's, so a PUT and a DELETE cannot deadlock.
     * SQLite needs no lock: Strapi gives it one connection, so its transactions already run one at a time.
     */
    async lockByScimId(scimId: string): Promise<ScimUserRow | null> {
      if (!isStorableKey(scimId)) return null;
      const builder = strapi.db.queryBuilder(SCIM_USER_UID).select(ROW_FIELDS).where({ scimId }).first();
      if (strapi.db.dialect.client !== 'sqlite') builder.forUpdate();
      return (await builder.execute<ScimUserRow | undefined>()) ?? null;
    },

    findByUserName: (userName: string): Promise<ScimUserRow | null> =>
      query().findOne({ select: ROW_FIELDS, where: { userNameKey: userName.toLowerCase() } }),

    list: (listQuery: ListQuery): Promise<{ rows: ScimUserRow[]; total: number }> =>
      readPage(query(), ROW_FIELDS, listQuery),

    /** One INSERT: create() would read the row back, and every column of a new row is known here. */
    async insert(resource: ScimResource): Promise<ScimUserRow> {
      const now = new Date();
      const columns = fittingColumns(resource);
      const data = { scimId: randomUUID(), ...columns, resource, version: 1, hasJoinedGroup: false };
      const { ids } = await query().createMany({ data: [{ ...data, createdAt: now, updatedAt: now }] });
      const row: ScimUserRow = {
        id: Number(ids?.[0]),
        scimId: data.scimId,
        userName: columns.userName,
        externalId: columns.externalId,
        active: columns.active,
        resource,
        version: 1,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        hostUserId: null,
        hostTarget: null,
        hostOrigin: null,
        applied: false,
        notAppliedReason: null,
        hasJoinedGroup: false,
      };
      if (!Number.isInteger(row.id)) throw new Error('the database returned no id for the new SCIM user');
      await attributeIndex.insert(row.id, resource);
      return row;
    },

    /** Writes a new version only if the row still has `expectedVersion`; null when another write got there first. */
    async replace(row: ScimUserRow, resource: ScimResource): Promise<ScimUserRow | null> {
      const updated = await query().updateMany({
        where: { id: row.id, version: row.version },
        data: { ...fittingColumns(resource), resource, version: row.version + 1, updatedAt: new Date() },
      });
      if (Number(updated?.count ?? 0) === 0) return null;
      await attributeIndex.replace(row.id, row.resource, resource);
      return query().findOne({ select: ROW_FIELDS, where: { id: row.id } });
    },

    async remove(row: ScimUserRow) {
      await attributeIndex.remove(row.id);
      return query().delete({ where: { id: row.id } });
    },

    /** Records which host user a SCIM user is applied to (no version bump: the SCIM resource is unchanged). */
    async setHostLink(row: ScimUserRow, link: HostLink): Promise<ScimUserRow> {
      // updateMany: one UPDATE, where update() would also read the row before and after.
      const fitted = { ...link, notAppliedReason: fitColumn(link.notAppliedReason) };
      await query().updateMany({ where: { id: row.id }, data: fitted });
      return { ...row, ...fitted };
    },

    /** Another SCIM user whose host user has this email address. */
    findOtherWithEmail: (emailKey: string, exceptId: number): Promise<ScimUserRow | null> =>
      query().findOne({
        select: ROW_FIELDS,
        where: { emailKey, id: { $ne: exceptId }, hostUserId: { $notNull: true } },
      }),

    /** Another SCIM user linked to this host user (rows from before hostTarget was stored count as linked). */
    findOtherLinkedTo: (hostUserId: number, hostTarget: string, exceptId: number): Promise<ScimUserRow | null> =>
      query().findOne({
        select: ROW_FIELDS,
        where: { hostUserId, id: { $ne: exceptId }, $or: [{ hostTarget }, { hostTarget: { $null: true } }] },
      }),

    /** The applied users among these rows and their host user ids. */
    hostLinksOf: (ids: readonly number[]): Promise<{ id: number; hostUserId: number }[]> =>
      inChunks(
        ids,
        // The where-clause leaves out rows without a host user, so hostUserId is a number on every row read.
        (chunk) =>
          query().findMany({
            select: ['id', 'hostUserId'],
            where: { id: { $in: chunk }, applied: true, hostUserId: { $notNull: true } },
          }) as Promise<{ id: number; hostUserId: number }[]>,
      ),

    /** The stored resources of these rows, for what the host user takes from them (app roles). */
    resourcesOf: async (ids: readonly number[]): Promise<Map<number, ScimResource>> => {
      const rows = await inChunks(
        ids,
        (chunk) =>
          query().findMany({ select: ['id', 'resource'], where: { id: { $in: chunk } } }) as Promise<
            Pick<ScimUserRow, 'id' | 'resource'>[]
          >,
      );
      return new Map(rows.map((row) => [row.id, row.resource]));
    },

    countAll: async (): Promise<number> => Number(await query().count()),

    /** Users applied to a host user: whom a default-role or mapping change touches. */
    countApplied: async (): Promise<number> =>
      Number(await query().count({ where: { applied: true, hostUserId: { $notNull: true } } })),

    /** The ids of the first `limit` applied users, in id order. */
    appliedIds: async (limit: number): Promise<number[]> =>
      (
        await query().findMany({
          select: ['id'],
          where: { applied: true, hostUserId: { $notNull: true } },
          orderBy: { id: 'asc' },
          limit,
        })
      ).map((row) => row.id),

    /** Rows in id order after `afterId`, for batched reconciliation. */
    nextBatch: (afterId: number, size: number): Promise<ScimUserRow[]> =>
      query().findMany({ select: ROW_FIELDS, where: { id: { $gt: afterId } }, orderBy: { id: 'asc' }, limit: size }),
  };
};

export type UserRepository = ReturnType<typeof createUserRepository>;
