export const PERMISSIONS = {
  readSettings: [{ action: 'plugin::scim.settings.read', subject: null }],
  updateSettings: [{ action: 'plugin::scim.settings.update', subject: null }],
  manageSecrets: [{ action: 'plugin::scim.secrets.manage', subject: null }],
  readActivity: [{ action: 'plugin::scim.activity.read', subject: null }],
};

export const SUPER_ADMIN_ROLE_CODE = 'strapi-super-admin';
