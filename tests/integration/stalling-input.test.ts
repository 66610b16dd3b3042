import { adminApi } from './support/admin-api';
import { PATTERN_USES, type PatternContext } from './support/pattern-inputs';
import { rawRequest, type RawRequest, type RawResponse } from './support/raw-http';
import { startTestApp, stopTestApp, type TestApp } from './support/test-app';
import { selectedClient } from './support/test-database';

/**
 * Input that could stall the server, over HTTP against the playground (production mode, behind a trusted
 * proxy so that X-Forwarded-For and X-Forwarded-Host reach the plugin): the worst input of every pattern
 * that reads client data (tests/integration/support/pattern-inputs.ts), and startIndex/count extremes on
 * every list route. Each answer is the route's ordinary answer or a SCIM error, never a 5xx. Times are
 * printed, not asserted (bench/hostile-stall.ts measures what a stall costs other requests).
 */
const ERROR_URN = 'urn:ietf:params:scim:api:messages:2.0:Error';
const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const SEARCH_URN = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';
const MAX_START_INDEX = 2 ** 31 - 1;
const HUGE = '99999999999999999999';
const scimJson = { 'content-type': 'application/scim+json' };

let app: TestApp;
let endpointPath: string;
let secret: string;
let counter = 0;
const userIds: string[] = [];
const groupIds: string[] = [];
const timings: { label: string; status: number; ms: number }[] = [];

const send = async (label: string, request: RawRequest): Promise<RawResponse> => {
  const started = performance.now();
  const response = await rawRequest(app.baseUrl, {
    ...request,
    headers: { authorization: `Bearer ${secret}`, ...request.headers },
  });
  timings.push({ label, status: response.status, ms: performance.now() - started });
  const where = `${request.method} ${request.path.slice(0, 200)} -> ${response.status} ${response.text.slice(0, 300)}`;
  if (response.status >= 500) throw new Error(`5xx answer: ${where}`);
  if (response.status >= 400) {
    const body = response.json as { schemas?: unknown; status?: unknown } | undefined;
    const isScimError =
      Array.isArray(body?.schemas) && body.schemas.includes(ERROR_URN) && body.status === String(response.status);
    if (!isScimError) throw new Error(`not a SCIM error body: ${where}`);
  }
  return response;
};

const context = (): PatternContext => ({
  endpointPath,
  userId: userIds[1],
  groupId: groupIds[0],
  nextName: (prefix) => `${prefix}-${++counter}@example.com`,
});

beforeAll(async () => {
  app = await startTestApp({ env: { SCIM_AUTH_FAILURES_PER_MINUTE: '0', TRUST_PROXY: 'true' } });
  const api = adminApi(app.baseUrl, await app.login());
  endpointPath = new URL((await api.enable()).endpointUrl as string).pathname;
  secret = (await api.createSecret('stall')).secret;
  expect((await api.call('PUT', '/scim/settings', { productionMode: true })).status).toBe(200);
  for (const userName of ['stall-a@example.com', 'stall-b@example.com', 'stall-c@example.com']) {
    const response = await send('seed', {
      method: 'POST',
      path: `${endpointPath}/Users`,
      headers: scimJson,
      body: JSON.stringify({ schemas: [USER_URN], userName, emails: [{ value: userName, primary: true }] }),
    });
    expect(response.status).toBe(201);
    userIds.push(response.json.id);
  }
  const group = await send('seed', {
    method: 'POST',
    path: `${endpointPath}/Groups`,
    headers: scimJson,
    body: JSON.stringify({ schemas: [GROUP_URN], displayName: 'Stall group', members: [{ value: userIds[0] }] }),
  });
  expect(group.status).toBe(201);
  groupIds.push(group.json.id);
});

