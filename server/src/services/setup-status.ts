import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import type { SetupStatusResponse } from '../contracts';
import { ACTIVITY_UID, type ActivityEntryRow } from './activity';
import { minuteOf } from './refusals';
import { getService } from '../utils/get-service';
import type { RowQuery } from './store/row-query';

const DAY_MS = 86_400_000;
const iso = z.iso.datetime().nullable();

/** The answer of `GET /scim/setup-status`, checked before it leaves the server. */
export const setupStatusSchema = z
  .object({
    enabled: z.boolean(),
    secretExists: z.boolean(),
    firstRequestAt: iso,
    lastRequestAt: iso,
    failedRequestsLast24h: z.number().int().min(0),
    mode: z.enum(['test', 'production']),
    notApplied: z
      .object({ users: z.number().int().min(0), groups: z.number().int().min(0) })
      .strict()
      .nullable(),
  })
  .strict() satisfies z.ZodType<SetupStatusResponse>;

interface SecretUseRow {
  firstUsedAt: string | Date | null;
  lastUsedAt: string | Date | null;
  expiresAt: string | Date | null;
}

const toIso = (value: string | Date | null): string | null => (value ? new Date(value).toISOString() : null);

const earliest = (values: (string | null)[]) =>
  values.filter((value): value is string => value !== null).sort()[0] ?? null;

/**
 * Where the site owner stands on the way to a first provisioned user, read from the tables every Strapi instance
 * shares: the secrets' first and last use, the activity log's failures of the last 24 hours, and in test mode what
 * was received and not applied to Strapi.
 */
export const createSetupStatus = (strapi: Core.Strapi) => {
  const activity = (): RowQuery<ActivityEntryRow> => strapi.db.query(ACTIVITY_UID);

  const secretUse = async () => {
    const secrets: RowQuery<SecretUseRow> = strapi.db.query('plugin::scim.secret');
    const rows = await secrets.findMany({ select: ['firstUsedAt', 'lastUsedAt', 'expiresAt'] });
    const now = Date.now();
    const lastUses = rows.map((row) => toIso(row.lastUsedAt));
    return {
      secretExists: rows.some((row) => !row.expiresAt || new Date(row.expiresAt).getTime() > now),
      // A secret used before firstUsedAt existed counts from its last use.
      firstRequestAt: earliest(rows.map((row) => toIso(row.firstUsedAt ?? row.lastUsedAt))),
      lastRequestAt:
        lastUses
          .filter((value): value is string => value !== null)
          .sort()
          .at(-1) ?? null,
    };
  };

  /** Failed SCIM requests (one entry each) plus refused ones (one row per client and minute, with a count). */
  const failuresSince = async (since: number): Promise<number> => {
    const failed = await activity().count({
      where: {
        outcome: 'failure',
        clientKey: { $null: true },
        resourceType: { $in: ['User', 'Group', 'Endpoint'] },
        createdAt: { $gte: new Date(since) },
      },
    });
    const refused: { total: number | string | null }[] = await strapi.db
      .connection('scim_activity')
      .whereNotNull('client_key')
      .where('window_minute', '>=', minuteOf(since))
      .sum({ total: 'count' });
    return Number(failed) + Number(refused[0]?.total ?? 0);
  };

  /** In test mode nothing reaches Strapi: users not applied yet, and every group (its roles wait too). */
  const notAppliedInTestMode = async () => {
    const users: RowQuery<unknown> = strapi.db.query('plugin::scim.scim-user');
    const groups: RowQuery<unknown> = strapi.db.query('plugin::scim.scim-group');
    return { users: Number(await users.count({ where: { applied: false } })), groups: Number(await groups.count()) };
  };

  return {
    async read(now = Date.now()): Promise<SetupStatusResponse> {
      const settings = await getService(strapi, 'settings').get();
      return setupStatusSchema.parse({
        enabled: settings.enabled,
        ...(await secretUse()),
        failedRequestsLast24h: await failuresSince(now - DAY_MS),
        mode: settings.productionMode ? 'production' : 'test',
        notApplied: settings.productionMode ? null : await notAppliedInTestMode(),
      });
    },
  };
};
