import type { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../integration/support/test-database';
import { orUnassigned } from '../integration/support/unassigned';
import { connectToTestDatabase } from './support/database-client';
import { startPlayground, type PlaygroundProcess } from './support/playground';
import { adminCall } from './support/scim-client';

/**
 * Two playground processes on one PostgreSQL database, trusting X-Forwarded-For: the failed-authentication
 * throttle counts in the shared database, so failures spread over both instances block the address on both,
 * while the valid secret is still served by both; the per-secret ceiling is split between the live instances.
 */
const FAILURES_PER_MINUTE = 6;
const SECRET_REQUESTS_PER_SECOND = 10;
const WRONG = 'scim_wrongwrongwrongwrongwrongwrongwrongwrongwro';

let database: TestDatabase;
let db: Client;
let a: PlaygroundProcess;
let b: PlaygroundProcess;
let token: string;
let endpointPath: string;
let secret: string;

const from = async (instance: PlaygroundProcess, address: string, bearer: string) => {
  const response = await fetch(`${instance.baseUrl}${endpointPath}/ServiceProviderConfig`, {
    headers: { authorization: `Bearer ${bearer}`, 'x-forwarded-for': address },
  });
  await response.arrayBuffer();
  return response.status;
};
const awayFromMinuteEdge = async (seconds = 10) => {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < seconds * 1000) await new Promise((resolve) => setTimeout(resolve, left + 50));
};
const refusedRows = async (clientKey: string) =>
  (await db.query('select count, status from scim_activity where client_key = $1', [clientKey])).rows as {
    count: number;
    status: number;
  }[];

beforeAll(async () => {
  database = await createTestDatabase('postgres');
  db = await connectToTestDatabase(database);
  const env = {
    ...database.env,
    TRUST_PROXY: 'true',
    SCIM_AUTH_FAILURES_PER_MINUTE: String(FAILURES_PER_MINUTE),
    SCIM_SECRET_REQUESTS_PER_SECOND: String(SECRET_REQUESTS_PER_SECOND),
  };
  a = await startPlayground(env);
  b = await startPlayground(env);
  token = await a.login();
  const enabled = (await adminCall(b.baseUrl, token, 'PUT', '/scim/settings', { enabled: true })).body.data;
  endpointPath = new URL(enabled.endpointUrl).pathname;
  secret = (await adminCall(a.baseUrl, token, 'POST', '/scim/secrets', { label: 'both' })).body.data.secret;
});

afterAll(async () => {
  await Promise.all([orUnassigned(a)?.stop(), orUnassigned(b)?.stop()]);
  await orUnassigned(db)?.end();
  await orUnassigned(database)?.drop();
});

it('blocks an address on both instances once failures spread across them reach the limit, and both still serve the valid secret from it', async () => {
  await awayFromMinuteEdge();
  const address = '198.51.100.10';
  const failures: number[] = [];
  for (let i = 0; i < FAILURES_PER_MINUTE; i += 1) failures.push(await from(i % 2 === 0 ? a : b, address, WRONG));
  expect(failures).toEqual(Array(FAILURES_PER_MINUTE).fill(401));

  expect(await from(a, address, WRONG)).toBe(429);
  expect(await from(b, address, WRONG)).toBe(429);
  expect(await from(a, address, secret)).toBe(200);
  expect(await from(b, address, secret)).toBe(200);
  expect(await from(b, '198.51.100.11', WRONG)).toBe(401);
  expect(await refusedRows(address)).toEqual([{ count: FAILURES_PER_MINUTE, status: 401 }]);
});

it('counts parallel failures for one address on both instances in one row, losing none', async () => {
  await awayFromMinuteEdge();
  const address = '198.51.100.20';
  // A 429 writes nothing; every 401 must be in the count of its address, whichever instance answered it.
  const statuses = await Promise.all(
    Array.from({ length: 40 }, (_, index) => from(index % 2 === 0 ? a : b, `198.51.100.${21 + (index % 4)}`, WRONG)),
  );
  expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
  for (let i = 0; i < 4; i += 1) {
    const key = `198.51.100.${21 + i}`;
    const rows = await refusedRows(key);
    const refused = statuses.filter((status, index) => index % 4 === i && status === 401).length;
    expect(rows).toHaveLength(1);
    expect(rows[0].count).toBe(refused);
  }
  const [both] = await Promise.all([from(a, address, secret), from(b, address, secret)]);
  expect(both).toBe(200);
  process.stdout.write(
    `shared throttle: 40 parallel failures over 2 instances and 4 addresses -> ${statuses.filter((s) => s === 401).length} x 401 (all counted), ${statuses.filter((s) => s === 429).length} x 429\n`,
  );
});

it('splits secretRequestsPerSecond between the live instances', async () => {
  // Both instances have sent a heartbeat since the other started (every 5 s).
  await new Promise((resolve) => setTimeout(resolve, 6_000));
  const live = await db.query(
    "select count(*)::int as live from scim_instances where seen_at > now() - interval '15 seconds'",
  );
  expect(live.rows[0].live).toBe(2);
  const burstSecret = (await adminCall(a.baseUrl, token, 'POST', '/scim/secrets', { label: 'burst' })).body.data.secret;
  const started = Date.now();
  const [fromA, fromB] = await Promise.all(
    [a, b].map((instance) =>
      Promise.all(Array.from({ length: 20 }, (_, index) => from(instance, `203.0.113.${index + 1}`, burstSecret))),
    ),
  );
  const elapsed = Date.now() - started;
  const share = Math.ceil(SECRET_REQUESTS_PER_SECOND / 2);
  // Each instance's windows last a second from their first request: at most floor(elapsed) + 1 of them.
  const windows = Math.floor(elapsed / 1000) + 1;
  for (const served of [fromA, fromB].map((statuses) => statuses.filter((status) => status === 200).length)) {
    expect(served).toBeGreaterThanOrEqual(1);
    expect(served).toBeLessThanOrEqual(share * windows);
  }
  process.stdout.write(
    `secret ceiling over 2 instances: served ${fromA.filter((s) => s === 200).length} + ${fromB.filter((s) => s === 200).length} of 40 in ${elapsed} ms (share ${share}/s each)\n`,
  );
});
