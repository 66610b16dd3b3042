import { ACTIONS } from '../../server/src/constants';
import adminRoutes from '../../server/src/routes/admin';
import { adminApi } from './support/admin-api';
import { startTestApp, stopTestApp, type TestApp } from './support/test-app';

let app: TestApp;
let api: ReturnType<typeof adminApi>;

beforeAll(async () => {
  app = await startTestApp();
  api = adminApi(app.baseUrl, await app.login());
});

afterAll(async () => {
  await stopTestApp(app);
});

describe('settings', () => {
  it('starts disabled, in test mode, with the Author role as default and no endpoint', async () => {
    const { status, body } = await api.call('GET', '/scim/settings');
    expect(status).toBe(200);
    const author = body.data.roles.find((role: { code: string }) => role.code === 'strapi-author');
    expect(body.data).toMatchObject({
      enabled: false,
      productionMode: false,
      endpointId: null,
      endpointUrl: null,
      groupRoleMappings: [],
      provisioned: { users: 0, groups: 0 },
    });
    expect(body.data.defaultRoleId).toBe(author.id);
    expect(body.data.roles.map((role: { code: string }) => role.code).sort()).toEqual([
      'strapi-author',
      'strapi-editor',
      'strapi-super-admin',
    ]);
  });

  it('generates the endpoint id the first time provisioning is enabled, and keeps it afterwards', async () => {
    const enabled = await api.enable();
    expect(enabled.endpointId).toMatch(/^[0-9a-f-]{36}$/);
    expect(enabled.endpointUrl).toBe(`${app.baseUrl}/api/scim/v2/${enabled.endpointId}`);
    await api.call('PUT', '/scim/settings', { enabled: false });
    const again = await api.enable();
    expect(again.endpointId).toBe(enabled.endpointId);
  });

  it('regenerates the endpoint id on request', async () => {
    const before = (await api.call('GET', '/scim/settings')).body.data;
    const { status, body } = await api.call('POST', '/scim/settings/regenerate-endpoint');
    expect(status).toBe(200);
    expect(body.data.endpointId).not.toBe(before.endpointId);
    expect(body.data.endpointUrl).toContain(body.data.endpointId);
  });

  it('updates productionMode and defaultRoleId, and reads them back', async () => {
    const roles = (await api.call('GET', '/scim/settings')).body.data.roles;
    const editor = roles.find((role: { code: string }) => role.code === 'strapi-editor');
    const { status, body } = await api.call('PUT', '/scim/settings', {
      productionMode: true,
      defaultRoleId: editor.id,
    });
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ productionMode: true, defaultRoleId: editor.id });
    expect((await api.call('GET', '/scim/settings')).body.data).toMatchObject({
      productionMode: true,
      defaultRoleId: editor.id,
    });
  });

  it.each([
    [{ enabled: 'yes' }, 'enabled'],
    [{ defaultRoleId: 'x' }, 'defaultRoleId'],
    [{ defaultRoleId: 99999 }, 'defaultRoleId'],
    [{ endpointId: 'mine' }, 'endpointId'],
  ])('refuses %j with a 400 naming the field', async (payload, field) => {
    const { status, body } = await api.call('PUT', '/scim/settings', payload);
    expect(status).toBe(400);
    expect(body.error.message).toContain(field);
  });

  it('never makes the Super Admin role the default role', async () => {
    const roles = (await api.call('GET', '/scim/settings')).body.data.roles;
    const superAdmin = roles.find((role: { code: string }) => role.code === 'strapi-super-admin');
    const before = (await api.call('GET', '/scim/settings')).body.data.defaultRoleId;
    const { status, body } = await api.call('PUT', '/scim/settings', { defaultRoleId: superAdmin.id });
    expect(status).toBe(400);
    expect(body.error.message).toContain('defaultRoleId');
    expect((await api.call('GET', '/scim/settings')).body.data.defaultRoleId).toBe(before);
  });
});

