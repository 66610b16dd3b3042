const path = require('path');

/**
 * Sends through a local SMTP server (the invitation tests start one) only when SCIM_SMTP_PORT is set; otherwise
 * the email plugin keeps Strapi's default, which the SCIM plugin treats as no provider configured.
 */
const emailThroughSmtp = (env) =>
  env('SCIM_SMTP_PORT')
    ? {
        email: {
          config: {
            provider: 'nodemailer',
            providerOptions: {
              host: env('SCIM_SMTP_HOST', '127.0.0.1'),
              port: env.int('SCIM_SMTP_PORT'),
              secure: false,
              ignoreTLS: true,
            },
            settings: { defaultFrom: 'Playground <no-reply@example.com>' },
          },
        },
      }
    : {};

module.exports = ({ env }) => ({
  ...emailThroughSmtp(env),
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET', 'playground-users-permissions-jwt-secret'),
      jwtManagement: 'refresh',
      sessions: { httpOnly: true },
    },
  },
  // The plugin is loaded from this repository's build (npm run build at the repository root).
  scim: {
    enabled: true,
    resolve: path.resolve(__dirname, '..', '..'),
    config: {
      target: env('SCIM_TARGET', 'admin'),
      linkExistingUsers: env.bool('SCIM_LINK_EXISTING_USERS', false),
      updateLinkedUserEmail: env.bool('SCIM_UPDATE_LINKED_USER_EMAIL', false),
      onDelete: env('SCIM_ON_DELETE', 'deactivate'),
      allowSuperAdmin: env.bool('SCIM_ALLOW_SUPER_ADMIN', false),
      allowSecretReveal: env.bool('SCIM_ALLOW_SECRET_REVEAL', true),
      usersPermissionsProvider: env('SCIM_USERS_PERMISSIONS_PROVIDER', 'local'),
      activityMaxEntries: env.int('SCIM_ACTIVITY_MAX_ENTRIES', 100000),
      refusedMaxEntries: env.int('SCIM_REFUSED_MAX_ENTRIES', 10000),
      authFailuresPerMinute: env.int('SCIM_AUTH_FAILURES_PER_MINUTE', 20),
      secretRequestsPerSecond: env.int('SCIM_SECRET_REQUESTS_PER_SECOND', 0),
      attributeMappings: env.json('SCIM_ATTRIBUTE_MAPPINGS', []),
      indexedAttributes: env.json('SCIM_INDEXED_ATTRIBUTES', { User: [], Group: [] }),
      jobLeaseSeconds: env.int('SCIM_JOB_LEASE_SECONDS', 60),
      invitations: { locale: env('SCIM_INVITATIONS_LOCALE', 'en') },
    },
  },
});
