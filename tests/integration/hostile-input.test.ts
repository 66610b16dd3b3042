import fc from 'fast-check';
import { adminApi } from './support/admin-api';
import { databaseDigest } from './support/db-digest';
import type { JsonBody } from './support/json-body';
import {
  ENTERPRISE_URN,
  GROUP_URN,
  PATCH_OP,
  SEARCH_URN,
  USER_URN,
  filterRequest,
  forwardedFor,
  idRequest,
  patchRequest,
  pathologicalText,
  protoKeys,
  queryRequest,
  requestLineSafe,
  wellFormed,
} from './support/hostile-inputs';
import { rawRequest, type RawRequest, type RawResponse } from './support/raw-http';
import { required } from './support/required';
import { startTestApp, stopTestApp, type TestApp } from './support/test-app';
import { selectedClient } from './support/test-database';

/**
 * Hostile input through HTTP against the real playground (production mode, a mapped group). For every
 * request: never a 5xx, every non-2xx answer a SCIM error body whose `status` is the HTTP status, and the
 * database unchanged after every rejected request. Afterwards the server still answers and
 * Object.prototype is untouched. SCIM_FUZZ_SEED=<n> replays one run; the seed is printed.
 */
const ERROR_URN = 'urn:ietf:params:scim:api:messages:2.0:Error';
const MAX_BODY_BYTES = 1024 * 1024;
const SEED = Number(process.env.SCIM_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** SCIM_FUZZ_SCALE=10 runs ten times as many random requests (CI keeps the default, about 30 s a database). */
const SCALE = Number(process.env.SCIM_FUZZ_SCALE ?? 1);
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

let app: TestApp;
let endpointPath: string;
let secret: string;
const userIds: string[] = [];
const groupIds: string[] = [];
let victimId: string;
let uniqueCounter = 0;

type Category =
  'filters' | 'patch' | 'json bodies' | 'headers' | 'ids' | 'query parameters' | 'patterns' | 'regressions';
const figures = new Map<Category, { sent: number; rejected: number; accepted: number }>();

const describeRequest = (request: RawRequest) => {
  const body = request.body === undefined ? '' : String(request.body);
  const clip = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}... (${text.length} chars)` : text);
  return `${request.method} ${clip(request.path)} ${JSON.stringify(request.headers ?? {})} ${clip(body)}`;
};

let lastDigest: string | undefined;
/** Sends one request with the secret (unless the request sets its own Authorization) and checks the invariants. */
const send = async (category: Category, request: RawRequest): Promise<RawResponse> => {
  // The digest after the previous request is the one before this one: nothing else writes meanwhile.
  const before = lastDigest ?? (await databaseDigest(app.strapi));
  lastDigest = undefined;
  const headers = { authorization: `Bearer ${secret}`, ...request.headers };
  const response = await rawRequest(app.baseUrl, { ...request, headers });
  const where = `${describeRequest({ ...request, headers })} -> ${response.status} ${response.text.slice(0, 300)}`;
  if (response.status >= 500) throw new Error(`5xx answer: ${where}`);
  const tally = figures.get(category) ?? { sent: 0, rejected: 0, accepted: 0 };
  figures.set(category, tally);
  tally.sent += 1;
  if (response.status >= 200 && response.status < 300) {
    tally.accepted += 1;
    if (request.method === 'GET') lastDigest = before;
    const bodyless = response.status === 204 || request.method === 'HEAD' || request.method === 'OPTIONS';
    if (!bodyless && response.json === undefined) throw new Error(`2xx without a JSON body: ${where}`);
    return response;
  }
  tally.rejected += 1;
  if (response.status !== 304 && request.method !== 'HEAD') {
    const body = response.json as { schemas?: unknown; status?: unknown } | undefined;
    const isScimError =
      Array.isArray(body?.schemas) && body.schemas.includes(ERROR_URN) && body.status === String(response.status);
    if (!isScimError) throw new Error(`not a SCIM error body: ${where}`);
  }
  const after = await databaseDigest(app.strapi);
  if (after !== before) throw new Error(`a rejected request changed the database: ${where}`);
  lastDigest = after;
  return response;
};

const json = (value: unknown) => JSON.stringify(value);
const scimJson = { 'content-type': 'application/scim+json' };
const nextName = (prefix: string) => `${prefix}-${++uniqueCounter}@example.com`;
const userBody = (userName: string) => ({
  schemas: [USER_URN],
  userName,
  name: { givenName: 'Hos', familyName: 'Tile' },
  emails: [{ value: userName, type: 'work', primary: true }],
  active: true,
});

const run = (arbitrary: fc.Arbitrary<RawRequest>, category: Category, numRuns: number) =>
  fc.assert(
    fc.asyncProperty(arbitrary, async (request) => {
      await send(category, request);
    }),
    { numRuns: Math.round(numRuns * SCALE), seed: SEED, endOnFailure: true },
  );

const pick = <T>(list: T[], index: number) => list[index % list.length];

const expectPrototypeClean = () => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
  const probe = {} as Record<string, unknown>;
  expect(probe.polluted).toBeUndefined();
  expect(probe.isAdmin).toBeUndefined();
};

beforeAll(async () => {
  // The fuzzer sends many bad secrets on purpose; behind a trusted proxy, its X-Forwarded-For values reach the plugin.
  app = await startTestApp({ env: { SCIM_AUTH_FAILURES_PER_MINUTE: '0', TRUST_PROXY: 'true' } });
  const api = adminApi(app.baseUrl, await app.login());
  const settings = await api.enable();
  endpointPath = new URL(settings.endpointUrl as string).pathname;
  secret = (await api.createSecret('fuzz')).secret;
  for (let index = 0; index < 6; index++) {
    const response = await rawRequest(app.baseUrl, {
      method: 'POST',
      path: `${endpointPath}/Users`,
      headers: { authorization: `Bearer ${secret}`, ...scimJson },
      body: json(userBody(`seed-${index}@example.com`)),
    });
    expect(response.status).toBe(201);
    userIds.push(response.json.id);
  }
  for (const [index, displayName] of ['Fuzz readers', 'Fuzz writers'].entries()) {
    const members = userIds.slice(index * 2, index * 2 + 3).map((value) => ({ value, type: 'User' }));
    const response = await rawRequest(app.baseUrl, {
      method: 'POST',
      path: `${endpointPath}/Groups`,
      headers: { authorization: `Bearer ${secret}`, ...scimJson },
      body: json({ schemas: [GROUP_URN], displayName, members }),
    });
    expect(response.status).toBe(201);
    groupIds.push(response.json.id);
  }
  const roles = (await api.call('GET', '/scim/settings')).body.data.roles as { id: number; code: string }[];
  const editor = required(
    roles.find((role) => role.code === 'strapi-editor'),
    'the strapi-editor role',
  );
  const updated = await api.call('PUT', '/scim/settings', {
    productionMode: true,
    groupRoleMappings: [{ groupId: groupIds[0], roleId: editor.id }],
  });
  expect(updated.status).toBe(200);
  expect(await api.settleProductionJob()).toMatchObject({ status: 'finished' });
  victimId = userIds[5];
  process.stdout.write(`hostile-input: fast-check seed ${SEED} (SCIM_FUZZ_SEED=${SEED} replays it)\n`);
});

afterAll(async () => {
  const rows = [...figures.entries()].map(
    ([category, tally]) =>
      `  ${category.padEnd(17)} ${String(tally.sent).padStart(5)} sent ${String(tally.rejected).padStart(
        5,
      )} rejected ${String(tally.accepted).padStart(5)} accepted`,
  );
  const total = [...figures.values()].reduce((sum, tally) => sum + tally.sent, 0);
  process.stdout.write(`hostile-input (${selectedClient()}, seed ${SEED}): ${total} requests\n${rows.join('\n')}\n`);
  await stopTestApp(app);
});

describe('hostile input over HTTP', () => {
  it('filters: random, schema-shaped and mutated, in the URL and in .search bodies', async () => {
    const requests = filterRequest.map(({ filter, where }): RawRequest => {
      const encoded = encodeURIComponent(wellFormed(filter));
      switch (where) {
        case 'GET /Users':
          return { method: 'GET', path: `${endpointPath}/Users?filter=${encoded}&startIndex=1&count=100` };
        case 'GET /Groups':
          return { method: 'GET', path: `${endpointPath}/Groups?filter=${encoded}&excludedAttributes=members` };
        case 'GET raw':
          // Only what node:http refuses to put in a request line is encoded; the rest goes as typed.
          return { method: 'GET', path: `${endpointPath}/Users?filter=${requestLineSafe(filter)}` };
        case 'POST /Users/.search':
          return {
            method: 'POST',
            path: `${endpointPath}/Users/.search`,
            headers: scimJson,
            body: json({ schemas: [SEARCH_URN], filter }),
          };
        default:
          return {
            method: 'POST',
            path: `${endpointPath}/.search`,
            headers: scimJson,
            body: json({ schemas: [SEARCH_URN], filter, count: 5 }),
          };
      }
    });
    await run(requests, 'filters', 150);
  });

  it('PATCH bodies: random operations, paths and values on users and groups', async () => {
    const requests = patchRequest(userIds).map(({ target, pick: index, body, ifMatch }): RawRequest => ({
      method: 'PATCH',
      path: `${endpointPath}/${target}/${pick(target === 'Users' ? userIds.slice(0, 5) : groupIds, index)}`,
      headers: { ...scimJson, ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }) },
      body: json(body),
    }));
    await run(requests, 'patch', 150);
  });

  it('query parameters: startIndex/count extremes, attribute lists, repeated and bracketed names', async () => {
    const requests = queryRequest.map(({ path, query }): RawRequest => ({
      method: 'GET',
      path: `${endpointPath}${path.replace('{user}', userIds[0]).replace('{group}', groupIds[0])}?${query}`,
    }));
    await run(requests, 'query parameters', 100);
  });

  it('ids: traversal, bad encodings, unicode and very long ids in the path', async () => {
    const requests = idRequest.map(({ resource, segment, suffix, method }): RawRequest => {
      const path = `${endpointPath}/${resource}/${segment}${suffix}`;
      if (method === 'GET' || method === 'DELETE') return { method, path };
      const body =
        method === 'PATCH'
          ? { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'title', value: 'x' }] }
          : resource === 'Groups'
            ? { schemas: [GROUP_URN], displayName: 'By id' }
            : userBody(nextName('by-id'));
      return { method, path, headers: scimJson, body: json(body) };
    });
    await run(requests, 'ids', 80);
  });
});

/** JSON text of a user body with `insert` placed as the member `key` at one level (path of object keys). */
const withKeyAt = (levels: string[], key: string, userName: string) => {
  const body: Record<string, JsonBody> = {
    ...userBody(userName),
    [ENTERPRISE_URN]: { department: 'D', manager: { value: userIds[0] } },
  };
  let container = body;
  for (const level of levels) container = level === 'emails' ? container.emails[0] : container[level];
  container.__marker__ = 1;
  return json(body).replace(
    '"__marker__":1',
    `"${key}":{"polluted":"yes","isAdmin":true,"prototype":{"polluted":"yes"}}`,
  );
};

const nestedArrays = (depth: number, inner = '1') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
const nestedObjects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const userText = (userName: string, attribute: string, valueText: string) =>
  json(userBody(userName)).replace(/}$/, `,${json(attribute)}:${valueText}}`);

describe('hostile JSON bodies', () => {
  const post = (path: string, body: string, headers: Record<string, string> = scimJson): RawRequest => ({
    method: 'POST',
    path: `${endpointPath}${path}`,
    headers,
    body,
  });
  const patch = (path: string, body: string): RawRequest => ({
    method: 'PATCH',
    path: `${endpointPath}${path}`,
    headers: scimJson,
    body,
  });

  it('deep nesting (10,000 and 100,000 levels) anywhere in a body', async () => {
    const cases = [
      post('/Users', nestedArrays(10_000)),
      post('/Users', nestedObjects(10_000)),
      post('/Users', nestedArrays(100_000)),
      post(
        '/Users',
        userText(nextName('deep'), 'userName', nestedArrays(10_000, '"x"')).replace(/"userName":"[^"]*",/, ''),
      ),
      post('/Users', userText(nextName('deep'), 'title', nestedObjects(10_000))),
      post('/Users', userText(nextName('deep'), 'unknownAttribute', nestedArrays(10_000))),
      post(
        '/Users',
        userText(nextName('deep'), 'emails', `[{"value":${nestedArrays(10_000, '"a@example.com"')}}]`).replace(
          /"emails":\[[^\]]*\],/,
          '',
        ),
      ),
      post(
        '/Groups',
        json({ schemas: [GROUP_URN], displayName: 'Deep' }).replace(
          /}$/,
          `,"members":[{"value":${nestedArrays(10_000, `"${userIds[0]}"`)}}]}`,
        ),
      ),
      post('/Users/.search', `{"filter":${nestedArrays(10_000, '"userName pr"')}}`),
      patch(
        `/Users/${userIds[1]}`,
        `{"schemas":["${PATCH_OP}"],"Operations":[{"op":"replace","path":"title","value":${nestedObjects(10_000)}}]}`,
      ),
      patch(
        `/Users/${userIds[1]}`,
        `{"schemas":["${PATCH_OP}"],"Operations":[{"op":"replace","value":${nestedObjects(10_000)}}]}`,
      ),
      patch(`/Users/${userIds[1]}`, `{"schemas":["${PATCH_OP}"],"Operations":${nestedArrays(10_000)}}`),
      patch(
        `/Groups/${groupIds[1]}`,
        `{"schemas":["${PATCH_OP}"],"Operations":[{"op":"add","path":"members","value":${nestedArrays(
          10_000,
          `{"value":"${userIds[4]}"}`,
        )}}]}`,
      ),
    ];
    for (const request of cases) await send('json bodies', request);
  });

  it('huge strings near the 1 MiB limit, and 413 for a body over it before it is parsed', async () => {
    const huge = (length: number) => 'h'.repeat(length);
    const room = MAX_BODY_BYTES - 400;
    const cases = [
      post('/Users', json({ ...userBody(nextName('huge')), userName: huge(room) })),
      post('/Users', json({ ...userBody(nextName('huge')), displayName: huge(room) })),
      post('/Users', json({ ...userBody(nextName('huge')), name: { givenName: huge(room) } })),
      post('/Users', json({ ...userBody(nextName('huge')), externalId: huge(room) })),
      post(
        '/Users',
        json({ ...userBody(nextName('huge')), emails: [{ value: `${huge(room)}@example.com`, primary: true }] }),
      ),
      post('/Users', json({ ...userBody(nextName('huge')), unknownAttribute: huge(room) })),
      post('/Groups', json({ schemas: [GROUP_URN], displayName: huge(room) })),
      post('/Users/.search', json({ filter: `userName eq "${huge(room)}"` })),
      patch(
        `/Users/${userIds[2]}`,
        json({ schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'userName', value: huge(room) }] }),
      ),
      patch(
        `/Groups/${groupIds[1]}`,
        json({ schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'displayName', value: huge(room) }] }),
      ),
      post('/Users', json({ ...userBody(nextName('huge')), userName: 'u'.repeat(256) })),
      post('/Users', json({ ...userBody(nextName('huge')), name: { givenName: 'g'.repeat(256), familyName: 'f' } })),
    ];
    for (const request of cases) await send('json bodies', request);

    // Over the limit: 413, whether the size is announced or the body is chunked. Not JSON, so a parse would say 400.
    const oversized = `{${'x'.repeat(MAX_BODY_BYTES)}`;
    for (const chunked of [false, true]) {
      const response = await send('json bodies', { ...post('/Users', oversized), chunked });
      expect(response.status).toBe(413);
    }
  });

  it('arrays of 10,000 elements', async () => {
    const many = <T>(make: (index: number) => T) => Array.from({ length: 10_000 }, (_, index) => make(index));
    const cases = [
      post('/Users', json(many((index) => index))),
      post(
        '/Users',
        json({
          ...userBody(nextName('array')),
          emails: many((index) => ({ value: `e${index}@example.com`, type: 'work' })),
        }),
      ),
      post('/Users', json({ ...userBody(nextName('array')), schemas: many(() => USER_URN) })),
      post(
        '/Groups',
        json({
          schemas: [GROUP_URN],
          displayName: 'Ten thousand strangers',
          members: many((index) => ({ value: `00000000-0000-0000-0000-${String(index).padStart(12, '0')}` })),
        }),
      ),
      post(
        '/Groups',
        json({
          schemas: [GROUP_URN],
          displayName: 'One member many times',
          members: many(() => ({ value: userIds[3], type: 'User' })),
        }),
      ),
      patch(
        `/Users/${userIds[2]}`,
        json({ schemas: [PATCH_OP], Operations: many(() => ({ op: 'replace', path: 'title', value: 'x' })) }),
      ),
      patch(
        `/Groups/${groupIds[1]}`,
        json({
          schemas: [PATCH_OP],
          Operations: [{ op: 'remove', path: 'members', value: many((index) => ({ value: `nobody-${index}` })) }],
        }),
      ),
      post(
        '/Users/.search',
        json({ schemas: [SEARCH_URN], attributes: many((index) => `a${index}`), filter: 'userName pr' }),
      ),
    ];
    for (const request of cases) await send('json bodies', request);
  });

  it('__proto__, constructor and prototype keys at every level pollute nothing', async () => {
    const levels = [[], ['name'], ['emails'], [ENTERPRISE_URN], [ENTERPRISE_URN, 'manager']];
    for (const key of protoKeys) {
      for (const level of levels) {
        const response = await send('json bodies', post('/Users', withKeyAt(level, key, nextName('proto'))));
        if (response.status < 300) expect(response.text).not.toContain('polluted');
        expectPrototypeClean();
      }
      const polluting = `{"${key}":{"polluted":"yes"},"givenName":"Proto"}`;
      const patches = [
        `{"schemas":["${PATCH_OP}"],"${key}":{"polluted":"yes"},"Operations":[{"op":"replace","path":"title","value":"t"}]}`,
        `{"schemas":["${PATCH_OP}"],"Operations":[{"${key}":{"polluted":"yes"},"op":"replace","path":"title","value":"t"}]}`,
        `{"schemas":["${PATCH_OP}"],"Operations":[{"op":"replace","value":{"${key}":{"polluted":"yes"},"title":"t"}}]}`,
        `{"schemas":["${PATCH_OP}"],"Operations":[{"op":"replace","path":"name","value":${polluting}}]}`,
        `{"schemas":["${PATCH_OP}"],"Operations":[{"op":"add","path":"${key}","value":{"polluted":"yes"}}]}`,
        `{"schemas":["${PATCH_OP}"],"Operations":[{"op":"add","path":"${key}.polluted","value":"yes"}]}`,
        `{"schemas":["${PATCH_OP}"],"Operations":[{"op":"replace","path":"name.${key}","value":{"polluted":"yes"}}]}`,
        `{"schemas":["${PATCH_OP}"],"Operations":[{"op":"add","path":"emails","value":[{"value":"p@example.com","${key}":{"polluted":"yes"}}]}]}`,
      ];
      for (const body of patches) {
        const response = await send('json bodies', patch(`/Users/${userIds[3]}`, body));
        if (response.status < 300) expect(response.text).not.toContain('polluted');
        expectPrototypeClean();
      }
      await send(
        'json bodies',
        patch(
          `/Groups/${groupIds[1]}`,
          `{"schemas":["${PATCH_OP}"],"Operations":[{"op":"add","path":"members","value":[{"value":"${userIds[4]}","${key}":{"polluted":"yes"}}]}]}`,
        ),
      );
      await send(
        'json bodies',
        post(
          '/Users/.search',
          `{"schemas":["${SEARCH_URN}"],"${key}":{"polluted":"yes"},"filter":"userName pr","count":1}`,
        ),
      );
      expectPrototypeClean();
    }
  });
});

describe('hostile headers', () => {
  it('X-Forwarded-For values that are not an address, with the secret and with a wrong one', async () => {
    const requests = fc
      .record({
        value: forwardedFor,
        authorized: fc.boolean(),
        path: fc.constantFrom('/ServiceProviderConfig', '/Users?count=1', '/Groups/unknown'),
      })
      .map(({ value, authorized, path }): RawRequest => ({
        method: 'GET',
        path: `${endpointPath}${path}`,
        headers: { 'x-forwarded-for': value, ...(authorized ? {} : { authorization: 'Bearer scim_wrong' }) },
      }));
    await run(requests, 'headers', 60);
  });

  it('pathological pattern inputs in userName, emails, attribute lists, sortBy, filters and headers', async () => {
    const requests = fc
      .record({
        text: pathologicalText,
        where: fc.constantFrom('userName', 'email', 'attributes', 'sortBy', 'filter', 'header'),
      })
      .chain(({ text, where }) =>
        fc
          .constantFrom('prefer', 'if-match', 'user-agent', 'authorization', 'x-forwarded-host')
          .map((header): RawRequest => {
            if (where === 'userName' || where === 'email') {
              const body = userBody(nextName('pattern'));
              if (where === 'userName') body.userName = text;
              else body.emails = [{ value: text, type: 'work', primary: true }];
              return { method: 'POST', path: `${endpointPath}/Users`, headers: scimJson, body: json(body) };
            }
            if (where === 'header') {
              return {
                method: 'PATCH',
                path: `${endpointPath}/Users/${userIds[3]}`,
                headers: { ...scimJson, [header]: text },
                body: json({ schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'title', value: 'x' }] }),
              };
            }
            return {
              method: 'POST',
              path: `${endpointPath}/Users/.search`,
              headers: scimJson,
              body: json({ schemas: [SEARCH_URN], [where]: where === 'filter' ? `userName eq "${text}"` : text }),
            };
          }),
      );
    await run(requests, 'patterns', 60);
  });

  const CONTENT_TYPES = [
    'application/scim+json',
    'application/json',
    'application/scim+json; charset=utf-8',
    'APPLICATION/SCIM+JSON',
    'application/json;charset=UTF-8',
    'application/scim+json; charset=latin1',
    'text/plain',
    'text/html',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    'application/vnd.api+json',
    ';;;',
    'application/',
    '*/*',
    'application/scim+json, text/plain',
  ];

  it('content-type variants on a valid body: JSON types accepted, the rest 415', async () => {
    for (const contentType of CONTENT_TYPES) {
      const response = await send('headers', {
        method: 'POST',
        path: `${endpointPath}/Users`,
        headers: { 'content-type': contentType },
        body: json(userBody(nextName('ctype'))),
      });
      if (/^application\/(scim\+)?json\s*(;|$)/i.test(contentType)) expect(response.status).toBe(201);
      else expect(response.status).toBe(415);
    }
    // No content type at all, and a chunked body without one, are read as JSON.
    expect(
      (
        await send('headers', {
          method: 'POST',
          path: `${endpointPath}/Users`,
          body: json(userBody(nextName('ctype'))),
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await send('headers', {
          method: 'POST',
          path: `${endpointPath}/Users`,
          body: json(userBody(nextName('ctype'))),
          chunked: true,
        })
      ).status,
    ).toBe(201);
    // An empty body with a length of 0, and a body that is not UTF-8.
    await send('headers', { method: 'POST', path: `${endpointPath}/Users`, headers: scimJson, body: '' });
    await send('headers', {
      method: 'POST',
      path: `${endpointPath}/Users`,
      headers: scimJson,
      body: Buffer.from([0x7b, 0xff, 0xfe, 0x22, 0x7d]),
    });
  });

  it('If-Match and If-None-Match garbage', async () => {
    const GARBAGE = [
      'garbage',
      'W/',
      '"',
      ',,,',
      'W/"',
      '"1',
      'W/"999999999999999999999"',
      `W/"${'9'.repeat(5000)}"`,
      'W/"1", W/"2", W/"3"',
      '*, W/"1"',
      '\t',
      'w/"1"',
      'W/"abc"def"',
    ];
    for (const value of GARBAGE) {
      await send('headers', {
        method: 'GET',
        path: `${endpointPath}/Users/${userIds[0]}`,
        headers: { 'if-none-match': value },
      });
      await send('headers', {
        method: 'PATCH',
        path: `${endpointPath}/Users/${userIds[0]}`,
        headers: { ...scimJson, 'if-match': value },
        body: json({ schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'title', value: `t-${value.length}` }] }),
      });
      await send('headers', {
        method: 'PUT',
        path: `${endpointPath}/Groups/${groupIds[1]}`,
        headers: { ...scimJson, 'if-match': value },
        body: json({ schemas: [GROUP_URN], displayName: 'Fuzz writers' }),
      });
      const removal = await send('headers', {
        method: 'DELETE',
        path: `${endpointPath}/Users/${victimId}`,
        headers: { 'if-match': value },
      });
      if (removal.status === 204) {
        const again = await send('headers', {
          method: 'POST',
          path: `${endpointPath}/Users`,
          headers: scimJson,
          body: json(userBody(nextName('victim'))),
        });
        victimId = again.json.id;
      }
    }
  });

  it('odd Authorization forms are refused with 401 and write nothing', async () => {
    const FORMS: (string | string[])[] = [
      '',
      'Bearer',
      'Bearer ',
      `Bearer  ${secret}x`,
      `Basic ${Buffer.from(`user:${secret}`).toString('base64')}`,
      `Bearer ${secret.slice(0, -1)}`,
      `Bearer ${secret}${secret}`,
      `Bearer ${'A'.repeat(8000)}`,
      `Bearer ${secret} extra`,
      `Token ${secret}`,
      'Bearer \u00e9\u00ff',
      ['Bearer wrong', `Bearer ${secret}`],
      'null',
      'undefined',
    ];
    for (const authorization of FORMS) {
      for (const [method, path, body] of [
        ['GET', '/Users', undefined],
        ['POST', '/Users', json(userBody(nextName('auth')))],
      ] as const) {
        const response = await send('headers', {
          method,
          path: `${endpointPath}${path}`,
          headers: { authorization, ...(body ? scimJson : {}) },
          body,
        });
        expect(response.status).toBe(401);
      }
    }
  });

  it('other methods and odd requests on SCIM paths', async () => {
    for (const method of ['OPTIONS', 'TRACE', 'PROPFIND', 'HEAD', 'PATCH', 'PUT', 'DELETE']) {
      await send('headers', { method, path: `${endpointPath}/Users` });
      await send('headers', { method, path: `${endpointPath}/ServiceProviderConfig` });
    }
    await send('headers', {
      method: 'POST',
      path: `${endpointPath}/Users`,
      headers: { ...scimJson, 'x-http-method-override': 'DELETE' },
      body: json(userBody(nextName('override'))),
    });
    await send('headers', { method: 'GET', path: `${endpointPath}/Users`, headers: { accept: 'text/html' } });
    await send('headers', {
      method: 'DELETE',
      path: `${endpointPath}/Users/${userIds[4]}`,
      headers: scimJson,
      body: '{not json',
    });
  });
});

/** Inputs the fuzzing found answered with a 500 (on PostgreSQL or MariaDB, or everywhere), kept with the answer they get now. */
describe('regressions found by fuzzing', () => {
  const user = (extra: Record<string, unknown>) => json({ ...userBody(nextName('regression')), ...extra });
  // Every row has four cells: jest reads a test function with more parameters than cells as taking `done`.
  const cases: [string, () => RawRequest, number, string | undefined][] = [
    [
      'PUT of an id holding NUL (PostgreSQL refused the lookup)',
      () => ({ method: 'PUT', path: `${endpointPath}/Users/%00`, headers: scimJson, body: user({}) }),
      404,
      undefined,
    ],
    ['GET of a Group id holding NUL', () => ({ method: 'GET', path: `${endpointPath}/Groups/a%00b` }), 404, undefined],
    [
      'a userName over 255 characters (VARCHAR(255) on PostgreSQL and MariaDB)',
      () => ({
        method: 'POST',
        path: `${endpointPath}/Users`,
        headers: scimJson,
        body: user({ userName: 'u'.repeat(256) }),
      }),
      400,
      'invalidValue',
    ],
    [
      'a 1 MiB userName',
      () => ({
        method: 'POST',
        path: `${endpointPath}/Users`,
        headers: scimJson,
        body: user({ userName: 'u'.repeat(MAX_BODY_BYTES - 400) }),
      }),
      400,
      'invalidValue',
    ],
    [
      'a givenName over 255 characters',
      () => ({
        method: 'POST',
        path: `${endpointPath}/Users`,
        headers: scimJson,
        body: user({ name: { givenName: '😀'.repeat(256) } }),
      }),
      400,
      'invalidValue',
    ],
    [
      'a Group displayName over 255 characters',
      () => ({
        method: 'POST',
        path: `${endpointPath}/Groups`,
        headers: scimJson,
        body: json({ schemas: [GROUP_URN], displayName: 'g'.repeat(300) }),
      }),
      400,
      'invalidValue',
    ],
    [
      'a PATCH to an externalId over 255 characters',
      () => ({
        method: 'PATCH',
        path: `${endpointPath}/Users/${userIds[2]}`,
        headers: scimJson,
        body: json({
          schemas: [PATCH_OP],
          Operations: [{ op: 'replace', path: 'externalId', value: 'e'.repeat(256) }],
        }),
      }),
      400,
      'invalidValue',
    ],
    [
      'a userName holding NUL (PostgreSQL text)',
      () => ({
        method: 'POST',
        path: `${endpointPath}/Users`,
        headers: scimJson,
        body: user({ userName: 'nul\u0000@example.com' }),
      }),
      400,
      'invalidValue',
    ],
    [
      'an unpaired surrogate in a stored attribute (PostgreSQL jsonb)',
      () => ({ method: 'POST', path: `${endpointPath}/Users`, headers: scimJson, body: user({ title: '\ud800' }) }),
      400,
      'invalidValue',
    ],
    [
      'a member id holding NUL in a Group PATCH',
      () => ({
        method: 'PATCH',
        path: `${endpointPath}/Groups/${groupIds[1]}`,
        headers: scimJson,
        body: json({
          schemas: [PATCH_OP],
          Operations: [{ op: 'remove', path: 'members', value: [{ value: 'a\u0000' }] }],
        }),
      }),
      400,
      'invalidValue',
    ],
    [
      'a filter value holding an escaped NUL (\\u0000)',
      () => ({ method: 'GET', path: `${endpointPath}/Users?filter=${encodeURIComponent('userName eq "\\u0000"')}` }),
      400,
      'invalidFilter',
    ],
    [
      'a .search filter value holding an escaped NUL',
      () => ({
        method: 'POST',
        path: `${endpointPath}/.search`,
        headers: scimJson,
        body: json({ filter: 'displayName co "a\\u0000"' }),
      }),
      400,
      'invalidFilter',
    ],
    [
      'a filter value holding a raw NUL, percent-encoded',
      () => ({ method: 'GET', path: `${endpointPath}/Users?filter=userName%20eq%20%22%00%22` }),
      400,
      'invalidFilter',
    ],
    [
      'a method the router does not know (501 before)',
      () => ({ method: 'PROPFIND', path: `${endpointPath}/Users` }),
      405,
      undefined,
    ],
  ];
  it.each(cases)('%s', async (_label, make, status, scimType) => {
    const response = await send('regressions', make());
    expect(response.status).toBe(status);
    if (scimType) expect(response.json.scimType).toBe(scimType);
  });

  it('records a failed request whose id holds NUL in the activity log, without the NUL', async () => {
    await send('regressions', { method: 'GET', path: `${endpointPath}/Users/x%00y` });
    const entries = await app.strapi.db.query('plugin::scim.activity-entry').findMany({ where: { resourceId: 'xy' } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ outcome: 'failure', status: 404 });
  });
});

describe('after the run', () => {
  it('the server still answers and Object.prototype is untouched', async () => {
    const response = await rawRequest(app.baseUrl, {
      method: 'GET',
      path: `${endpointPath}/ServiceProviderConfig`,
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(response.status).toBe(200);
    const listing = await rawRequest(app.baseUrl, {
      method: 'GET',
      path: `${endpointPath}/Users?count=1`,
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(listing.status).toBe(200);
    expectPrototypeClean();
  });
});
