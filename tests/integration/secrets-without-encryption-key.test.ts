import { adminApi, scimRequest } from './support/admin-api';
import { startTestApp, stopTestApp, type TestApp } from './support/test-app';

/** An app without admin.secrets.encryptionKey: secrets still work, but are shown only once. */
let app: TestApp;
let api: ReturnType<typeof adminApi>;

beforeAll(async () => {
  app = await startTestApp({ env: { ENCRYPTION_KEY: '' } });
  api = adminApi(app.baseUrl, await app.login());
});

afterAll(async () => {
  await stopTestApp(app);
});

it('creates a working secret that cannot be revealed again, and says why', async () => {
  const endpoint = (await api.enable()).endpointUrl as string;
  const created = await api.createSecret('no key');
  expect(created.revealable).toBe(false);
  const row = await app.strapi.db.query('plugin::scim.secret').findOne({ where: { id: created.id } });
  expect(row.encrypted).toBeNull();
  expect((await scimRequest(`${endpoint}/ServiceProviderConfig`, { secret: created.secret })).status).toBe(200);

  const reveal = await api.call('GET', `/scim/secrets/${created.id}/reveal`);
  expect(reveal.status).toBe(409);
  expect(reveal.body.error.message).toMatch(/encryptionKey/);
});
