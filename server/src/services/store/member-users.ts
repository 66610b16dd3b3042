import type { Core } from '@strapi/strapi';
import { inChunks } from './in-chunks';
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
  const query = () => strapi.db.query(SCIM_USER_UID);

  return {
    /** Ids no row could hold (see storable-text.ts) match nothing and are not sent to the database. */
    byScimIds: (scimIds: readonly string[]): Promise<MemberUser[]> =>
      inChunks(scimIds.filter(isStorableKey), (chunk) =>
        query().findMany({ select: FIELDS, where: { scimId: { $in: chunk } } }),
      ),

    byIds: (ids: readonly number[]): Promise<MemberUser[]> =>
      inChunks(ids, (chunk) => query().findMany({ select: FIELDS, where: { id: { $in: chunk } } })),
  };
};

export type MemberUserLookup = ReturnType<typeof createMemberUserLookup>;
