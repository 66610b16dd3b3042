import type { Core } from '@strapi/strapi';
import { getPluginConfig } from '../utils/plugin-config';
import { ACTIVITY_UID, type ActivityEntryRow, type ActivityInput } from './activity';
import type { RowQuery } from './store/row-query';
import { fitColumn } from './store/storable-text';

const MINUTE_MS = 60_000;
const TABLE = 'scim_activity';
/** Each instance checks the refused-row cap after this many rows it inserted itself. */
const CAP_CHECK_EVERY = 50;
const PRUNE_BATCH = 500;

export const minuteOf = (ms: number): number => Math.floor(ms / MINUTE_MS);

/** Whole seconds until the calendar minute of `ms` ends, at least 1. */
export const secondsLeftInMinute = (ms: number): number =>
  Math.max(1, Math.ceil((MINUTE_MS - (ms % MINUTE_MS)) / 1000));

export interface Refusal extends Pick<ActivityInput, 'method' | 'resourceType' | 'operation' | 'mode' | 'detail'> {
  client: string;
  status: number;
}

/**
 * Refused SCIM requests (401: no valid secret; 503: provisioning disabled), docs/decisions/auth-throttling.md.
 * One activity row per client key and calendar minute carries a `count`: it is the activity log's record of the
 * refusals and, in the database every instance shares, the failed-authentication counter the throttle reads.
 * A unique index on (client_key, window_minute) keeps it one row under concurrent failures on any instance.
 */
const createRefusalsService = ({ strapi }: { strapi: Core.Strapi }) => {
  let insertedSinceCapCheck = 0;
  const knex = () => strapi.db.connection;
  const entries = (): RowQuery<ActivityEntryRow> => strapi.db.query(ACTIVITY_UID);

  const increment = async (refusal: Refusal, minute: number): Promise<boolean> => {
    // The affected-row count as the driver reports it.
    const changed: number | string = await knex()(TABLE)
      .where({ client_key: refusal.client, window_minute: minute })
      .update({
        count: knex().raw('?? + 1', ['count']),
        status: refusal.status,
        method: refusal.method,
        resource_type: refusal.resourceType,
        operation: refusal.operation,
        mode: refusal.mode ?? null,
        detail: refusal.detail ?? null,
        updated_at: new Date(),
      });
    return Number(changed) > 0;
  };

  return {
    /** Refusals counted for `client` in the current minute, on every instance: one indexed read. */
    async countThisMinute(client: string, now = Date.now()): Promise<number> {
      const row = await entries().findOne({
        select: ['count'],
        where: { clientKey: client, windowMinute: minuteOf(now) },
      });
      return Number(row?.count ?? 0);
    },

    /**
     * Counts one refusal: an UPDATE of the minute's row, or the INSERT of it. Two instances inserting the same
     * row at once: the unique index refuses the second, which then updates the row the first inserted.
     */
    async record(refusal: Refusal, now = Date.now()): Promise<void> {
      const minute = minuteOf(now);
      if (await increment(refusal, minute)) return;
      try {
        await entries().createMany({
          data: [
            {
              method: refusal.method,
              resourceType: refusal.resourceType,
              operation: refusal.operation,
              outcome: 'failure',
              status: refusal.status,
              mode: refusal.mode ?? null,
              detail: refusal.detail ?? null,
              clientKey: fitColumn(refusal.client),
              windowMinute: minute,
              count: 1,
              quirks: [],
              changes: [],
            },
          ],
        });
      } catch (error) {
        if (await increment(refusal, minute)) return;
        throw error;
      }
      insertedSinceCapCheck += 1;
      if (insertedSinceCapCheck >= CAP_CHECK_EVERY) {
        insertedSinceCapCheck = 0;
        await this.pruneToCap();
      }
    },

    /**
     * Deletes the oldest refused rows past `refusedMaxEntries`. Only rows with a client key are counted or
     * deleted: refusals never push provisioning or settings entries out, nor count toward their limit.
     */
    async pruneToCap(): Promise<number> {
      const { refusedMaxEntries } = getPluginConfig(strapi);
      const refused = { clientKey: { $notNull: true } };
      let removed = 0;
      for (;;) {
        const excess = Number(await entries().count({ where: refused })) - refusedMaxEntries;
        if (excess <= 0) return removed;
        const oldest = await entries().findMany({
          select: ['id'],
          where: refused,
          orderBy: { id: 'asc' },
          limit: Math.min(excess, PRUNE_BATCH),
        });
        if (oldest.length === 0) return removed;
        await entries().deleteMany({ where: { id: { $in: oldest.map((row) => row.id) } } });
        removed += oldest.length;
      }
    },
  };
};

export type RefusalsService = ReturnType<typeof createRefusalsService>;
export default createRefusalsService;
