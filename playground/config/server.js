module.exports = ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  // The public URL the SCIM endpoint URL is built from; empty means "the request's origin".
  url: env('PUBLIC_URL', ''),
  // Behind a reverse proxy, trust its X-Forwarded-For so the client address (SCIM throttling) is the real one.
  proxy: { koa: env.bool('TRUST_PROXY', false), maxIpsCount: 1 },
  app: {
    // Development defaults so the playground starts with no .env; set real values in production.
    keys: env.array('APP_KEYS', ['playgroundKeyA', 'playgroundKeyB']),
  },
  webhooks: {
    populateRelations: env.bool('WEBHOOKS_POPULATE_RELATIONS', false),
  },
});
