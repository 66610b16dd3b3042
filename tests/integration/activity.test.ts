import { parse } from 'csv-parse/sync';
import { adminApi, scimRequest } from './support/admin-api';
import { startTestApp, stopTestApp, type TestApp } from './support/test-app';

let app: TestApp;
let api: ReturnType<typeof adminApi>;
let endpoint: string;
let secret: string;
let token: string;

const scim = (path: string, init: Parameters<typeof scimRequest>[1] = {}) =>
  scimRequest(`${endpoint}${path}`, { secret, ...init });
const entries = (where: Record<string, unknown> = {}) =>
  app.strapi.db.query('plugin::scim.activity-entry').findMany({ where, orderBy: { id: 'asc' } });
const userBody = (userName: string, extra: Record<string, unknown> = {}) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName,
  emails: [{ value: userName, primary: true }],
  ...extra,
});

beforeAll(async () => {
  app = await startTestApp({ env: { SCIM_ACTIVITY_MAX_ENTRIES: '100' } });
  token = await app.login();
  api = adminApi(app.baseUrl, token);
  endpoint = (await api.enable()).endpointUrl as string;
  secret = (await api.createSecret('activity')).secret;
});

afterAll(async () => {
  await stopTestApp(app);
});

it('records a write with its mode, quirks, changed attributes and what it would do to the host', async () => {
  const { body } = await scim('/Users', {
    method: 'POST',
    body: userBody('logged@example.com', { active: 'True', password: 'Never-Logged-1' }),
  });
  const [entry] = await entries({ resourceId: body.id });
  expect(entry).toMatchObject({
    method: 'POST',
    resourceType: 'User',
    resourceName: 'logged@example.com',
    operation: 'create',
    outcome: 'success',
    status: 201,
    mode: 'test',
    hostAction: 'test mode: would create or link its admin user',
  });
  expect(entry.quirks).toContain('boolean-as-string');
  expect(entry.changes).toEqual(expect.arrayContaining(['userName', 'emails', 'active']));
  expect(JSON.stringify(await entries())).not.toContain('Never-Logged-1');
});

it('records a PATCH with the attributes it changed', async () => {
  const { body } = await scim('/Users', { method: 'POST', body: userBody('patched.log@example.com') });
  await scim(`/Users/${body.id}`, {
    method: 'PATCH',
    body: {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'Replace', path: 'displayName', value: 'Patched' }],
    },
  });
  const patch = (await entries({ resourceId: body.id, operation: 'patch' }))[0];
  expect(patch).toMatchObject({ method: 'PATCH', outcome: 'success', changes: ['displayName'] });
  expect(patch.quirks).toContain('patch-op-any-case');
});

