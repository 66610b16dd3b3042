import type { AdminApi } from './support/admin-api';
import { PATCH_OP, startProvisioningApp, type ProvisioningApp } from './support/provisioning-app';
import { stopTestApp, type TestApp } from './support/test-app';

/** The users-permissions target: provisioned users become end users of the app (linked ones too, email and all). */
let app: TestApp;
let api: AdminApi;
let scim: ProvisioningApp['scim'];

const endUser = (email: string) =>
  app.strapi.db
    .query('plugin::users-permissions.user')
    .findOne({ where: { email }, populate: { role: { select: ['type'] } } });

beforeAll(async () => {
  ({ app, api, scim } = await startProvisioningApp({
    env: {
      SCIM_TARGET: 'users-permissions',
      SCIM_USERS_PERMISSIONS_PROVIDER: 'okta-sso',
      SCIM_LINK_EXISTING_USERS: 'true',
      SCIM_UPDATE_LINKED_USER_EMAIL: 'true',
    },
  }));
});

afterAll(async () => {
  await stopTestApp(app);
});

it('lists the users-permissions roles, Authenticated as the default', async () => {
  const { body } = await api.call('GET', '/scim/settings');
  const authenticated = body.data.roles.find((role: { code: string }) => role.code === 'authenticated');
  expect(body.data.defaultRoleId).toBe(authenticated.id);
  const publicRole = body.data.roles.find((role: { code: string }) => role.code === 'public');
  expect((await api.call('PUT', '/scim/settings', { defaultRoleId: publicRole.id })).status).toBe(400);
});

it('creates a confirmed end user with the default role, blocks and unblocks it with active', async () => {
  const body = {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName: 'reader',
    emails: [{ value: 'Reader@Example.com', primary: true }],
    active: true,
  };
  const created = await scim('/Users', { method: 'POST', body });
  expect(created.status).toBe(201);
  expect(await endUser('reader@example.com')).toMatchObject({
    username: 'reader',
    confirmed: true,
    blocked: false,
    provider: 'okta-sso',
    role: { type: 'authenticated' },
  });

  await scim(`/Users/${created.body.id}`, {
    method: 'PATCH',
    body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] },
  });
  expect(await endUser('reader@example.com')).toMatchObject({ blocked: true });
  await scim(`/Users/${created.body.id}`, {
    method: 'PATCH',
    body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: 'True' }] },
  });
  expect(await endUser('reader@example.com')).toMatchObject({ blocked: false });

  expect((await scim(`/Users/${created.body.id}`, { method: 'DELETE' })).status).toBe(204);
  expect(await endUser('reader@example.com')).toMatchObject({ blocked: true });
});

it('signs a blocked end user out at once: a token issued before is refused after', async () => {
  const body = {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName: 'signed.in.reader',
    emails: [{ value: 'signed.in.reader@example.com' }],
  };
  const created = await scim('/Users', { method: 'POST', body });
  const user = await endUser('signed.in.reader@example.com');
  await app.strapi
    .plugin('users-permissions')
    .service('user')
    .edit(user.id, { password: 'Reader-Password-1', provider: 'local' });
  const login = await fetch(`${app.baseUrl}/api/auth/local`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier: 'signed.in.reader@example.com', password: 'Reader-Password-1' }),
  });
  expect(login.status).toBe(200);
  const { jwt } = (await login.json()) as { jwt: string };
  const me = () => fetch(`${app.baseUrl}/api/users/me`, { headers: { authorization: `Bearer ${jwt}` } });
  expect((await me()).status).toBe(200);

  await scim(`/Users/${created.body.id}`, {
    method: 'PATCH',
    body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] },
  });
  expect([401, 403]).toContain((await me()).status);
});

it('rewrites the email and username of a linked end user when updateLinkedUserEmail is on', async () => {
  const authenticated = await app.strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'authenticated' } });
  const existing = await app.strapi.db.query('plugin::users-permissions.user').create({
    data: {
      username: 'linked.reader',
      email: 'linked.reader@example.com',
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: authenticated.id,
    },
  });
  const body = {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName: 'linked.reader',
    emails: [{ value: 'linked.reader@example.com', primary: true }],
  };
  const created = await scim('/Users', { method: 'POST', body });
  expect(created.status).toBe(201);
  expect(
    await app.strapi.db.query('plugin::scim.scim-user').findOne({ where: { scimId: created.body.id } }),
  ).toMatchObject({ hostUserId: existing.id, hostOrigin: 'linked' });
  const patched = await scim(`/Users/${created.body.id}`, {
    method: 'PATCH',
    body: {
      schemas: [PATCH_OP],
      Operations: [
        {
          op: 'replace',
          value: { userName: 'moved.reader', emails: [{ value: 'moved.reader@example.com', primary: true }] },
        },
      ],
    },
  });
  expect(patched.status).toBe(204);
  expect(await endUser('moved.reader@example.com')).toMatchObject({
    id: existing.id,
    username: 'moved.reader',
    provider: 'okta-sso',
  });
});

it('gives up_users an index on email, declared by the plugin on the users-permissions user model', async () => {
  const { schemaInspector } = app.strapi.db.dialect as unknown as {
    schemaInspector: { getIndexes(table: string): Promise<{ name: string; columns: string[] }[]> };
  };
  const indexes = await schemaInspector.getIndexes('up_users');
  expect(indexes.filter((index) => index.columns.join() === 'email').map((index) => index.name)).toEqual([
    'up_users_scim_email_idx',
  ]);
  // The admin target's index is not declared with this target.
  expect((await schemaInspector.getIndexes('admin_users')).map((index) => index.name)).not.toContain(
    'admin_users_scim_email_idx',
  );
});
