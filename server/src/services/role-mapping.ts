import type { Core } from '@strapi/strapi';
import { createGroupRepository } from './store/group-repository';
import { createMembershipRepository } from './store/membership-repository';

/** One row of the group-to-role mapping: members of the SCIM group get the host role. */
export interface GroupRoleMapping {
  groupId: string;
  roleId: number;
}

/**
 * The host roles of each user: the default role plus the roles mapped from the user's groups, in mapping
 * order (the first mapping that applies is the highest priority, which the single-role target uses).
 */
export const computeRoles = async (
  strapi: Core.Strapi,
  userRefs: readonly number[],
  mappings: readonly GroupRoleMapping[],
  defaultRoleId: number | null,
): Promise<Map<number, number[]>> => {
  const byUser = new Map<number, Set<number>>(userRefs.map((ref) => [ref, new Set<number>()]));
  if (mappings.length > 0 && userRefs.length > 0) {
    const groupRefByScimId = await createGroupRepository(strapi).refsOf(mappings.map((mapping) => mapping.groupId));
    const mappedGroupRefs = new Set(groupRefByScimId.values());
    for (const row of await createMembershipRepository(strapi).groupsOfUsers(userRefs)) {
      if (mappedGroupRefs.has(row.groupRef)) byUser.get(row.userRef)?.add(row.groupRef);
    }
    const roles = new Map<number, number[]>();
    for (const [userRef, groupRefs] of byUser) {
      const mapped = mappings.filter((mapping) => groupRefs.has(groupRefByScimId.get(mapping.groupId) ?? -1));
      roles.set(
        userRef,
        unique([...mapped.map((mapping) => mapping.roleId), ...(defaultRoleId === null ? [] : [defaultRoleId])]),
      );
    }
    return roles;
  }
  return new Map(userRefs.map((ref) => [ref, defaultRoleId === null ? [] : [defaultRoleId]]));
};

const unique = (ids: number[]) => [...new Set(ids)];
