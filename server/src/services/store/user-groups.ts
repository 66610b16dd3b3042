import type { Core } from '@strapi/strapi';
import { createGroupRepository } from './group-repository';
import { createMembershipRepository } from './membership-repository';

/** One element of a User's read-only `groups` (RFC 7643 §4.1.2). Nested groups are not supported, so always direct. */
export interface UserGroup {
  value: string;
  display: string;
  $ref: string;
  type: 'direct';
}

/**
 * The `groups` of a page of users, keyed by scim_users.id (every requested user has an entry, maybe empty):
 * one membership query and one group query per chunk of ids. Skip calling it when the projection drops
 * `groups`, as the Groups controller does for `members`.
 */
export const groupsOfUsers = async (
  strapi: Core.Strapi,
  userRefs: readonly number[],
  endpointUrl: string,
): Promise<Map<number, UserGroup[]>> => {
  const groups = new Map<number, UserGroup[]>(userRefs.map((ref) => [ref, []]));
  if (userRefs.length === 0) return groups;
  const memberships = await createMembershipRepository(strapi).groupsOfUsers(userRefs);
  const groupRefs = [...new Set(memberships.map((membership) => membership.groupRef))];
  const summaries = new Map(
    (await createGroupRepository(strapi).summariesByIds(groupRefs)).map((group) => [group.id, group]),
  );
  for (const { userRef, groupRef } of memberships) {
    const group = summaries.get(groupRef);
    if (!group) continue;
    groups.get(userRef)?.push({
      value: group.scimId,
      display: group.displayName,
      $ref: `${endpointUrl}/Groups/${group.scimId}`,
      type: 'direct',
    });
  }
  return groups;
};
