import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { SCIM_GROUP_UID } from './store/group-repository';
import type { RowQuery } from './store/row-query';
import { SCIM_USER_UID } from './store/user-repository';

const instant = z.iso.datetime({ offset: true });

const filterFields = {
  outcome: z.enum(['success', 'failure']).optional(),
  resourceType: z.enum(['User', 'Group', 'Settings', 'Secret', 'Endpoint']).optional(),
  mode: z.enum(['test', 'production']).optional(),
  /** A resource's id or externalId (exact), or part of its name (userName or displayName, any case). */
  search: z.string().trim().min(1).max(200).optional(),
  /** Entries at or after this instant. */
  from: instant.optional(),
  /** Entries before this instant. */
  to: instant.optional(),
};

const rangeInOrder = ({ from, to }: { from?: string; to?: string }) =>
  !from || !to || Date.parse(from) < Date.parse(to);
const RANGE_ERROR = { message: 'from must be before to', path: ['from'] };

/** What selects activity entries: the CSV export's query, and the list's without its paging. */
export const activityFilterSchema = z.object(filterFields).strict().refine(rangeInOrder, RANGE_ERROR);

export type ActivityFilters = z.infer<typeof activityFilterSchema>;

export const activityQuerySchema = z
  .object({
    ...filterFields,
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict()
  .refine(rangeInOrder, RANGE_ERROR);

export type ActivityQuery = z.infer<typeof activityQuerySchema>;

/** The SCIM ids of the users and groups whose externalId is exactly `externalId`. */
const idsWithExternalId = async (strapi: Core.Strapi, externalId: string): Promise<string[]> => {
  const rows = await Promise.all(
    [SCIM_USER_UID, SCIM_GROUP_UID].map((uid) =>
      (strapi.db.query(uid) as RowQuery<{ scimId: string }>).findMany({
        select: ['scimId'],
        where: { externalId },
      }),
    ),
  );
  return rows.flat().map((row) => row.scimId);
};

/**
 * The where-object for the filters. A search matches an entry's resource id or name; an externalId is resolved
 * to the ids of the users and groups that hold it now (entries keep the SCIM id, not the externalId).
 */
export const activityWhere = async (
  strapi: Core.Strapi,
  { outcome, resourceType, mode, search, from, to }: ActivityFilters,
): Promise<Record<string, unknown>> => {
  const where: Record<string, unknown>[] = [];
  for (const [key, value] of Object.entries({ outcome, resourceType, mode })) if (value) where.push({ [key]: value });
  if (from) where.push({ createdAt: { $gte: new Date(from) } });
  if (to) where.push({ createdAt: { $lt: new Date(to) } });
  if (search) {
    const ids = [search, ...(await idsWithExternalId(strapi, search))];
    where.push({ $or: [{ resourceId: { $in: ids } }, { resourceName: { $containsi: search } }] });
  }
  return where.length === 0 ? {} : { $and: where };
};
