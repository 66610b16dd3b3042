import { adminApi, scimRequest } from './support/admin-api';
import { startTestApp, stopTestApp, type TestApp } from './support/test-app';

/** Secret expiry, how often lastUsedAt is written, and verification timing on a real database. */
let app: TestApp;
let api: ReturnType<typeof adminApi>;
let endpoint: string;

const SECRETS_TABLE = 'scim_secrets';
const serviceConfig = (secret: string) => scimRequest(`${endpoint}/ServiceProviderConfig`, { secret });
const secretRow = (id: number) => app.strapi.db.query('plugin::scim.secret').findOne({ where: { id } });
const listed = async (id: number) =>
  (await api.call('GET', '/scim/secrets')).body.data.find((row: { id: number }) => row.id === id);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** Counts UPDATE statements on the secrets table and the rows they changed, as the database reports them. */
const watchSecretUpdates = () => {
  const seen = { statements: 0, rowsChanged: 0 };
  const isSecretUpdate = (sql: string) => /^update\b/i.test(sql) && sql.includes(SECRETS_TABLE);
  const onQuery = (query: { sql: string }) => {
    if (isSecretUpdate(query.sql)) seen.statements += 1;
  };
  const onResponse = (response: unknown, query: { sql: string }) => {
    if (isSecretUpdate(query.sql))
      seen.rowsChanged +=
        typeof response === 'number'
          ? response
          : ((response as { rowCount?: number } | null | undefined)?.rowCount ?? 0);
  };
  const connection = app.strapi.db.connection;
  connection.on('query', onQuery).on('query-response', onResponse);
  return { seen, stop: () => connection.off('query', onQuery).off('query-response', onResponse) };
};

beforeAll(async () => {
  app = await startTestApp();
  api = adminApi(app.baseUrl, await app.login());
  endpoint = (await api.enable()).endpointUrl as string;
});

afterAll(async () => {
  await stopTestApp(app);
});

describe('expiry', () => {
  it('creates a secret with an expiry date, lists it, and records it in the activity log', async () => {
    const expiresAt = inDays(30);
    const { status, body } = await api.call('POST', '/scim/secrets', { label: 'rotating', expiresAt });
    expect(status).toBe(201);
    expect(body.data).toMatchObject({ expiresAt, expired: false });
    expect(await listed(body.data.id)).toMatchObject({ expiresAt, expired: false });
    expect(new Date((await secretRow(body.data.id)).expiresAt).toISOString()).toBe(expiresAt);
    expect((await serviceConfig(body.data.secret)).status).toBe(200);
    const [entry] = await app.strapi.db
      .query('plugin::scim.activity-entry')
      .findMany({ where: { resourceType: 'Secret', resourceId: String(body.data.id) } });
    expect(entry).toMatchObject({ operation: 'create', actor: 'admin@example.com', detail: `expires at ${expiresAt}` });
  });

  it('takes an absent or null expiresAt as never, and keeps a time zone offset', async () => {
    expect((await api.call('POST', '/scim/secrets', {})).body.data).toMatchObject({ expiresAt: null, expired: false });
    expect((await api.call('POST', '/scim/secrets', { expiresAt: null })).body.data).toMatchObject({ expiresAt: null });
    const withOffset = await api.call('POST', '/scim/secrets', { expiresAt: '2099-06-30T23:59:59+02:00' });
    expect(withOffset.body.data.expiresAt).toBe('2099-06-30T21:59:59.000Z');
  });

  it.each([
    ['in the past', '2020-01-01T00:00:00Z'],
    ['not a date', 'next tuesday'],
    ['without a time zone', '2099-01-01T00:00:00'],
    ['a bare date', '2099-01-01'],
    ['a number', 4102444800000],
  ])('refuses an expiresAt %s with a 400 naming the field, and creates nothing', async (_label, expiresAt) => {
    const before = await app.strapi.db.query('plugin::scim.secret').count();
    const { status, body } = await api.call('POST', '/scim/secrets', { expiresAt });
    expect(status).toBe(400);
    expect(body.error.message).toContain('expiresAt');
    expect(await app.strapi.db.query('plugin::scim.secret').count()).toBe(before);
  });

  it('refuses a secret once it has expired: 401 saying so, marked expired, recorded as a failure', async () => {
    const created = (
      await api.call('POST', '/scim/secrets', {
        label: 'short-lived',
        expiresAt: new Date(Date.now() + 1_500).toISOString(),
      })
    ).body.data;
    expect((await serviceConfig(created.secret)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_600));

    const refused = await serviceConfig(created.secret);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(refused.body).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '401',
      detail: expect.stringContaining(`this SCIM secret expired at ${created.expiresAt}`),
    });
    expect(await listed(created.id)).toMatchObject({ expired: true, expiresAt: created.expiresAt });
    const failures = await app.strapi.db
      .query('plugin::scim.activity-entry')
      .findMany({ where: { outcome: 'failure', status: 401 } });
    expect(failures.at(-1)).toMatchObject({
      resourceType: 'Endpoint',
      operation: 'read',
      detail: expect.stringContaining('expired'),
    });
    expect(JSON.stringify(failures)).not.toContain(created.secret);
  });
});

