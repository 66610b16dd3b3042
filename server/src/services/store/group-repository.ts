import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { ScimResource } from '../../scim/resource';
import { createAttributeIndex } from './attribute-index';
import { GROUP_COLUMN_LABELS, groupColumnValues } from './group-columns';
import { inChunks } from './in-chunks';
import { readPage, type ListQuery } from './list-query';
import type { RowQuery } from './row-query';
import { assertColumnsFit, isStorableKey } from './storable-text';

import { SCIM_GROUP_UID } from './resource-uids';

export { SCIM_GROUP_UID };

/** A scim_groups row; `resource` never holds `members`, which are rows of scim_memberships. */
export interface ScimGroupRow {
  id: number;
  scimId: string;
  displayName: string;
  externalId: string | null;
  resource: ScimResource;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What a User's `groups` and a membership listing need of a group. */
export interface GroupSummary {
  id: number;
  scimId: string;
  displayName: string;
}

const ROW_FIELDS = ['id', 'scimId', 'displayName', 'externalId', 'resource', 'version', 'createdAt', 'updatedAt'];

const withoutMembers = (resource: ScimResource): ScimResource => {
  const { members: _members, ...rest } = resource;
  return rest;
};

/** The indexed columns of a resource; a value longer than its column is a 400 naming the attribute. */
const fittingColumns = (resource: ScimResource) => {
  const values = groupColumnValues(resource);
  assertColumnsFit(values, GROUP_COLUMN_LABELS);
  return values;
};

/** scim_groups through strapi.db.query; every call joins the caller's transaction when there is one. */
export const createGroupRepository = (strapi: Core.Strapi) => {
  const query = (): RowQuery<ScimGroupRow> => strapi.db.query(SCIM_GROUP_UID);
  const attributeIndex = createAttributeIndex(strapi, 'Group');

  return {
    /** An id no row could hold (NUL, over 255 characters) is not looked up: PostgreSQL would refuse the query. */
    findByScimId: async (scimId: string): Promise<ScimGroupRow | null> =>
      isStorableKey(scimId) ? query().findOne({ select: ROW_FIELDS, where: { scimId } }) : null,

    /**
     * Reads the row for a write and, on PostgreSQL and MySQL, locks it until the transaction ends, so writes
     * to one group queue up instead of failing their version check (20 parallel member adds all land).
     * SQLite needs no lock: Strapi gives it one connection, so its transactions already run one at a time.
     */
    async lockByScimId(scimId: string): Promise<ScimGroupRow | null> {
      if (!isStorableKey(scimId)) return null;
      const builder = strapi.db.queryBuilder(SCIM_GROUP_UID).select(ROW_FIELDS).where({ scimId }).first();
      if (strapi.db.dialect.client !== 'sqlite') builder.forUpdate();
      return (await builder.execute<ScimGroupRow | undefined>()) ?? null;
    },

    findByDisplayName: (displayName: string): Promise<ScimGroupRow | null> =>
      query().findOne({ select: ROW_FIELDS, where: { displayNameKey: displayName.toLowerCase() } }),

    /** Row ids of the groups with these SCIM ids (unknown ids are left out). */
    async refsOf(scimIds: readonly string[]): Promise<Map<string, number>> {
      const rows = await inChunks(scimIds, (chunk) =>
        query().findMany({ select: ['id', 'scimId'], where: { scimId: { $in: chunk } } }),
      );
      return new Map(rows.map((row) => [row.scimId, row.id]));
    },

    summariesByIds: (ids: readonly number[]): Promise<GroupSummary[]> =>
      inChunks(ids, (chunk) =>
        query().findMany({ select: ['id', 'scimId', 'displayName'], where: { id: { $in: chunk } } }),
      ),

    list: (listQuery: ListQuery): Promise<{ rows: ScimGroupRow[]; total: number }> =>
      readPage(query(), ROW_FIELDS, listQuery),

    async insert(resource: ScimResource): Promise<ScimGroupRow> {
      const stored = withoutMembers(resource);
      const row = await query().create({
        select: ROW_FIELDS,
        data: { scimId: randomUUID(), ...fittingColumns(resource), resource: stored, version: 1 },
      });
      await attributeIndex.insert(row.id, stored);
      return row;
    },

    /** Writes a new version only if the row still has its version; null when another write got there first. */
    async replace(row: ScimGroupRow, resource: ScimResource): Promise<ScimGroupRow | null> {
      const updated = await query().updateMany({
        where: { id: row.id, version: row.version },
        data: {
          ...fittingColumns(resource),
          resource: withoutMembers(resource),
          version: row.version + 1,
          updatedAt: new Date(),
        },
      });
      if (Number(updated?.count ?? 0) === 0) return null;
      await attributeIndex.replace(row.id, row.resource, withoutMembers(resource));
      return query().findOne({ select: ROW_FIELDS, where: { id: row.id } });
    },

    async remove(row: ScimGroupRow) {
      await attributeIndex.remove(row.id);
      return query().delete({ where: { id: row.id } });
    },
  };
};

export type GroupRepository = ReturnType<typeof createGroupRepository>;
