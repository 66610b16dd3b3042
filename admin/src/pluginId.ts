export const PLUGIN_ID = 'scim';
