import type { Core } from '@strapi/strapi';
import { createGroupRepository } from './store/group-repository';
import { createMembershipRepository } from './store/membership-repository';
import { getHostTarget } from './targets';
import { getPluginConfig } from '../utils/plugin-config';

/** One row of the group-to-role mapping: members of the SCIM group get the host role. */
export interface GroupRoleMapping {
  groupId: string;
  roleId: number;
}

/**
 * The mappings and default role SCIM may use now. Settings are checked when saved, and again here at use: a
 * mapping to the Super Admin role saved while allowSuperAdmin was on hands out nothing once it is off, and a
 * privileged role is never a default role, whatever is stored.
 */
const usableRoles = async (
  strapi: Core.Strapi,
  mappings: readonly GroupRoleMapping[],
  defaultRoleId: number | null,
) => {
  const target = getHostTarget(strapi);
  const privileged = new Set(
    (await target.listRoles()).filter((role) => target.isPrivilegedRole(role)).map((role) => role.id),
  );
  const allowPrivilegedMappings = getPluginConfig(strapi).allowSuperAdmin;
  return {
    mappings: mappings.filter((mapping) => allowPrivilegedMappings || !privileged.has(mapping.roleId)),
    defaultRoleId: defaultRoleId !== null && privileged.has(defaultRoleId) ? null : defaultRoleId,
  };
};

/**
 * The host roles of each user: the default role plus the roles mapped from the user's groups, in mapping
 * order (the first mapping that applies is the highest priority, which the single-role target uses).
 */
export const computeRoles = async (
  strapi: Core.Strapi,
  userRefs: readonly number[],
  storedMappings: readonly GroupRoleMapping[],
  storedDefaultRoleId: number | null,
): Promise<Map<number, number[]>> => {
  if (userRefs.length === 0) return new Map();
  const { mappings, defaultRoleId } = await usableRoles(strapi, storedMappings, storedDefaultRoleId);
  const byUser = new Map<number, Set<number>>(userRefs.map((ref) => [ref, new Set<number>()]));
  if (mappings.length > 0) {
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