afterAll(async () => {
  const measured = timings.filter((timing) => timing.label !== 'seed');
  const lines = measured.map((t) => `  ${t.ms.toFixed(0).padStart(6)} ms  ${t.status}  ${t.label}`);
  const slowest = measured.reduce((max, t) => Math.max(max, t.ms), 0);
  process.stdout.write(`stalling-input (${selectedClient()}): slowest ${slowest.toFixed(0)} ms\n${lines.join('\n')}\n`);
  await stopTestApp(app);
});

describe('input that could stall the server', () => {
  const cases = PATTERN_USES.flatMap((use) =>
    use.cases.map((patternCase) => [`${use.file}: ${patternCase.label}`, patternCase] as const),
  );

  it.each(cases)('answers the worst input of a pattern without a 5xx: %s', async (label, patternCase) => {
    const response = await send(label, patternCase.request(context()));
    expect({ label, status: response.status }).toEqual({ label, status: patternCase.status });
  });
});

describe('startIndex and count extremes', () => {
  const list = (resource: 'Users' | 'Groups', query: string): RawRequest => ({
    method: 'GET',
    path: `${endpointPath}/${resource}?${query}`,
  });
  const countOf = async (resource: 'Users' | 'Groups'): Promise<number> =>
    (await send('seed', list(resource, 'count=0'))).json.totalResults;
  const searchBody = (path: string, body: Record<string, unknown>): RawRequest => ({
    method: 'POST',
    path: `${endpointPath}${path}`,
    headers: scimJson,
    body: JSON.stringify({ schemas: [SEARCH_URN], ...body }),
  });

  type Make = (startIndex: string | number, count: string | number) => RawRequest;
  const routes: [string, Make, () => Promise<number>][] = [
    [
      'GET /Users',
      (startIndex, count) => list('Users', `startIndex=${startIndex}&count=${count}`),
      () => countOf('Users'),
    ],
    [
      'GET /Groups',
      (startIndex, count) => list('Groups', `startIndex=${startIndex}&count=${count}`),
      () => countOf('Groups'),
    ],
    [
      'POST /Users/.search',
      (startIndex, count) => searchBody('/Users/.search', { startIndex, count }),
      () => countOf('Users'),
    ],
    [
      'POST /Groups/.search',
      (startIndex, count) => searchBody('/Groups/.search', { startIndex, count }),
      () => countOf('Groups'),
    ],
    [
      'POST /.search',
      (startIndex, count) => searchBody('/.search', { startIndex, count }),
      async () => (await countOf('Users')) + (await countOf('Groups')),
    ],
  ];

  it.each(routes)(
    '%s: startIndex=99999999999999999999 is an empty page at startIndex 2^31-1',
    async (label, make, totalOf) => {
      const total = await totalOf();
      for (const startIndex of [HUGE, '9223372036854775808', '18446744073709551616', 2147483648]) {
        const response = await send(`${label} startIndex=${startIndex}`, make(startIndex, 10));
        expect(response.status).toBe(200);
        expect(response.json).toMatchObject({
          totalResults: total,
          startIndex: MAX_START_INDEX,
          itemsPerPage: 0,
          Resources: [],
        });
      }
    },
  );

  it.each(routes)(
    '%s: count extremes give at most 1,000 results, a negative count none',
    async (label, make, totalOf) => {
      const total = await totalOf();
      const all = await send(`${label} count=${HUGE}`, make(1, HUGE));
      expect(all.status).toBe(200);
      expect(all.json).toMatchObject({ totalResults: total, startIndex: 1, itemsPerPage: total });
      for (const count of [`-${HUGE}`, 0, '-1']) {
        const none = await send(`${label} count=${count}`, make(HUGE, count));
        expect(none.status).toBe(200);
        expect(none.json).toMatchObject({ totalResults: total, itemsPerPage: 0 });
      }
      const tooLong = await send(`${label} startIndex of 33 digits`, make('1'.repeat(33), 1));
      expect(tooLong.status).toBe(400);
      expect(tooLong.json.scimType).toBe('invalidValue');
    },
  );
});
