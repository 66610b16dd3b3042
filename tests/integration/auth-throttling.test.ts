import { adminApi, scimRequest, type ApiResponse } from './support/admin-api';
import type { JsonBody } from './support/json-body';
import { startTestApp, stopTestApp, type TestApp } from './support/test-app';

/**
 * Throttling with low limits (5 failed authentications a minute per address, 10 requests a second per secret).
 * Strapi trusts X-Forwarded-For here (server.proxy.koa), so each test speaks from addresses of its own.
 */
const FAILURES_PER_MINUTE = 5;
const SECRET_REQUESTS_PER_SECOND = 10;
const WRONG = 'Bearer scim_wrongwrongwrongwrongwrongwrongwrongwrongwro';
const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

let app: TestApp;
let api: ReturnType<typeof adminApi>;
let endpoint: string;
let secret: string;

const from = (address: string, authorization: string | undefined) =>
  scimRequest(`${endpoint}/ServiceProviderConfig`, { authorization, headers: { 'x-forwarded-for': address } });
const sequentially = async (count: number, request: () => Promise<ApiResponse>) => {
  const responses: ApiResponse[] = [];
  for (let i = 0; i < count; i += 1) responses.push(await request());
  return responses;
};
const statuses = (responses: ApiResponse[]) => responses.map((response) => response.status);
const activityCount = (where: Record<string, unknown>) =>
  app.strapi.db.query('plugin::scim.activity-entry').count({ where });
const expectThrottled = (response: ApiResponse<JsonBody>, maxSeconds: number) => {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
  expect(response.headers.get('content-type')).toMatch(/^application\/scim\+json/);
  expect(response.body).toMatchObject({
    schemas: [ERROR_SCHEMA],
    status: '429',
    detail: expect.stringMatching(/retry after \d+ second/),
  });
};

beforeAll(async () => {
  app = await startTestApp({
    env: {
      SCIM_AUTH_FAILURES_PER_MINUTE: String(FAILURES_PER_MINUTE),
      SCIM_SECRET_REQUESTS_PER_SECOND: String(SECRET_REQUESTS_PER_SECOND),
      TRUST_PROXY: 'true',
    },
  });
  api = adminApi(app.baseUrl, await app.login());
  endpoint = (await api.enable()).endpointUrl as string;
  secret = (await api.createSecret('throttling')).secret;
});

afterAll(async () => {
  jest.restoreAllMocks();
  await stopTestApp(app);
});

/** Counts are per calendar minute: a test that needs its failures in one minute first waits out an ending one. */
const awayFromMinuteEdge = async (seconds = 8) => {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < seconds * 1000) await new Promise((resolve) => setTimeout(resolve, left + 50));
};
const refusedRow = (clientKey: string) =>
  app.strapi.db.query('plugin::scim.activity-entry').findOne({ where: { clientKey }, orderBy: { id: 'desc' } });

