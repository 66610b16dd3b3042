import adminRoutes from '../../server/src/routes/admin';
import { scimRequest, type AdminApi } from './support/admin-api';
import { PATCH_OP, startProvisioningApp, type ProvisioningApp } from './support/provisioning-app';
import { SUPER_ADMIN, stopTestApp, type TestApp } from './support/test-app';

/** What a SCIM secret can reach, and what it can do to Super Admins (linkExistingUsers on, production mode). */
let app: TestApp;
let api: AdminApi;
let scim: ProvisioningApp['scim'];
let endpoint: string;
let secret: string;
let roleIds: Record<string, number>;

const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
const userBody = (userName: string, extra: Record<string, unknown> = {}) => ({
  schemas: [USER_SCHEMA],
  userName,
  emails: [{ value: userName, primary: true }],
  active: true,
  ...extra,
});
const patch = (operations: unknown[]) => ({ schemas: [PATCH_OP], Operations: operations });
const adminUser = (where: Record<string, unknown>) =>
  app.strapi.db.query('admin::user').findOne({ where, populate: { roles: { select: ['code'] } } });
const roleCodes = async (email: string) =>
  ((await adminUser({ email }))?.roles ?? []).map((role: { code: string }) => role.code).sort();

beforeAll(async () => {
  ({ app, api, scim, roleIds, endpoint, secret } = await startProvisioningApp({
    env: { SCIM_LINK_EXISTING_USERS: 'true' },
    secretLabel: 'privilege',
  }));
});

afterAll(async () => {
  await stopTestApp(app);
});

