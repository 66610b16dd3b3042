export const PERMISSIONS = {
  readSettings: [{ action: 'plugin::scim.settings.read', subject: null }],
  updateSettings: [{ action: 'plugin::scim.settings.update', subject: null }],
  manageSecrets: [{ action: 'plugin::scim.secrets.manage', subject: null }],
  /** Checked on its own: `useRBAC` would name it `canRead`, like the settings' read action. */
  readActivity: [{ action: 'plugin::scim.activity.read', subject: null }],
};

/** One stable array for `useRBAC`: a new array on every render would make it check again each time. */
export const ALL_PERMISSIONS = [
  ...PERMISSIONS.readSettings,
  ...PERMISSIONS.updateSettings,
  ...PERMISSIONS.manageSecrets,
];

export const SUPER_ADMIN_ROLE_CODE = 'strapi-super-admin';
