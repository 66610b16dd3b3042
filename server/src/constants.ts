export const PLUGIN_ID = 'scim';

/** SCIM routes live under `<api prefix>/scim/v2/<endpointId>`. */
export const SCIM_ROUTE_PREFIX = '/v2/:endpointId';

/** Largest accepted SCIM request body (RFC 7644 leaves the limit to the service provider). */
export const MAX_BODY_BYTES = 1024 * 1024;

export const SCIM_CONTENT_TYPE = 'application/scim+json';

export const ACTIONS = {
  readSettings: 'plugin::scim.settings.read',
  updateSettings: 'plugin::scim.settings.update',
  manageSecrets: 'plugin::scim.secrets.manage',
  readActivity: 'plugin::scim.activity.read',
} as const;

export const SECRET_UID = 'plugin::scim.secret';

/** The languages an invitation email can be written in: the admin panel's translations. */
export const INVITATION_LOCALES = ['en', 'de', 'fr'] as const;

export type InvitationLocale = (typeof INVITATION_LOCALES)[number];
