import { adminApi, scimRequest } from './support/admin-api';
import { startTestApp, stopTestApp, type TestApp } from './support/test-app';

/** An app with allowSecretReveal: false: a secret is shown once, when it is created, and never again. */
let app: TestApp;
let api: ReturnType<typeof adminApi>;

beforeAll(async () => {
  app = await startTestApp({ env: { SCIM_ALLOW_SECRET_REVEAL: 'false' } });
  api = adminApi(app.baseUrl, await app.login());
});

afterAll(async () => {
  await stopTestApp(app);
});

it('shows a secret once at creation only: no copy kept, listed as not revealable, reveal refused with 403 naming the option', async () => {
  const settings = await api.enable();
  expect(settings.allowSecretReveal).toBe(false);
  const created = await api.createSecret('once');
  expect(created.secret).toMatch(/^scim_/);
  expect(created.revealable).toBe(false);
  const row = await app.strapi.db.query('plugin::scim.secret').findOne({ where: { id: created.id } });
  expect(row.encrypted).toBeNull();
  const listed = (await api.call('GET', '/scim/secrets')).body.data;
  expect(listed.find((secret: { id: number }) => secret.id === created.id).revealable).toBe(false);

  const reveal = await api.call('GET', `/scim/secrets/${created.id}/reveal`);
  expect(reveal.status).toBe(403);
  expect(reveal.body.error).toMatchObject({ status: 403, details: { code: 'reveal-disabled' } });
  expect(reveal.body.error.message).toMatch(/allowSecretReveal/);
  expect(JSON.stringify(reveal.body)).not.toContain(created.secret);
  expect((await scimRequest(`${settings.endpointUrl}/ServiceProviderConfig`, { secret: created.secret })).status).toBe(
    200,
  );
});

it('lists as not revealable and refuses reveal even for a secret stored with a copy while reveal was on', async () => {
  const created = await api.createSecret('older');
  const encrypted = app.strapi.service('admin::encryption').encrypt(created.secret);
  await app.strapi.db.query('plugin::scim.secret').update({ where: { id: created.id }, data: { encrypted } });
  const listed = (await api.call('GET', '/scim/secrets')).body.data;
  expect(listed.find((secret: { id: number }) => secret.id === created.id).revealable).toBe(false);
  const reveal = await api.call('GET', `/scim/secrets/${created.id}/reveal`);
  expect(reveal.status).toBe(403);
  expect(reveal.body.error.details).toEqual({ code: 'reveal-disabled' });
});
