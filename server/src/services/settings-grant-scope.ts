import type { StoredSettings, SettingsUpdate } from './settings';

type Current = Pick<StoredSettings, 'enabled' | 'productionMode' | 'groupRoleMappings'> & {
  defaultRoleId: number | null;
};

/**
 * The fields of a settings update that change which Strapi users SCIM creates, or with which roles: a new
 * default role, a changed group-to-role mapping, production mode switched on (which applies every provisioned
 * user to Strapi), and enabling while in production mode. Switching off, disabling and sending a field with
 * its current value hand out nothing.
 */
export const fieldsThatGrantUsers = (input: SettingsUpdate, current: Current): string[] => {
  const fields: string[] = [];
  const productionAfter = input.productionMode ?? current.productionMode;
  if (input.defaultRoleId !== undefined && input.defaultRoleId !== current.defaultRoleId) fields.push('defaultRoleId');
  if (
    input.groupRoleMappings !== undefined &&
    JSON.stringify(input.groupRoleMappings) !== JSON.stringify(current.groupRoleMappings)
  ) {
    fields.push('groupRoleMappings');
  }
  if (input.productionMode === true && !current.productionMode) fields.push('productionMode');
  if (input.enabled === true && !current.enabled && productionAfter) fields.push('enabled');
  return fields;
};