describe('failed authentications per client address', () => {
  beforeEach(() => awayFromMinuteEdge());

  it('answers 429 with Retry-After once an address has failed authFailuresPerMinute times, but still checks and serves a valid secret from it', async () => {
    const address = '198.51.100.1';
    const failed = await sequentially(FAILURES_PER_MINUTE, () => from(address, WRONG));
    expect(statuses(failed)).toEqual(Array(FAILURES_PER_MINUTE).fill(401));

    const verify = jest.spyOn(app.strapi.plugin('scim').service('secrets'), 'verify');
    const throttled = await sequentially(5, () => from(address, WRONG));
    for (const response of throttled) expectThrottled(response, 60);
    expect(verify).toHaveBeenCalledTimes(5);
    verify.mockRestore();
    expect(statuses(await sequentially(5, () => from(address, `Bearer ${secret}`)))).toEqual(Array(5).fill(200));

    // One entry for the address and minute, counting the refusals; the throttled requests wrote nothing.
    expect(await refusedRow(address)).toMatchObject({ status: 401, count: FAILURES_PER_MINUTE, outcome: 'failure' });
    expect(await activityCount({ clientKey: address })).toBe(1);
    expect(await activityCount({ status: 429 })).toBe(0);
    process.stdout.write(
      `auth throttling: throttled ${throttled.length} of ${failed.length + throttled.length} wrong-secret requests from one address (limit ${FAILURES_PER_MINUTE}/min); the valid secret was served\n`,
    );
  });

  it('serves the valid secret after 40 wrong ones from the same address, and keeps answering 429 to the wrong one', async () => {
    const address = '198.51.100.40';
    const wrong = await sequentially(40, () => from(address, WRONG));
    expect(statuses(wrong)).toEqual([
      ...Array(FAILURES_PER_MINUTE).fill(401),
      ...Array(40 - FAILURES_PER_MINUTE).fill(429),
    ]);
    expect((await from(address, `Bearer ${secret}`)).status).toBe(200);
    expectThrottled(await from(address, WRONG), 60);
  });

  it('throttles only that address: another one is served', async () => {
    const address = '198.51.100.41';
    await sequentially(FAILURES_PER_MINUTE, () => from(address, WRONG));
    expectThrottled(await from(address, WRONG), 60);
    expect((await from('198.51.100.2', WRONG)).status).toBe(401);
    expect((await from('198.51.100.2', `Bearer ${secret}`)).status).toBe(200);
  });

  it('counts missing and expired secrets as failures, and successful requests not at all', async () => {
    const address = '198.51.100.3';
    // A secret of its own, and fewer requests than its ceiling of 10 a second.
    const fresh = (await api.createSecret('successes')).secret;
    expect(statuses(await sequentially(9, () => from(address, `Bearer ${fresh}`)))).toEqual(Array(9).fill(200));
    const expired = (await api.createSecret('soon expired')).id;
    await app.strapi.db
      .query('plugin::scim.secret')
      .update({ where: { id: expired }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(statuses(await sequentially(FAILURES_PER_MINUTE - 1, () => from(address, undefined)))).toEqual(
      Array(FAILURES_PER_MINUTE - 1).fill(401),
    );
    expect((await from(address, `Bearer ${fresh}`)).status).toBe(200);
    const revealed = (await api.call('GET', `/scim/secrets/${expired}/reveal`)).body.data.secret;
    expect((await from(address, `Bearer ${revealed}`)).status).toBe(401);
    expectThrottled(await from(address, undefined), 60);
    expectThrottled(await from(address, `Bearer ${revealed}`), 60);
    // Another secret: `fresh` has used up its 10 requests of this second.
    expect((await from(address, `Bearer ${secret}`)).status).toBe(200);
  });

  it('keys IPv6 clients by their /64: stepping through addresses of one network does not help', async () => {
    const failures = await sequentially(FAILURES_PER_MINUTE, () =>
      from(`2001:db8:5:6::${Math.floor(Math.random() * 0xffff).toString(16)}`, WRONG),
    );
    expect(statuses(failures)).toEqual(Array(FAILURES_PER_MINUTE).fill(401));
    expectThrottled(await from('2001:db8:5:6:ffff:ffff:ffff:fffe', WRONG), 60);
    expect((await from('2001:db8:5:7::1', WRONG)).status).toBe(401);
    expect(await refusedRow('2001:db8:5:6::/64')).toMatchObject({ count: FAILURES_PER_MINUTE });
  });

  it('keys every X-Forwarded-For that is not an IP address as one fixed key, however long', async () => {
    const garbage = ['not-an-address', '<script>', 'x'.repeat(8 * 1024), '999.1.1.1', 'a'.repeat(300)];
    expect(statuses(await sequentially(FAILURES_PER_MINUTE, () => from(garbage.shift() as string, WRONG)))).toEqual(
      Array(FAILURES_PER_MINUTE).fill(401),
    );
    expectThrottled(await from('yet-another-string', WRONG), 60);
    expect(await refusedRow('invalid')).toMatchObject({ count: FAILURES_PER_MINUTE });
    expect((await from('198.51.100.77', WRONG)).status).toBe(401);
  });

  it('counts 503s while provisioning is disabled like failed authentications, and serves the valid secret once enabled', async () => {
    const address = '198.51.100.50';
    await api.call('PUT', '/scim/settings', { enabled: false });
    try {
      expect(statuses(await sequentially(FAILURES_PER_MINUTE, () => from(address, `Bearer ${secret}`)))).toEqual(
        Array(FAILURES_PER_MINUTE).fill(503),
      );
      expectThrottled(await from(address, `Bearer ${secret}`), 60);
      expect(await refusedRow(address)).toMatchObject({ status: 503, count: FAILURES_PER_MINUTE });
    } finally {
      await api.call('PUT', '/scim/settings', { enabled: true });
    }
    expect((await from(address, `Bearer ${secret}`)).status).toBe(200);
    expectThrottled(await from(address, WRONG), 60);
  });
});

describe('requests per secret', () => {
  it('answers 429 with Retry-After: 1 over secretRequestsPerSecond, for that secret only, and serves it again a second later', async () => {
    const other = (await api.createSecret('other')).secret;
    // A secret no earlier test used: its first window starts with the burst.
    const burstSecret = (await api.createSecret('burst')).secret;
    const burst = await Promise.all(
      Array.from({ length: 60 }, (_, index) => from(`203.0.113.${index + 1}`, `Bearer ${burstSecret}`)),
    );
    const refused = burst.filter((response) => response.status === 429);
    expect(burst.filter((response) => response.status === 200).length).toBeGreaterThanOrEqual(
      SECRET_REQUESTS_PER_SECOND,
    );
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length + burst.filter((response) => response.status === 200).length).toBe(burst.length);
    for (const response of refused) {
      expectThrottled(response, 1);
      expect(response.body.detail).toContain('secretRequestsPerSecond');
    }
    expect((await from('203.0.113.200', `Bearer ${other}`)).status).toBe(200);
    expect(await activityCount({ status: 429 })).toBe(0);
    process.stdout.write(
      `secret ceiling: throttled ${refused.length} of ${burst.length} parallel requests (limit ${SECRET_REQUESTS_PER_SECOND}/s)\n`,
    );

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await from('203.0.113.201', `Bearer ${burstSecret}`)).status).toBe(200);
  });
});
