module.exports = ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  // The public URL the SCIM endpoint URL is built from; empty means "the request's origin".
  url: env('PUBLIC_URL', ''),
  app: {
    // Development defaults so the playground starts with no .env; set real values in production.
    keys: env.array('APP_KEYS', ['playgroundKeyA', 'playgroundKeyB']),
  },
  webhooks: {
    populateRelations: env.bool('WEBHOOKS_POPULATE_RELATIONS', false),
  },
});