describe('a SCIM secret reaches nothing outside the SCIM endpoint', () => {
  const pluginAdminRoutes = adminRoutes.routes.map(
    (route) => [route.method, `/scim${route.path.replace(':id', '1')}`] as const,
  );
  const strapiRoutes = [
    ['GET', '/admin/users/me'],
    ['GET', '/admin/users'],
    ['POST', '/admin/users'],
    ['PUT', '/admin/users/1'],
    ['POST', '/admin/users/batch-delete'],
    ['GET', '/admin/roles'],
    ['GET', '/admin/api-tokens'],
    ['GET', '/api/users'],
    ['GET', '/api/users/me'],
    ['GET', '/api/users-permissions/roles'],
  ] as const;

  it.each([...pluginAdminRoutes, ...strapiRoutes])(
    'refuses %s %s with the secret as a bearer token',
    async (method, path) => {
      const body =
        method === 'GET'
          ? undefined
          : JSON.stringify({
              email: 'intruder@example.com',
              firstname: 'In',
              roles: [roleIds['strapi-super-admin']],
              isActive: false,
              ids: [1],
            });
      const response = await fetch(`${app.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body,
      });
      expect([401, 403]).toContain(response.status);
      expect(await response.text()).not.toContain(SUPER_ADMIN.email);
    },
  );

  it('changed nothing through those routes: no new admin, the Super Admin active and unchanged', async () => {
    expect(await app.strapi.db.query('admin::user').count()).toBe(1);
    expect(await adminUser({ email: SUPER_ADMIN.email })).toMatchObject({
      isActive: true,
      roles: [{ code: 'strapi-super-admin' }],
    });
  });

  it('is refused on another endpoint id and outside any endpoint id', async () => {
    const other = endpoint.replace(/[0-9a-f-]{36}$/, '00000000-0000-4000-8000-000000000000');
    expect((await scimRequest(`${other}/Users`, { secret })).status).toBe(404);
    expect((await scimRequest(endpoint.replace(/\/[0-9a-f-]{36}$/, '/Users'), { secret })).status).toBe(404);
  });
});

describe('a SCIM secret cannot create, change, deactivate, delete or lock out a Super Admin', () => {
  let linkedId: string;

  it('links the Super Admin by email but leaves the Strapi user as it is', async () => {
    const before = await adminUser({ email: SUPER_ADMIN.email });
    const { status, body } = await scim('/Users', {
      method: 'POST',
      body: userBody(SUPER_ADMIN.email, { name: { givenName: 'Mallory', familyName: 'Intruder' } }),
    });
    expect(status).toBe(201);
    linkedId = body.id;
    expect(await adminUser({ id: before.id })).toEqual(before);
    const [entry] = await app.strapi.db
      .query('plugin::scim.activity-entry')
      .findMany({ where: { resourceId: linkedId, operation: 'create' } });
    expect(entry.hostAction).toMatch(
      /^linked admin user \d+ \(a Super Admin: SCIM leaves its email, names, status and roles as they are\)$/,
    );
  });

  it('does not apply a PUT or PATCH that changes its email, names or password, and it can still sign in', async () => {
    const before = await adminUser({ email: SUPER_ADMIN.email });
    const put = await scim(`/Users/${linkedId}`, {
      method: 'PUT',
      body: userBody('attacker@example.com', { name: { givenName: 'Mallory' }, password: 'Attacker-Chosen-1' }),
    });
    expect(put.status).toBe(200);
    const patched = await scim(`/Users/${linkedId}`, {
      method: 'PATCH',
      body: patch([
        { op: 'replace', path: 'emails', value: [{ value: 'takeover@example.com', primary: true }] },
        { op: 'replace', path: 'name.familyName', value: 'Owned' },
      ]),
    });
    expect(patched.status).toBe(204);
    expect(await adminUser({ id: before.id })).toEqual(before);
    expect(await adminUser({ email: 'attacker@example.com' })).toBeNull();
    expect(await adminUser({ email: 'takeover@example.com' })).toBeNull();
    await expect(app.login()).resolves.toEqual(expect.any(String));
  });

  it('refuses to deactivate or delete it with 403, and leaves it active', async () => {
    for (const [method, body] of [
      ['PATCH', patch([{ op: 'replace', value: { active: false } }])],
      ['PUT', userBody(SUPER_ADMIN.email, { active: false })],
      ['DELETE', undefined],
    ] as const) {
      const response = await scim(`/Users/${linkedId}`, { method, body });
      expect([method, response.status]).toEqual([method, 403]);
      expect(response.body.detail).toMatch(/Super Admin/);
    }
    expect(await adminUser({ email: SUPER_ADMIN.email })).toMatchObject({ isActive: true });
    expect((await scim(`/Users/${linkedId}`)).status).toBe(200);
    await expect(app.login()).resolves.toEqual(expect.any(String));
  });

  it('lets no second provisioned user take its email', async () => {
    const response = await scim('/Users', {
      method: 'POST',
      body: userBody('second-claim', { emails: [{ value: SUPER_ADMIN.email, primary: true }] }),
    });
    expect(response.status).toBe(409);
    const existing = (await scim('/Users', { method: 'POST', body: userBody('renamer@example.com') })).body;
    const renamed = await scim(`/Users/${existing.id}`, {
      method: 'PATCH',
      body: patch([{ op: 'replace', path: 'emails', value: [{ value: SUPER_ADMIN.email }] }]),
    });
    expect(renamed.status).toBe(409);
    expect(await app.strapi.db.query('admin::user').count({ where: { email: SUPER_ADMIN.email } })).toBe(1);
  });

  it('keeps the Super Admin role out of reach: a mapping stored while allowSuperAdmin was on hands it to nobody', async () => {
    const member = (await scim('/Users', { method: 'POST', body: userBody('member@example.com') })).body;
    const group = (
      await scim('/Groups', {
        method: 'POST',
        body: {
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
          displayName: 'Owners',
          members: [{ value: member.id }],
        },
      })
    ).body;
    const refused = await api.call('PUT', '/scim/settings', {
      groupRoleMappings: [{ groupId: group.id, roleId: roleIds['strapi-super-admin'] }],
    });
    expect(refused.status).toBe(400);

    // As if an administrator had saved it while the app ran with allowSuperAdmin: true.
    const store = { type: 'plugin', name: 'scim', key: 'settings' } as const;
    const stored = (await app.strapi.store.get(store)) as Record<string, unknown>;
    await app.strapi.store.set({
      ...store,
      value: { ...stored, groupRoleMappings: [{ groupId: group.id, roleId: roleIds['strapi-super-admin'] }] },
    });

    const newcomer = (await scim('/Users', { method: 'POST', body: userBody('newcomer@example.com') })).body;
    expect(
      (
        await scim(`/Groups/${group.id}`, {
          method: 'PATCH',
          body: patch([{ op: 'add', path: 'members', value: [{ value: newcomer.id }] }]),
        })
      ).status,
    ).toBe(204);
    expect(await roleCodes('newcomer@example.com')).toEqual(['strapi-author']);
    expect((await api.call('PUT', '/scim/settings', { defaultRoleId: roleIds['strapi-editor'] })).status).toBe(200);
    expect(await roleCodes('member@example.com')).toEqual(['strapi-editor']);
    expect(await roleCodes('newcomer@example.com')).toEqual(['strapi-editor']);
    const superAdmins = await app.strapi.db
      .query('admin::user')
      .count({ where: { roles: { code: 'strapi-super-admin' } } });
    expect(superAdmins).toBe(1);
  });
});

// Last in this file: it leaves 127.0.0.1 throttled for a minute (for refused requests).
describe('without server.proxy, the client address is the socket address', () => {
  it('ignores X-Forwarded-For: stepping through forwarded addresses does not escape the default throttle of 20', async () => {
    // Refusals are counted per calendar minute: wait out an ending one so that the 20 fall in one.
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 8_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
    const failures = [];
    for (let i = 1; i <= 20; i += 1) {
      failures.push(
        (
          await scim('/Users', {
            authorization: 'Bearer scim_wrong',
            headers: { 'x-forwarded-for': `192.0.2.${i}` },
          })
        ).status,
      );
    }
    expect(failures).toEqual(Array(20).fill(401));
    const throttled = await scim('/Users', {
      authorization: 'Bearer scim_wrong',
      headers: { 'x-forwarded-for': '192.0.2.99' },
    });
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    // The secret is checked first: the valid one is still served from the throttled address.
    expect((await scim('/Users', { headers: { 'x-forwarded-for': '192.0.2.99' } })).status).toBe(200);
  });
});
