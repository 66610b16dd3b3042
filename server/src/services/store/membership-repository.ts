import type { Core } from '@strapi/strapi';
import { inChunks } from './in-chunks';
import type { RowQuery } from './row-query';

import { SCIM_MEMBERSHIP_UID, SCIM_USER_UID } from './resource-uids';

export { SCIM_MEMBERSHIP_UID };

/** One scim_memberships row: scim_groups.id and scim_users.id. */
export interface MembershipRow {
  groupRef: number;
  userRef: number;
}

const ROW_FIELDS = ['groupRef', 'userRef'];

/**
 * scim_memberships through strapi.db.query; every call joins the caller's transaction when there is one.
 * Membership changes are row inserts and deletes of the members concerned, never a rewrite of the list.
 */
export const createMembershipRepository = (strapi: Core.Strapi) => {
  const query = (): RowQuery<MembershipRow> => strapi.db.query(SCIM_MEMBERSHIP_UID);
  const users = (): RowQuery<{ id: number }> => strapi.db.query(SCIM_USER_UID);

  return {
    /** Every member of one group, in the order they joined. */
    async userRefsOf(groupRef: number): Promise<number[]> {
      const rows: MembershipRow[] = await query().findMany({
        select: ROW_FIELDS,
        where: { groupRef },
        orderBy: { id: 'asc' },
      });
      return rows.map((row) => row.userRef);
    },

    /** Which of `userRefs` belong to the group: what a PATCH naming a few members needs, however large the group. */
    async membersAmong(groupRef: number, userRefs: readonly number[]): Promise<number[]> {
      const rows = await inChunks(userRefs, (chunk): Promise<MembershipRow[]> =>
        query().findMany({ select: ROW_FIELDS, where: { groupRef, userRef: { $in: chunk } } }),
      );
      return rows.map((row) => row.userRef);
    },

    /** The members of several groups (one page of a list), in the order they joined. */
    listMembers: (groupRefs: readonly number[]): Promise<MembershipRow[]> =>
      inChunks(groupRefs, (chunk) =>
        query().findMany({
          select: ROW_FIELDS,
          where: { groupRef: { $in: chunk } },
          orderBy: [{ groupRef: 'asc' }, { id: 'asc' }],
        }),
      ),

    /** The groups one user belongs to (scim_groups.id). */
    async groupsOfUser(userRef: number): Promise<number[]> {
      const rows: MembershipRow[] = await query().findMany({
        select: ROW_FIELDS,
        where: { userRef },
        orderBy: { id: 'asc' },
      });
      return rows.map((row) => row.groupRef);
    },

    /** The memberships of several users (one page of a User list). */
    groupsOfUsers: (userRefs: readonly number[]): Promise<MembershipRow[]> =>
      inChunks(userRefs, (chunk) =>
        query().findMany({
          select: ROW_FIELDS,
          where: { userRef: { $in: chunk } },
          orderBy: [{ userRef: 'asc' }, { id: 'asc' }],
        }),
      ),

    /** Also marks the users as having joined a group (scim_users.has_joined_group), which reads rely on. */
    async add(groupRef: number, userRefs: readonly number[]): Promise<void> {
      await inChunks(userRefs, async (chunk) => {
        await query().createMany({ data: chunk.map((userRef) => ({ groupRef, userRef })) });
        await users().updateMany({
          where: { id: { $in: chunk }, $or: [{ hasJoinedGroup: false }, { hasJoinedGroup: { $null: true } }] },
          data: { hasJoinedGroup: true },
        });
        return [];
      });
    },

    async remove(groupRef: number, userRefs: readonly number[]): Promise<void> {
      await inChunks(userRefs, async (chunk) => {
        await query().deleteMany({ where: { groupRef, userRef: { $in: chunk } } });
        return [];
      });
    },

    /** Deleting a group deletes its memberships. */
    removeGroup: (groupRef: number) => query().deleteMany({ where: { groupRef } }),

    /** Deleting a user must delete its memberships too (there is no foreign key to cascade). */
    removeUser: (userRef: number) => query().deleteMany({ where: { userRef } }),
  };
};

export type MembershipRepository = ReturnType<typeof createMembershipRepository>;
