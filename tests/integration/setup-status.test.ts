import type { SetupStatusResponse } from '../../server/src/contracts';
import { adminApi, scimRequest } from './support/admin-api';
import { startTestApp, stopTestApp, type TestApp } from './support/test-app';

/** GET /scim/setup-status: the General page's checklist, from a fresh app to production. */
let app: TestApp;
let api: ReturnType<typeof adminApi>;
let endpoint: string;
let secret: string;

const status = async (): Promise<SetupStatusResponse> => {
  const response = await api.call<{ data: SetupStatusResponse }>('GET', '/scim/setup-status');
  expect(response.status).toBe(200);
  return response.body.data;
};

const userBody = (userName: string) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName,
  name: { givenName: 'Ada', familyName: 'Lovelace' },
  emails: [{ value: userName, type: 'work', primary: true }],
  active: true,
});

beforeAll(async () => {
  app = await startTestApp();
  api = adminApi(app.baseUrl, await app.login());
});

afterAll(async () => {
  await stopTestApp(app);
});

describe('setup status', () => {
  it('starts with nothing done: disabled, no secret, no request, test mode, nothing received', async () => {
    expect(await status()).toEqual({
      enabled: false,
      secretExists: false,
      firstRequestAt: null,
      lastRequestAt: null,
      failedRequestsLast24h: 0,
      mode: 'test',
      notApplied: { users: 0, groups: 0 },
    });
  });

  it('is refused without an admin session', async () => {
    const response = await fetch(`${app.baseUrl}/scim/setup-status`);
    expect(response.status).toBe(401);
  });

  it('counts what test mode received and did not apply, the first and last request and the failures', async () => {
    endpoint = (await api.enable()).endpointUrl as string;
    secret = (await api.createSecret('Entra ID')).secret;
    const before = await status();
    expect(before).toMatchObject({ enabled: true, secretExists: true, firstRequestAt: null });

    const started = Date.now();
    const scim = (path: string, init: Parameters<typeof scimRequest>[1] = {}) =>
      scimRequest(`${endpoint}${path}`, { secret, ...init });
    expect((await scim('/Users', { method: 'POST', body: userBody('ada@example.com') })).status).toBe(201);
    expect((await scim('/Users', { method: 'POST', body: userBody('grace@example.com') })).status).toBe(201);
    const group = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Editors' };
    expect((await scim('/Groups', { method: 'POST', body: group })).status).toBe(201);
    // Two failures: a duplicate userName (409) and a request with a wrong secret (401, refused).
    expect((await scim('/Users', { method: 'POST', body: userBody('ada@example.com') })).status).toBe(409);
    expect((await scim('/Users', { secret: 'scim_wrong' })).status).toBe(401);

    const received = await status();
    expect(received).toMatchObject({
      mode: 'test',
      notApplied: { users: 2, groups: 1 },
      failedRequestsLast24h: 2,
    });
    expect(new Date(received.firstRequestAt as string).getTime()).toBeGreaterThanOrEqual(started - 1000);
    expect(new Date(received.lastRequestAt as string).getTime()).toBeGreaterThanOrEqual(started - 1000);
  });

  it('keeps the first request when the secret is used again later', async () => {
    const { firstRequestAt } = await status();
    // The last use an hour back, so that the next request (past lastUsedAt's one-minute resolution) moves it.
    const hourAgo = new Date(Date.now() - 3_600_000);
    await app.strapi.db.query('plugin::scim.secret').updateMany({ where: {}, data: { lastUsedAt: hourAgo } });
    expect((await scimRequest(`${endpoint}/Users`, { secret })).status).toBe(200);
    const later = await status();
    expect(later.firstRequestAt).toBe(firstRequestAt);
    expect(new Date(later.lastRequestAt as string).getTime()).toBeGreaterThan(hourAgo.getTime());
  });

  it('says nothing is waiting once in production', async () => {
    const switched = await api.call('PUT', '/scim/settings', { productionMode: true });
    expect(switched.status).toBe(200);
    expect(await status()).toMatchObject({ mode: 'production', notApplied: null });
  });

  it('leaves out failures older than 24 hours', async () => {
    const dayAgo = new Date(Date.now() - 25 * 3_600_000);
    await app.strapi.db.query('plugin::scim.activity-entry').updateMany({ where: {}, data: { createdAt: dayAgo } });
    await app.strapi.db
      .connection('scim_activity')
      .whereNotNull('client_key')
      .update({ window_minute: Math.floor(dayAgo.getTime() / 60_000) });
    expect((await status()).failedRequestsLast24h).toBe(0);
  });
});
