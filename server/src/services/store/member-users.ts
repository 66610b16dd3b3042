import type { Core } from '@strapi/strapi';
import { inChunks } from './in-chunks';
import type { RowQuery } from './row-query';
import { isStorableKey } from './storable-text';
import { SCIM_USER_UID } from './user-repository';

/** What a group member needs of its user: the row id (for membership rows), the SCIM id and a display name. */
export interface MemberUser {
  id: number;
  scimId: string;
  userName: string;
}

const FIELDS = ['id', 'scimId', 'userName'];

/** Looks members up in scim_users by SCIM id or by row id, a chunk of ids per query. */
export const createMemberUserLookup = (strapi: Core.Strapi) => {
  const query = (): RowQuery<MemberUser> => strapi.db.query(SCIM_USER_UID);

  return {
    /** Ids no row could hold (see storable-text.ts) match nothing and are not sent to the database. */
    byScimIds: (scimIds: readonly string[]): Promise<MemberUser[]> =>
      inChunks(scimIds.filter(isStorableKey), (chunk) =>
        query().findMany({ select: FIELDS, where: { scimId: { $in: chunk } } }),
      ),

    byIds: (ids: readonly number[]): Promise<MemberUser[]> =>
      inChunks(ids, (chunk) => query().findMany({ select: FIELDS, where: { id: { $in: chunk } } })),

    /**
     * Locks these users' rows until the transaction ends (PostgreSQL, MySQL), in id order, and returns the
     * ids still there. A membership change takes these locks before it touches membership rows or host
     * users, as a user write takes its own row's lock first: so a user DELETE cannot slip between the
     * check that a member exists and the membership insert (leaving a row for a deleted user), a user
     * PATCH cannot recompute host roles from a membership list about to change, and no two writers wait
     * on each other in opposite orders. SQLite runs one transaction at a time and needs no lock.
     */
    async lockByIds(ids: readonly number[]): Promise<Set<number>> {
      const sorted = [...new Set(ids)].sort((a, b) => a - b);
      const rows = await inChunks(sorted, (chunk): Promise<{ id: number }[]> => {
        const builder = strapi.db
          .queryBuilder(SCIM_USER_UID)
          .select(['id'])
          .where({ id: { $in: chunk } })
          .orderBy({ id: 'asc' });
        if (strapi.db.dialect.client !== 'sqlite') builder.forUpdate();
        return builder.execute();
      });
      return new Set(rows.map((row) => row.id));
    },
  };
};

export type MemberUserLookup = ReturnType<typeof createMemberUserLookup>;