it('records failed requests with their status and detail, but not requests to an unknown endpoint', async () => {
  const before = (await entries()).length;
  await scim('/Users', { method: 'POST', body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'] } });
  const [failure] = await entries({ outcome: 'failure', status: 400 });
  expect(failure).toMatchObject({
    method: 'POST',
    resourceType: 'User',
    operation: 'create',
    mode: 'test',
    detail: expect.stringContaining('userName'),
  });
  await scimRequest(`${endpoint.replace(/[0-9a-f-]{36}$/, '00000000-0000-4000-8000-000000000000')}/Users`, { secret });
  expect((await entries()).length).toBe(before + 1);
});

it('keeps no success entry for a write that was rolled back', async () => {
  await api.call('PUT', '/scim/settings', { productionMode: true });
  const response = await scim('/Users', { method: 'POST', body: userBody('admin@example.com') });
  expect(response.status).toBe(409);
  const forAdmin = await entries({ resourceName: 'admin@example.com' });
  expect(forAdmin).toEqual([]);
  const [conflict] = await entries({ status: 409 });
  expect(conflict).toMatchObject({ outcome: 'failure', mode: 'production' });
  await api.call('PUT', '/scim/settings', { productionMode: false });
});

it('records settings and secret changes with the admin who made them, never the secret', async () => {
  const created = await api.createSecret('audited');
  await api.call('GET', `/scim/secrets/${created.id}/reveal`);
  await api.call('DELETE', `/scim/secrets/${created.id}`);
  const secretEntries = await entries({ resourceType: 'Secret', resourceId: String(created.id) });
  expect(secretEntries.map((entry: { operation: string }) => entry.operation)).toEqual(['create', 'reveal', 'delete']);
  for (const entry of secretEntries) expect(entry.actor).toBe('admin@example.com');
  const settingsEntries = await entries({ resourceType: 'Settings' });
  expect(settingsEntries.some((entry: { changes: string[] }) => entry.changes.includes('productionMode'))).toBe(true);
  expect(JSON.stringify(await entries())).not.toContain(created.secret);
  expect(JSON.stringify(await entries())).not.toContain(secret);
});

it('records each kind of settings change, made by whichever admin made it', async () => {
  const superAdmin = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-super-admin' } });
  await app.strapi.service('admin::user').create({
    email: 'second.admin@example.com',
    firstname: 'Second',
    password: 'Second-Admin-1',
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
  const second = adminApi(app.baseUrl, await app.login('second.admin@example.com', 'Second-Admin-1'));
  const settings = (await api.call('GET', '/scim/settings')).body.data;
  const editor = settings.roles.find((role: { code: string }) => role.code === 'strapi-editor');
  const { body: group } = await scim('/Groups', {
    method: 'POST',
    body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Audited' },
  });
  const after = (await app.strapi.db.query('plugin::scim.activity-entry').findOne({ orderBy: { id: 'desc' } })).id;

  const changes: [ReturnType<typeof adminApi>, string, string, unknown, string[]][] = [
    [api, 'PUT', '/scim/settings', { enabled: false }, ['enabled']],
    [second, 'PUT', '/scim/settings', { enabled: true }, ['enabled']],
    [second, 'PUT', '/scim/settings', { productionMode: true }, ['productionMode']],
    [api, 'PUT', '/scim/settings', { productionMode: false }, ['productionMode']],
    [second, 'PUT', '/scim/settings', { defaultRoleId: editor.id }, ['defaultRoleId']],
    [
      api,
      'PUT',
      '/scim/settings',
      { groupRoleMappings: [{ groupId: group.id, roleId: editor.id }] },
      ['groupRoleMappings'],
    ],
    [second, 'POST', '/scim/settings/regenerate-endpoint', undefined, ['endpointId']],
  ];
  for (const [client, method, path, body] of changes) expect((await client.call(method, path, body)).status).toBe(200);
  endpoint = (await api.call('GET', '/scim/settings')).body.data.endpointUrl;

  // The production job the switch recorded writes its own start and end entries (production-job.test.ts).
  const recorded = (await entries({ resourceType: 'Settings', id: { $gt: after } })).filter(
    (entry: { operation: string }) => !entry.operation.startsWith('job-'),
  );
  expect(
    recorded.map((entry: { actor: string; changes: string[]; outcome: string }) => [
      entry.actor,
      entry.changes,
      entry.outcome,
    ]),
  ).toEqual(
    changes.map(([client, , , , changed]) => [
      client === api ? 'admin@example.com' : 'second.admin@example.com',
      changed,
      'success',
    ]),
  );
  expect(recorded.at(-1)).toMatchObject({ operation: 'regenerate-endpoint', method: 'POST' });
});

it('lists entries newest first with filters and pages through the admin API', async () => {
  const all = await api.call('GET', '/scim/activity?pageSize=2');
  expect(all.status).toBe(200);
  expect(all.body.data.results).toHaveLength(2);
  expect(all.body.data.pagination.total).toBe((await entries()).length);
  expect(all.body.data.results[0].id).toBeGreaterThan(all.body.data.results[1].id);
  const failures = await api.call('GET', '/scim/activity?outcome=failure&resourceType=User');
  expect(failures.body.data.results.length).toBeGreaterThan(0);
  expect(
    failures.body.data.results.every(
      (entry: { outcome: string; resourceType: string }) =>
        entry.outcome === 'failure' && entry.resourceType === 'User',
    ),
  ).toBe(true);
  const bad = await api.call('GET', '/scim/activity?outcome=maybe');
  expect(bad.status).toBe(400);
  expect(bad.body.error.message).toContain('outcome');
});

describe('search, date range and CSV export', () => {
  let target: { id: string };
  const listed = async (query: string) => {
    const response = await api.call('GET', `/scim/activity?pageSize=100&${query}`);
    expect(response.status).toBe(200);
    return response.body.data.results as {
      resourceId: string | null;
      resourceName: string | null;
      operation: string;
    }[];
  };
  const exported = async (query: string) => {
    const response = await fetch(`${app.baseUrl}/scim/activity/export?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const text = await response.text();
    const rows = response.status === 200 ? parse<Record<string, string>>(text, { columns: true }) : [];
    return { response, rows };
  };

  beforeAll(async () => {
    target = (
      await scim('/Users', { method: 'POST', body: userBody('Search.Target@example.com', { externalId: 'ext-4711' }) })
    ).body;
    await scim(`/Users/${target.id}`, {
      method: 'PATCH',
      body: {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'replace', path: 'displayName', value: 'Target' }],
      },
    });
    await scim('/Users', { method: 'POST', body: userBody('bystander@example.com') });
  });

  it.each([
    ['part of the userName, in any case', 'search.TARGET'],
    ['the externalId', 'ext-4711'],
    ['the SCIM id', () => target.id],
  ])("finds a user's entries by %s", async (_label, search) => {
    const term = typeof search === 'function' ? search() : search;
    const results = await listed(`search=${encodeURIComponent(term)}`);
    expect(results.map((entry) => entry.operation).sort()).toEqual(['create', 'patch']);
    expect(results.every((entry) => entry.resourceId === target.id)).toBe(true);
  });

  it('selects entries by date range, and refuses a range that ends before it starts', async () => {
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const inAMinute = new Date(Date.now() + 60_000).toISOString();
    expect(await listed(`search=ext-4711&from=${hourAgo}&to=${inAMinute}`)).toHaveLength(2);
    expect(await listed(`search=ext-4711&from=${inAMinute}`)).toHaveLength(0);
    expect(await listed(`search=ext-4711&to=${hourAgo}`)).toHaveLength(0);
    const reversed = await api.call('GET', `/scim/activity?from=${inAMinute}&to=${hourAgo}`);
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.message).toContain('from must be before to');
    expect((await api.call('GET', '/scim/activity?from=yesterday')).status).toBe(400);
    expect((await api.call('GET', '/scim/activity?userName=x')).status).toBe(400);
  });

  it('exports what the filters select as CSV, as the list shows it, with formulas neutralised', async () => {
    await scim('/Users', { method: 'POST', body: userBody('=HYPERLINK("http://evil.example")') });
    const { response, rows } = await exported('resourceType=User&outcome=success');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="scim-activity-[\d-]+\.csv"$/);
    const total = (await api.call('GET', '/scim/activity?resourceType=User&outcome=success&pageSize=1')).body.data
      .pagination.total;
    expect(rows).toHaveLength(total);
    expect(Object.keys(rows[0])).toEqual([
      'createdAt',
      'method',
      'resourceType',
      'resourceId',
      'resourceName',
      'operation',
      'outcome',
      'status',
      'mode',
      'count',
      'changes',
      'quirks',
      'hostAction',
      'detail',
      'actor',
    ]);
    expect(rows.map((row) => row.resourceName)).toContain(`'=HYPERLINK("http://evil.example")`);
    const patch = rows.find((row) => row.resourceId === target.id && row.operation === 'patch');
    expect(patch).toMatchObject({ method: 'PATCH', status: '200', mode: 'test', changes: 'displayName' });

    const searched = await exported('search=ext-4711');
    expect(searched.rows.map((row) => row.operation).sort()).toEqual(['create', 'patch']);
    expect((await exported('outcome=maybe')).response.status).toBe(400);
  });

  it('exports more entries than one batch, newest first, without repeating or leaving out any', async () => {
    const bulk = Array.from({ length: 1050 }, (_, index) => ({
      method: 'GET',
      resourceType: 'Endpoint',
      resourceId: `bulk-${String(index)}`,
      operation: 'bulk',
      outcome: 'failure',
      status: 400,
      createdAt: new Date(Date.now() - index * 1000),
    }));
    await app.strapi.db.query('plugin::scim.activity-entry').createMany({ data: bulk });
    try {
      const { rows } = await exported('resourceType=Endpoint');
      const bulkRows = rows.filter((row) => row.operation === 'bulk');
      expect(new Set(bulkRows.map((row) => row.resourceId)).size).toBe(1050);
      expect(rows).toHaveLength((await entries({ resourceType: 'Endpoint' })).length);
      const stamps = rows.map((row) => row.createdAt);
      expect([...stamps].sort().reverse()).toEqual(stamps);
    } finally {
      await app.strapi.db.query('plugin::scim.activity-entry').deleteMany({ where: { operation: 'bulk' } });
    }
  });
});

it('exports each selected entry once while new entries are recorded between its batches', async () => {
  const older = Array.from({ length: 5 }, (_, index) => ({
    method: 'GET',
    resourceType: 'Endpoint',
    resourceId: `keyset-${String(index)}`,
    operation: 'keyset',
    outcome: 'failure',
    status: 400,
    // Two entries share each instant, so the order within one instant (by id) is exercised too.
    createdAt: new Date(Date.UTC(2024, 0, 1, 0, 0, Math.floor(index / 2))),
  }));
  const query = app.strapi.db.query('plugin::scim.activity-entry');
  await query.createMany({ data: older });
  try {
    const seen: string[] = [];
    const activity = app.strapi.plugin('scim').service<{
      each: (filters: object, batchSize: number) => AsyncGenerator<{ resourceId: string }>;
    }>('activity');
    for await (const row of activity.each({ resourceType: 'Endpoint' }, 2)) {
      seen.push(row.resourceId);
      // Newer entries arrive while the export runs; they are after the export's start, so they are not in it.
      if (seen.length <= 3) {
        await query.create({
          data: { ...older[0], resourceId: `keyset-new-${String(seen.length)}`, createdAt: new Date() },
        });
      }
    }
    const newestFirst = older.map((row) => row.resourceId).reverse();
    expect(seen.filter((id) => id.startsWith('keyset-'))).toEqual(newestFirst);
    expect(new Set(seen).size).toBe(seen.length);
  } finally {
    await query.deleteMany({ where: { operation: 'keyset' } });
  }
});

it('prunes entries past the retention age, oldest first', async () => {
  const old = await app.strapi.db.query('plugin::scim.activity-entry').create({
    data: {
      method: 'GET',
      resourceType: 'User',
      operation: 'read',
      outcome: 'failure',
      status: 400,
      createdAt: new Date('2020-01-01T00:00:00Z'),
    },
  });
  const removed = await app.strapi.plugin('scim').service('activity').prune();
  expect(removed).toBe(1);
  expect(await app.strapi.db.query('plugin::scim.activity-entry').findOne({ where: { id: old.id } })).toBeNull();
});

it('keeps at most activityMaxEntries entries, dropping the oldest', async () => {
  const query = app.strapi.db.query('plugin::scim.activity-entry');
  const newest = await query.findOne({ orderBy: { id: 'desc' } });
  await query.createMany({
    data: Array.from({ length: 120 }, () => ({
      method: 'GET',
      resourceType: 'User',
      operation: 'read',
      outcome: 'failure',
      status: 400,
    })),
  });
  await app.strapi.plugin('scim').service('activity').prune();
  expect(await query.count()).toBe(100);
  expect(await query.findOne({ where: { id: newest.id } })).toBeNull();
});
