import type { Core } from '@strapi/strapi';
import { createMemberUserLookup } from './member-users';
import { createMembershipRepository } from './membership-repository';
import { groupMember, type GroupMember } from './serialize-group';

/**
 * The members of a page of groups, for serialization: one membership query and one user query per chunk
 * of ids, never one per group. A membership whose user is gone is skipped.
 */
export const loadGroupMembers = async (
  strapi: Core.Strapi,
  groupRefs: readonly number[],
  endpointUrl: string,
): Promise<Map<number, GroupMember[]>> => {
  const members = new Map<number, GroupMember[]>(groupRefs.map((ref) => [ref, []]));
  if (groupRefs.length === 0) return members;
  const memberships = await createMembershipRepository(strapi).listMembers(groupRefs);
  const userRefs = [...new Set(memberships.map((membership) => membership.userRef))];
  const users = new Map((await createMemberUserLookup(strapi).byIds(userRefs)).map((user) => [user.id, user]));
  for (const { groupRef, userRef } of memberships) {
    const user = users.get(userRef);
    if (user) members.get(groupRef)?.push(groupMember(user, endpointUrl));
  }
  return members;
};
