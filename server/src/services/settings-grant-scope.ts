import type { StoredSettings, SettingsUpdate } from './settings';

type Current = Pick<
  StoredSettings,
  'enabled' | 'productionMode' | 'groupRoleMappings' | 'appRoleMatch' | 'appRoleMappings'
> & {
  defaultRoleId: number | null;
};

/**
 * The fields of a settings update that change which Strapi users SCIM creates, or with which roles: a new
 * default role, a changed group-to-role or app-role mapping, production mode switched on (which applies every provisioned
 * user to Strapi), and enabling while in production mode. Switching off, disabling and sending a field with
 * its current value hand out nothing.
 */
export const fieldsThatGrantUsers = (input: SettingsUpdate, current: Current): string[] => {
  const productionAfter = input.productionMode ?? current.productionMode;
  const fields: string[] = (['defaultRoleId', 'groupRoleMappings', 'appRoleMatch', 'appRoleMappings'] as const).filter(
    (field) => input[field] !== undefined && JSON.stringify(input[field]) !== JSON.stringify(current[field]),
  );
  if (input.productionMode === true && !current.productionMode) fields.push('productionMode');
  if (input.enabled === true && !current.enabled && productionAfter) fields.push('enabled');
  return fields;
};