describe('rotation', () => {
  const secretCount = () => app.strapi.db.query('plugin::scim.secret').count();
  const rotate = (id: number, body: unknown) => api.call('POST', `/scim/secrets/${String(id)}/rotate`, body);
  const hoursFromNow = (iso: string) => (Date.parse(iso) - Date.now()) / 3_600_000;

  it('creates a successor with the same label and keeps the old secret working through the grace period', async () => {
    const old = await api.createSecret('entra');
    const { status, body } = await rotate(old.id, { graceHours: 24, expiresAt: inDays(90) });
    expect(status).toBe(201);
    const { secret: created, replaced } = body.data;
    expect(created).toMatchObject({ label: 'entra', expired: false });
    expect(created.secret).toMatch(/^scim_/);
    expect(created.id).not.toBe(old.id);
    expect(hoursFromNow(created.expiresAt)).toBeGreaterThan(89 * 24);
    expect(replaced).toMatchObject({ id: old.id, label: 'entra', expired: false });
    expect(hoursFromNow(replaced.expiresAt)).toBeGreaterThan(23.9);
    expect(hoursFromNow(replaced.expiresAt)).toBeLessThanOrEqual(24);
    expect(await listed(old.id)).toMatchObject({ expiresAt: replaced.expiresAt });
    expect((await serviceConfig(old.secret)).status).toBe(200);
    expect((await serviceConfig(created.secret)).status).toBe(200);

    const entries = await app.strapi.db
      .query('plugin::scim.activity-entry')
      .findMany({ where: { resourceType: 'Secret', resourceId: { $in: [String(old.id), String(created.id)] } } });
    expect(entries.map((entry: { operation: string; detail: string }) => [entry.operation, entry.detail])).toEqual(
      expect.arrayContaining([
        ['create', expect.stringContaining(`replaces secret ${String(old.id)}`)],
        ['rotate', expect.stringContaining(`replaced by secret ${String(created.id)}; expires at`)],
      ]),
    );
  });

  it('with no grace period refuses the old secret at once', async () => {
    const old = await api.createSecret('now');
    const { body } = await rotate(old.id, { graceHours: 0 });
    expect(body.data.replaced.expired).toBe(true);
    expect((await serviceConfig(old.secret)).status).toBe(401);
    expect((await serviceConfig(body.data.secret.secret)).status).toBe(200);
  });

  it('never lengthens the life of a secret that expires before the grace period ends', async () => {
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const { body: created } = await api.call('POST', '/scim/secrets', { label: 'soon', expiresAt });
    const { body } = await rotate(created.data.id, { graceHours: 720, label: 'renamed' });
    expect(body.data.replaced.expiresAt).toBe(expiresAt);
    expect(body.data.secret).toMatchObject({ label: 'renamed', expiresAt: null });
  });

  it.each([
    ['a grace period over 30 days', { graceHours: 721 }],
    ['no grace period', {}],
    ['a fractional grace period', { graceHours: 1.5 }],
    ['an unknown field', { graceHours: 1, keepOld: true }],
  ])('refuses %s with 400 and changes nothing', async (_label, body) => {
    const old = await api.createSecret('kept');
    const before = await secretCount();
    expect((await rotate(old.id, body)).status).toBe(400);
    expect(await secretCount()).toBe(before);
    expect((await listed(old.id)).expiresAt).toBeNull();
  });

  it('answers 404 for an unknown secret and creates nothing', async () => {
    const before = await secretCount();
    expect((await rotate(999_999, { graceHours: 1 })).status).toBe(404);
    expect(await secretCount()).toBe(before);
  });
});

