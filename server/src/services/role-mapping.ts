import type { Core } from '@strapi/strapi';
import type { ScimResource } from '../scim/resource';
import { appRoleValues, rolesOfAppRoles, type AppRoleRules } from './app-role-mapping';
import { createGroupRepository } from './store/group-repository';
import { createMembershipRepository } from './store/membership-repository';
import { createUserRepository } from './store/user-repository';
import { getHostTarget } from './targets';
import { getPluginConfig } from '../utils/plugin-config';

/** One row of the group-to-role mapping: members of the SCIM group get the host role. */
export interface GroupRoleMapping {
  groupId: string;
  roleId: number;
}

/** Everything a user's host roles are computed from, as the settings hold it. */
export interface RoleRules extends AppRoleRules {
  /** null: the host's fallback role (Author, Authenticated), found among the roles read for the check below. */
  defaultRoleId: number | null;
  groupRoleMappings: GroupRoleMapping[];
}

/**
 * The mappings and default role SCIM may use now. Settings are checked when saved, and again here at use: a
 * mapping to the Super Admin role saved while allowSuperAdmin was on hands out nothing once it is off, and a
 * privileged role is never a default role, whatever is stored.
 */
const usableRoles = async (strapi: Core.Strapi, rules: RoleRules) => {
  const target = getHostTarget(strapi);
  const hostRoles = await target.listRoles();
  const privileged = new Set(hostRoles.filter((role) => target.isPrivilegedRole(role)).map((role) => role.id));
  const allowPrivilegedMappings = getPluginConfig(strapi).allowSuperAdmin;
  const usable = (roleId: number) => allowPrivilegedMappings || !privileged.has(roleId);
  const defaultRoleId = rules.defaultRoleId ?? hostRoles.find((role) => target.isFallbackDefaultRole(role))?.id ?? null;
  return {
    mappings: rules.groupRoleMappings.filter((mapping) => usable(mapping.roleId)),
    appRoles: (values: string[]) => rolesOfAppRoles(values, rules, hostRoles).filter(usable),
    defaultRoleId: defaultRoleId !== null && privileged.has(defaultRoleId) ? null : defaultRoleId,
  };
};

/** The mapped groups each user belongs to, as SCIM group ids. */
const mappedGroupsOfUsers = async (
  strapi: Core.Strapi,
  userRefs: readonly number[],
  mappings: readonly GroupRoleMapping[],
): Promise<Map<number, Set<string>>> => {
  const byUser = new Map<number, Set<string>>(userRefs.map((ref) => [ref, new Set<string>()]));
  if (mappings.length === 0) return byUser;
  const groupRefByScimId = await createGroupRepository(strapi).refsOf(mappings.map((mapping) => mapping.groupId));
  const scimIdByRef = new Map([...groupRefByScimId].map(([scimId, ref]) => [ref, scimId]));
  for (const row of await createMembershipRepository(strapi).groupsOfUsers(userRefs)) {
    const scimId = scimIdByRef.get(row.groupRef);
    if (scimId !== undefined) byUser.get(row.userRef)?.add(scimId);
  }
  return byUser;
};

/**
 * The host roles of each user, highest priority first (the single-role target takes the first): the roles of
 * the user's app roles (Entra ID `roles`), then those of the user's groups in mapping order, then the default
 * role. `resources` may hold the users' resources already read; the others are read when app roles are on.
 */
export const computeRoles = async (
  strapi: Core.Strapi,
  userRefs: readonly number[],
  rules: RoleRules,
  resources: ReadonlyMap<number, ScimResource> = new Map(),
): Promise<Map<number, number[]>> => {
  if (userRefs.length === 0) return new Map();
  const { mappings, appRoles, defaultRoleId } = await usableRoles(strapi, rules);
  const groupsByUser = await mappedGroupsOfUsers(strapi, userRefs, mappings);
  const missing = userRefs.filter((ref) => !resources.has(ref));
  const read =
    rules.appRoleMatch === 'off' || missing.length === 0
      ? new Map<number, ScimResource>()
      : await createUserRepository(strapi).resourcesOf(missing);
  return new Map(
    userRefs.map((ref) => {
      const groups = groupsByUser.get(ref) ?? new Set<string>();
      const fromGroups = mappings.filter((mapping) => groups.has(mapping.groupId)).map((mapping) => mapping.roleId);
      const fromAppRoles = appRoles(appRoleValues(resources.get(ref) ?? read.get(ref)));
      return [ref, unique([...fromAppRoles, ...fromGroups, ...(defaultRoleId === null ? [] : [defaultRoleId])])];
    }),
  );
};

const unique = (ids: number[]) => [...new Set(ids)];