describe('secrets', () => {
  it('creates a secret with 256 bits behind the scim_ prefix and returns the plaintext once', async () => {
    const { status, body } = await api.call('POST', '/scim/secrets', { label: 'Entra ID' });
    expect(status).toBe(201);
    expect(body.data.secret).toMatch(/^scim_[A-Za-z0-9_-]{43}$/);
    expect(body.data).toMatchObject({
      label: 'Entra ID',
      hint: body.data.secret.slice(-4),
      lastUsedAt: null,
      expiresAt: null,
      expired: false,
      revealable: true,
    });
    const listed = (await api.call('GET', '/scim/secrets')).body.data;
    const row = listed.find((secret: { id: number }) => secret.id === body.data.id);
    expect(row).toEqual({
      id: body.data.id,
      label: 'Entra ID',
      hint: body.data.hint,
      createdAt: body.data.createdAt,
      lastUsedAt: null,
      expiresAt: null,
      expired: false,
      revealable: true,
      quirksSeen: [],
    });
    expect(JSON.stringify(listed)).not.toContain(body.data.secret);
  });

  it('stores only a hash and an encrypted copy, never the plaintext', async () => {
    const created = await api.createSecret('stored');
    const row = await app.strapi.db.query('plugin::scim.secret').findOne({ where: { id: created.id } });
    expect(JSON.stringify(row)).not.toContain(created.secret);
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.encrypted).toMatch(/^v1:/);
  });

  it('reveals a secret again from its encrypted copy', async () => {
    const created = await api.createSecret();
    const { status, body } = await api.call('GET', `/scim/secrets/${created.id}/reveal`);
    expect(status).toBe(200);
    expect(body.data).toEqual({ id: created.id, secret: created.secret });
  });

  it('deletes a secret with 204 and 404 afterwards', async () => {
    const created = await api.createSecret();
    expect((await api.call('DELETE', `/scim/secrets/${created.id}`)).status).toBe(204);
    expect((await api.call('DELETE', `/scim/secrets/${created.id}`)).status).toBe(404);
    expect((await api.call('GET', `/scim/secrets/${created.id}/reveal`)).status).toBe(404);
  });

  it('refuses bad bodies and ids with 400', async () => {
    const tooLong = await api.call('POST', '/scim/secrets', { label: 'x'.repeat(121) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toContain('label');
    const unknown = await api.call('POST', '/scim/secrets', { secret: 'mine' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('secret');
    expect((await api.call('DELETE', '/scim/secrets/abc')).status).toBe(400);
  });
});

describe('access control', () => {
  /** Every route of the plugin's admin API, from its route file: a route added later is covered too. */
  const ROUTES: [string, string, unknown?][] = adminRoutes.routes.map((route) => [
    route.method,
    `/scim${route.path.replace(':id', '1')}`,
    ['PUT', 'POST'].includes(route.method) ? {} : undefined,
  ]);

  const createAdmin = async (email: string, roleId: number) => {
    await app.strapi.service('admin::user').create({
      email,
      firstname: email.split('@')[0],
      password: 'Low-Privilege-1',
      isActive: true,
      registrationToken: null,
      roles: [roleId],
    });
    return adminApi(app.baseUrl, await app.login(email, 'Low-Privilege-1'));
  };

  it('reads every admin route from the route file', () => {
    expect(ROUTES).toHaveLength(19);
  });

  it('refuses every admin route without an admin session', async () => {
    for (const [method, path] of ROUTES) {
      const response = await fetch(`${app.baseUrl}${path}`, { method });
      expect([method, path, response.status]).toEqual([method, path, 401]);
    }
  });

  it('refuses every admin route to an admin who has only the Author role', async () => {
    const author = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-author' } });
    const authorApi = await createAdmin('author@example.com', author.id);
    for (const [method, path, body] of ROUTES) {
      const { status } = await authorApi.call(method, path, body);
      expect([method, path, status]).toEqual([method, path, 403]);
    }
  });

  it('gives an admin with only "Settings: Read" the reads it allows and nothing else', async () => {
    const roles = app.strapi.service('admin::role');
    const reader = await roles.create({ name: 'SCIM reader', description: 'reads SCIM settings' });
    await roles.assignPermissions(reader.id, [{ action: ACTIONS.readSettings }]);
    const readerApi = await createAdmin('reader@example.com', reader.id);
    const before = (await api.call('GET', '/scim/settings')).body.data;
    for (const [method, path, body] of ROUTES) {
      const { status } = await readerApi.call(method, path, body);
      const allowed =
        (method === 'GET' &&
          (['/scim/settings', '/scim/groups', '/scim/setup-status', '/scim/invitations'].includes(path) ||
            path.startsWith('/scim/production-jobs/'))) ||
        (method === 'POST' && path === '/scim/settings/test-connection');
      // A job id that does not exist yet is a 404, not a refusal.
      const readStatus = path === '/scim/production-jobs/1' && status === 404 ? 200 : status;
      expect([method, path, readStatus]).toEqual([method, path, allowed ? 200 : 403]);
    }
    const after = (await api.call('GET', '/scim/settings')).body.data;
    expect(after).toEqual(before);
    // A registration link sets a password: only for an admin who could create that user in Strapi.
    expect((await readerApi.call('GET', '/scim/invitations')).body.data).toMatchObject({ linksShown: false });
  });
});