describe('label', () => {
  it('changes and clears the label, and records the change', async () => {
    const { id } = await api.createSecret('before');
    const changed = await api.call('PUT', `/scim/secrets/${String(id)}`, { label: '  Okta production ' });
    expect(changed.status).toBe(200);
    expect(changed.body.data).toMatchObject({ id, label: 'Okta production' });
    expect((await listed(id)).label).toBe('Okta production');
    expect((await api.call('PUT', `/scim/secrets/${String(id)}`, { label: null })).body.data.label).toBeNull();
    const entry = await app.strapi.db
      .query('plugin::scim.activity-entry')
      .findOne({ where: { resourceType: 'Secret', resourceId: String(id), operation: 'update' } });
    expect(entry).toMatchObject({ detail: 'label changed', actor: 'admin@example.com' });
  });

  it.each([
    ['no label', {}],
    ['a label over 120 characters', { label: 'x'.repeat(121) }],
    ['another field', { label: 'a', hash: 'b' }],
  ])('refuses %s with 400', async (_label, body) => {
    const { id } = await api.createSecret('unchanged');
    expect((await api.call('PUT', `/scim/secrets/${String(id)}`, body)).status).toBe(400);
    expect((await listed(id)).label).toBe('unchanged');
  });

  it('answers 404 for an unknown secret', async () => {
    expect((await api.call('PUT', '/scim/secrets/999999', { label: 'x' })).status).toBe(404);
  });
});

describe('lastUsedAt', () => {
  it('is written once for many requests within the interval, and only by one of a parallel burst after it', async () => {
    const created = await api.createSecret('busy');
    const watch = watchSecretUpdates();
    try {
      const sequential = [];
      for (let i = 0; i < 20; i += 1) sequential.push((await serviceConfig(created.secret)).status);
      expect(sequential).toEqual(Array(20).fill(200));
      const firstUse = (await secretRow(created.id)).lastUsedAt;
      expect(firstUse).not.toBeNull();
      expect(watch.seen.statements).toBe(1);

      const recent = await Promise.all(Array.from({ length: 20 }, () => serviceConfig(created.secret)));
      expect(recent.every((response) => response.status === 200)).toBe(true);
      expect(watch.seen.statements).toBe(1);
      expect((await secretRow(created.id)).lastUsedAt).toEqual(firstUse);

      // As if the interval had passed: every request of the burst reads an old value.
      const old = new Date(Date.now() - 120_000);
      await app.strapi.db.query('plugin::scim.secret').update({ where: { id: created.id }, data: { lastUsedAt: old } });
      const before = { ...watch.seen };
      const burst = await Promise.all(Array.from({ length: 20 }, () => serviceConfig(created.secret)));
      expect(burst.every((response) => response.status === 200)).toBe(true);
      const statements = watch.seen.statements - before.statements;
      const rowsChanged = watch.seen.rowsChanged - before.rowsChanged;
      expect(statements).toBeGreaterThanOrEqual(1);
      expect(statements).toBeLessThanOrEqual(20);
      expect(rowsChanged).toBe(1);
      const afterBurst = (await secretRow(created.id)).lastUsedAt;
      expect(new Date(afterBurst).getTime()).toBeGreaterThan(old.getTime() + 60_000);
      process.stdout.write(
        `lastUsedAt on ${app.database.client}: 40 requests within the interval -> 1 update; ` +
          `a burst of 20 after it -> ${statements} conditional update statement(s), ${rowsChanged} row changed\n`,
      );
    } finally {
      watch.stop();
    }
  });
});

describe('verification timing', () => {
  it('takes as long for an unknown secret as for a wrong one with the right prefix (median ratio printed)', async () => {
    const secrets = app.strapi.plugin('scim').service('secrets');
    const known = (await api.createSecret('timing')).secret;
    const wrong = known.slice(0, -1) + (known.endsWith('A') ? 'B' : 'A');
    const unknown = 'scim_' + 'Q'.repeat(43);
    const samples = { unknown: [] as number[], wrong: [] as number[] };
    const time = async (kind: keyof typeof samples, secret: string) => {
      const start = process.hrtime.bigint();
      expect(await secrets.verify(secret)).toEqual({ status: 'unknown' });
      samples[kind].push(Number(process.hrtime.bigint() - start));
    };
    for (let i = 0; i < 400; i += 1) {
      if (i % 2) await time('unknown', unknown).then(() => time('wrong', wrong));
      else await time('wrong', wrong).then(() => time('unknown', unknown));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const ratio = median(samples.unknown) / median(samples.wrong);
    const stored = await app.strapi.db.query('plugin::scim.secret').count();
    process.stdout.write(
      `verify on ${app.database.client} (${stored} stored secrets, 400 each): median unknown ${(median(samples.unknown) / 1e6).toFixed(3)} ms, ` +
        `wrong ${(median(samples.wrong) / 1e6).toFixed(3)} ms, unknown/wrong median ratio ${ratio.toFixed(3)}\n`,
    );
    expect(ratio).toBeGreaterThan(0.33);
    expect(ratio).toBeLessThan(3);
  });
});
