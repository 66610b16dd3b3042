import type { Core } from '@strapi/strapi';
import { getPluginConfig } from '../utils/plugin-config';
import { activityWhere, type ActivityFilters, type ActivityQuery } from './activity-query';
import type { RowQuery } from './store/row-query';
import { fitColumn } from './store/storable-text';

export const ACTIVITY_UID = 'plugin::scim.activity-entry';

export type ActivityOutcome = 'success' | 'failure';
export type ActivityMode = 'test' | 'production';

/** What one entry says; never a secret, never a password (changes hold attribute names only). */
export interface ActivityInput {
  method: string;
  resourceType: 'User' | 'Group' | 'Settings' | 'Secret' | 'Endpoint';
  resourceId?: string | null;
  resourceName?: string | null;
  operation: string;
  outcome: ActivityOutcome;
  status: number;
  mode?: ActivityMode | null;
  quirks?: string[];
  changes?: string[];
  hostAction?: string | null;
  detail?: string | null;
  actor?: string | null;
}

/** An activity_entries row as read back. */
export interface ActivityEntryRow extends ActivityInput {
  id: number;
  clientKey: string | null;
  windowMinute: number | null;
  /** A refused-request row's count; null on other entries. Typed as a driver may return an integer column. */
  count: number | string | null;
  createdAt: string;
}

const PRUNE_BATCH = 500;
const EXPORT_BATCH = 1000;

const createActivityService = ({ strapi }: { strapi: Core.Strapi }) => {
  const entries = (): RowQuery<ActivityEntryRow> => strapi.db.query(ACTIVITY_UID);

  return {
    /** Inside a transaction the entry commits or rolls back with the change it describes. */
    async record(input: ActivityInput): Promise<void> {
      // createMany inserts without reading the row back, which create() does: one statement on every write.
      await entries().createMany({
        data: [
          {
            ...input,
            // Echoes of client input (ids, names, error details) are cut to their columns and lose any NUL.
            resourceId: fitColumn(input.resourceId),
            resourceName: fitColumn(input.resourceName),
            hostAction: fitColumn(input.hostAction),
            actor: fitColumn(input.actor),
            // eslint-disable-next-line no-control-regex -- U+0000 is the character PostgreSQL refuses, removed on purpose
            detail: input.detail ? input.detail.replace(/\u0000/g, '').slice(0, 2000) : null,
            quirks: input.quirks ?? [],
            changes: input.changes ?? [],
          },
        ],
      });
    },

    async list(query: ActivityQuery) {
      const where = await activityWhere(strapi, query);
      const [results, total] = await Promise.all([
        entries().findMany({
          where,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          offset: (query.page - 1) * query.pageSize,
          limit: query.pageSize,
        }),
        entries().count({ where }),
      ]);
      return {
        results,
        pagination: {
          page: query.page,
          pageSize: query.pageSize,
          total: Number(total),
          pageCount: Math.ceil(Number(total) / query.pageSize),
        },
      };
    },

    /**
     * The entries the filters select, newest first, a batch at a time: what the CSV export writes. Each batch
     * starts after the last row of the one before (createdAt, then id), so entries recorded while the export runs
     * neither repeat a row nor push one out, and no batch pays for skipping the rows before it.
     */
    async *each(filters: ActivityFilters, batchSize = EXPORT_BATCH): AsyncGenerator<ActivityEntryRow> {
      const where = await activityWhere(strapi, filters);
      let after: ActivityEntryRow | undefined;
      for (;;) {
        const before = after && {
          $or: [
            { createdAt: { $lt: after.createdAt } },
            { $and: [{ createdAt: after.createdAt }, { id: { $lt: after.id } }] },
          ],
        };
        const batch = await entries().findMany({
          where: before ? { $and: [where, before] } : where,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          limit: batchSize,
        });
        for (const row of batch) yield row;
        if (batch.length < batchSize) return;
        after = batch[batch.length - 1];
      }
    },

    /**
     * Deletes entries past the configured age, then provisioning and settings entries past `activityMaxEntries`,
     * a batch at a time, oldest first. Refused-request rows (with a client key) are capped apart
     * (refusals.pruneToCap): they neither count toward this limit nor push these entries out.
     */
    async prune(now = new Date()): Promise<number> {
      const { activityRetentionDays, activityMaxEntries } = getPluginConfig(strapi);
      const cutoff = new Date(now.getTime() - activityRetentionDays * 86_400_000);
      let removed = 0;
      for (;;) {
        const old = await entries().findMany({
          select: ['id'],
          where: { createdAt: { $lt: cutoff } },
          orderBy: { id: 'asc' },
          limit: PRUNE_BATCH,
        });
        if (old.length === 0) break;
        await entries().deleteMany({ where: { id: { $in: old.map((row) => row.id) } } });
        removed += old.length;
      }
      const provisioning = { clientKey: { $null: true } };
      for (;;) {
        const excess = Number(await entries().count({ where: provisioning })) - activityMaxEntries;
        if (excess <= 0) break;
        const oldest = await entries().findMany({
          select: ['id'],
          where: provisioning,
          orderBy: { id: 'asc' },
          limit: Math.min(excess, PRUNE_BATCH),
        });
        await entries().deleteMany({ where: { id: { $in: oldest.map((row) => row.id) } } });
        removed += oldest.length;
      }
      return removed;
    },
  };
};

export type ActivityService = ReturnType<typeof createActivityService>;
export default createActivityService;
