module.exports = ({ env }) => ({
  // SERVE_ADMIN_PANEL=false lets `strapi start` run without a built admin panel (the reliability tests).
  serveAdminPanel: env.bool('SERVE_ADMIN_PANEL', true),
  auth: {
    secret: env('ADMIN_JWT_SECRET', 'playground-admin-jwt-secret'),
  },
  apiToken: {
    salt: env('API_TOKEN_SALT', 'playground-api-token-salt'),
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT', 'playground-transfer-token-salt'),
    },
  },
  secrets: {
    // Lets the SCIM plugin keep an encrypted copy of each secret so admins can reveal it again.
    // Set ENCRYPTION_KEY= (empty) to see how the plugin behaves without one.
    encryptionKey: env('ENCRYPTION_KEY', 'playground-encryption-key'),
  },
  flags: {
    nps: env.bool('FLAG_NPS', false),
    promoteEE: env.bool('FLAG_PROMOTE_EE', false),
    docLinks: env.bool('FLAG_DOC_LINKS', true),
  },
});
