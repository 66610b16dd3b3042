import { adminApi, scimRequest, type ApiResponse } from './support/admin-api';
import { startTestApp, stopTestApp, type TestApp } from './support/test-app';

/**
 * Refused requests (401, 503 while disabled) from many addresses cannot flush the activity log: they are one
 * entry per client address and minute with a count, capped by refusedMaxEntries, pruned apart from the
 * provisioning and settings entries that activityMaxEntries keeps. Both limits are at their minimum (100) here.
 */
const MAX_ENTRIES = 100;
const REFUSED_MAX = 100;
const FAILURES_PER_MINUTE = 10;
const ADDRESSES = 300;
const CONCURRENCY = 24;
const WRONG = 'Bearer scim_wrongwrongwrongwrongwrongwrongwrongwrongwro';
const ACTIVITY = 'plugin::scim.activity-entry';

let app: TestApp;
let api: ReturnType<typeof adminApi>;
let endpoint: string;
let secret: string;

const from = (address: string, authorization: string) =>
  scimRequest(`${endpoint}/Users`, { authorization, headers: { 'x-forwarded-for': address } });
/** Runs the chains with at most `limit` in flight; the requests of one chain go one after the other. */
const pool = async (chains: (() => Promise<ApiResponse>)[][], limit: number): Promise<number[]> => {
  const statuses: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < chains.length) {
      const chain = chains[next];
      next += 1;
      for (const request of chain) statuses.push((await request()).status);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return statuses;
};
const refusedRows = () => app.strapi.db.query(ACTIVITY).count({ where: { clientKey: { $notNull: true } } });

beforeAll(async () => {
  app = await startTestApp({
    env: {
      SCIM_ACTIVITY_MAX_ENTRIES: String(MAX_ENTRIES),
      SCIM_REFUSED_MAX_ENTRIES: String(REFUSED_MAX),
      SCIM_AUTH_FAILURES_PER_MINUTE: String(FAILURES_PER_MINUTE),
      TRUST_PROXY: 'true',
    },
  });
  api = adminApi(app.baseUrl, await app.login());
  endpoint = (await api.enable()).endpointUrl as string;
  secret = (await api.createSecret('refusals')).secret;
});

afterAll(async () => {
  await stopTestApp(app);
});

it('keeps every provisioning entry through thousands of refused requests from many addresses, which are aggregated and capped', async () => {
  for (let i = 0; i < 30; i += 1) {
    const created = await scimRequest(`${endpoint}/Users`, {
      method: 'POST',
      secret,
      body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: `kept${i}@example.com` },
    });
    expect(created.status).toBe(201);
  }
  const before = await app.strapi.db
    .query(ACTIVITY)
    .findMany({ select: ['id'], where: { clientKey: { $null: true } } });
  expect(before.length).toBeGreaterThanOrEqual(30);

  // Every address sends its limit of wrong secrets, then two more (throttled); 24 addresses at a time.
  const started = Date.now();
  const chains = Array.from({ length: ADDRESSES }, (_, index) => {
    const address = `198.18.${Math.floor(index / 250)}.${(index % 250) + 1}`;
    return Array.from({ length: FAILURES_PER_MINUTE + 2 }, () => () => from(address, WRONG));
  });
  const sent = chains.length * (FAILURES_PER_MINUTE + 2);
  const statuses = await pool(chains, CONCURRENCY);
  const refused = statuses.filter((status) => status === 401).length;
  const throttled = statuses.filter((status) => status === 429).length;
  expect(refused + throttled).toBe(sent);
  // Two per address, but for the few chains that straddle the turn of a minute.
  expect(throttled).toBeGreaterThan(ADDRESSES);
  // Inserted rows are checked against the cap every 50 inserts of an instance: never far past it.
  expect(await refusedRows()).toBeLessThanOrEqual(REFUSED_MAX + 50);

  await api.call('PUT', '/scim/settings', { enabled: false });
  const whileDisabled = await pool(
    Array.from({ length: 100 }, (_, index) =>
      [1, 2].map(() => () => from(`198.19.0.${index + 1}`, `Bearer ${secret}`)),
    ),
    CONCURRENCY,
  );
  await api.call('PUT', '/scim/settings', { enabled: true });
  expect(whileDisabled.every((status) => status === 503 || status === 429)).toBe(true);
  process.stdout.write(
    `refused requests: ${sent + whileDisabled.length} sent from ${ADDRESSES + 100} addresses in ${Date.now() - started} ms ` +
      `(${refused} x 401, ${throttled} x 429, ${whileDisabled.filter((s) => s === 503).length} x 503), ${await refusedRows()} refused rows\n`,
  );

  await app.strapi.plugin('scim').service('activity').prune();
  await app.strapi.plugin('scim').service('refusals').pruneToCap();
  const after = await app.strapi.db
    .query(ACTIVITY)
    .findMany({ select: ['id'], where: { id: { $in: before.map((row: { id: number }) => row.id) } } });
  expect(after.length).toBe(before.length);
  expect(await refusedRows()).toBeLessThanOrEqual(REFUSED_MAX);
  expect(await refusedRows()).toBeGreaterThan(0);

  // Aggregated: a refused row counts up to the limit for its address and minute.
  const counted = await app.strapi.db.query(ACTIVITY).findMany({ where: { clientKey: { $notNull: true } } });
  expect(counted.some((row: { count: number }) => row.count > 1)).toBe(true);
  for (const row of counted) expect(row.count).toBeLessThanOrEqual(FAILURES_PER_MINUTE);
});

it('shows a refused entry in /scim/activity with its count and client address', async () => {
  // Waits out an ending minute, so that the burst below is counted in one row.
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 5_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
  for (let i = 0; i < 7; i += 1) expect((await from('192.0.2.77', WRONG)).status).toBe(401);
  const listed = await api.call('GET', '/scim/activity?outcome=failure&pageSize=5');
  expect(listed.status).toBe(200);
  expect(listed.body.data.results[0]).toMatchObject({
    status: 401,
    count: 7,
    clientKey: '192.0.2.77',
    outcome: 'failure',
    resourceType: 'User',
  });
});
