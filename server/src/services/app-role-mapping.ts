import type { ScimResource } from '../scim/resource';
import type { HostRole } from './targets';

/**
 * How the values of a User's `roles` (Entra ID app role assignments) become host roles: not at all, by the host
 * role's name, by its code (admin `strapi-editor`, users-permissions `type`), or by the explicit table.
 */
export const APP_ROLE_MATCHES = ['off', 'name', 'code', 'table'] as const;
export type AppRoleMatch = (typeof APP_ROLE_MATCHES)[number];

/** One row of the app-role table: users assigned the app role `value` get the host role. */
export interface AppRoleMapping {
  value: string;
  roleId: number;
}

export interface AppRoleRules {
  appRoleMatch: AppRoleMatch;
  appRoleMappings: AppRoleMapping[];
}

/** App role values are compared without case or surrounding spaces: Entra ID keeps the case an admin typed. */
const comparable = (value: string) => value.trim().toLowerCase();

/** The `value` of each element of the User's `roles`, in the order sent; elements without one are skipped. */
export const appRoleValues = (resource: ScimResource | undefined): string[] => {
  const roles = resource?.roles;
  if (!Array.isArray(roles)) return [];
  return roles.flatMap((element: unknown) => {
    const value = (element as { value?: unknown } | null)?.value;
    return typeof value === 'string' && value.trim() !== '' ? [value] : [];
  });
};

/**
 * The host roles these app role values map to, highest priority first: table order for the table, else the
 * order of the values. Privileged roles are the caller's to filter.
 */
export const rolesOfAppRoles = (values: readonly string[], rules: AppRoleRules, hostRoles: readonly HostRole[]) => {
  if (rules.appRoleMatch === 'off' || values.length === 0) return [];
  const wanted = values.map(comparable);
  if (rules.appRoleMatch === 'table') {
    const assigned = new Set(wanted);
    return rules.appRoleMappings.filter((mapping) => assigned.has(comparable(mapping.value))).map((m) => m.roleId);
  }
  const keyOf = (role: HostRole) => comparable(rules.appRoleMatch === 'name' ? role.name : role.code);
  return wanted.flatMap((value) => hostRoles.filter((role) => keyOf(role) === value).map((role) => role.id));
};
