import type { AdminApi } from './support/admin-api';
import { PATCH_OP, startProvisioningApp, type ProvisioningApp } from './support/provisioning-app';
import { stopTestApp, type TestApp } from './support/test-app';

/**
 * linkExistingUsers and updateLinkedUserEmail on, onDelete 'delete', and the Super Admin protections that hold
 * whatever the options.
 */
let app: TestApp;
let api: AdminApi;
let scim: ProvisioningApp['scim'];

const userBody = (userName: string, extra: Record<string, unknown> = {}) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName,
  emails: [{ value: userName, primary: true }],
  active: true,
  ...extra,
});
const adminUser = (email: string) => app.strapi.db.query('admin::user').findOne({ where: { email } });

beforeAll(async () => {
  ({ app, api, scim } = await startProvisioningApp({
    env: {
      SCIM_LINK_EXISTING_USERS: 'true',
      SCIM_UPDATE_LINKED_USER_EMAIL: 'true',
      SCIM_ON_DELETE: 'delete',
      SCIM_ALLOW_SUPER_ADMIN: 'true',
    },
  }));
});

afterAll(async () => {
  await stopTestApp(app);
});

it('links an existing admin user with the same email instead of creating one', async () => {
  const author = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-author' } });
  const existing = await app.strapi
    .service('admin::user')
    .create({ email: 'existing@example.com', firstname: 'Old', isActive: true, roles: [author.id] });
  const { status, body } = await scim('/Users', {
    method: 'POST',
    body: userBody('existing@example.com', { name: { givenName: 'New' } }),
  });
  expect(status).toBe(201);
  const row = await app.strapi.db.query('plugin::scim.scim-user').findOne({ where: { scimId: body.id } });
  expect(row.hostUserId).toBe(existing.id);
  expect(await adminUser('existing@example.com')).toMatchObject({ id: existing.id, firstname: 'New' });
  expect(await app.strapi.db.query('admin::user').count({ where: { email: 'existing@example.com' } })).toBe(1);
});

it('rewrites the email of a linked admin user when updateLinkedUserEmail is on', async () => {
  const author = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-author' } });
  const existing = await app.strapi
    .service('admin::user')
    .create({ email: 'linked.moves@example.com', firstname: 'Linked', isActive: true, roles: [author.id] });
  const { body } = await scim('/Users', { method: 'POST', body: userBody('linked.moves@example.com') });
  expect(await app.strapi.db.query('plugin::scim.scim-user').findOne({ where: { scimId: body.id } })).toMatchObject({
    hostUserId: existing.id,
    hostOrigin: 'linked',
  });
  const patched = await scim(`/Users/${body.id}`, {
    method: 'PATCH',
    body: {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', path: 'emails', value: [{ value: 'linked.moved@example.com', primary: true }] }],
    },
  });
  expect(patched.status).toBe(204);
  expect(await app.strapi.db.query('admin::user').findOne({ where: { id: existing.id } })).toMatchObject({
    email: 'linked.moved@example.com',
  });
});

it('deletes the admin user on DELETE when onDelete is "delete"', async () => {
  const { body } = await scim('/Users', { method: 'POST', body: userBody('deleted@example.com') });
  expect(await adminUser('deleted@example.com')).not.toBeNull();
  expect((await scim(`/Users/${body.id}`, { method: 'DELETE' })).status).toBe(204);
  expect(await adminUser('deleted@example.com')).toBeNull();
});

it('remembers nothing for a deleted user with an externalId: the same externalId later gets a new admin user', async () => {
  const { body } = await scim('/Users', {
    method: 'POST',
    body: userBody('gone.for.good@example.com', { externalId: 'okta-gone' }),
  });
  const first = await adminUser('gone.for.good@example.com');
  expect((await scim(`/Users/${body.id}`, { method: 'DELETE' })).status).toBe(204);
  expect(await app.strapi.db.query('plugin::scim.released-link').count({ where: { externalId: 'okta-gone' } })).toBe(0);
  const again = await scim('/Users', {
    method: 'POST',
    body: userBody('gone.for.good@example.com', { externalId: 'okta-gone' }),
  });
  expect(again.status).toBe(201);
  const second = await adminUser('gone.for.good@example.com');
  expect(second.id).not.toBe(first.id);
  expect(
    await app.strapi.db.query('plugin::scim.scim-user').findOne({ where: { scimId: again.body.id } }),
  ).toMatchObject({ hostUserId: second.id, hostOrigin: 'created' });
});

it('leaves no admin user behind when a PUT races the DELETE of its user (onDelete "delete")', async () => {
  for (let round = 0; round < 6; round++) {
    const email = `raced.delete.${round}@example.com`;
    const { body } = await scim('/Users', { method: 'POST', body: userBody(email) });
    const [put, removal] = await Promise.all([
      scim(`/Users/${body.id}`, { method: 'PUT', body: userBody(email, { name: { givenName: 'Raced' } }) }),
      scim(`/Users/${body.id}`, { method: 'DELETE' }),
    ]);
    expect([200, 404]).toContain(put.status);
    expect(removal.status).toBe(204);
    expect(await app.strapi.db.query('plugin::scim.scim-user').findOne({ where: { scimId: body.id } })).toBeNull();
    expect(await adminUser(email)).toBeNull();
  }
});

describe('a linked Super Admin', () => {
  let superAdminScimId: string;

  beforeAll(async () => {
    const { body } = await scim('/Users', { method: 'POST', body: userBody('admin@example.com') });
    superAdminScimId = body.id;
  });

  it('is never deactivated: 403, and both the SCIM user and the admin user stay as they were', async () => {
    const response = await scim(`/Users/${superAdminScimId}`, {
      method: 'PATCH',
      body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] },
    });
    expect(response.status).toBe(403);
    expect(response.body.detail).toMatch(/Super Admin/);
    expect(await adminUser('admin@example.com')).toMatchObject({ isActive: true });
    expect((await scim(`/Users/${superAdminScimId}`)).body.active).toBe(true);
  });

  it('keeps its roles through SCIM updates and group membership changes', async () => {
    const roles = async () =>
      (
        await app.strapi.db
          .query('admin::user')
          .findOne({ where: { email: 'admin@example.com' }, populate: { roles: { select: ['code'] } } })
      ).roles.map((role: { code: string }) => role.code);
    expect(await roles()).toEqual(['strapi-super-admin']);
    expect(
      (
        await scim(`/Users/${superAdminScimId}`, {
          method: 'PUT',
          body: userBody('admin@example.com', { name: { givenName: 'Still' } }),
        })
      ).status,
    ).toBe(200);
    const { body: group } = await scim('/Groups', {
      method: 'POST',
      body: {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
        displayName: 'Everyone',
        members: [{ value: superAdminScimId }],
      },
    });
    const editor = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } });
    expect(
      (await api.call('PUT', '/scim/settings', { groupRoleMappings: [{ groupId: group.id, roleId: editor.id }] }))
        .status,
    ).toBe(200);
    expect(await roles()).toEqual(['strapi-super-admin']);
  });

  it('is never deleted: 403, and the SCIM user is still there', async () => {
    const response = await scim(`/Users/${superAdminScimId}`, { method: 'DELETE' });
    expect(response.status).toBe(403);
    expect(await adminUser('admin@example.com')).toMatchObject({ isActive: true });
    expect((await scim(`/Users/${superAdminScimId}`)).status).toBe(200);
  });
});

it('with allowSuperAdmin, lets a group mapping hand out the Super Admin role', async () => {
  const { body: user } = await scim('/Users', { method: 'POST', body: userBody('promoted@example.com') });
  const { body: group } = await scim('/Groups', {
    method: 'POST',
    body: {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'Owners',
      members: [{ value: user.id }],
    },
  });
  const superAdmin = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-super-admin' } });
  const mapped = await api.call('PUT', '/scim/settings', {
    groupRoleMappings: [{ groupId: group.id, roleId: superAdmin.id }],
  });
  expect(mapped.status).toBe(200);
  const promoted = await app.strapi.db
    .query('admin::user')
    .findOne({ where: { email: 'promoted@example.com' }, populate: { roles: { select: ['code'] } } });
  expect(promoted.roles.map((role: { code: string }) => role.code)).toContain('strapi-super-admin');
  expect((await api.call('PUT', '/scim/settings', { defaultRoleId: superAdmin.id })).status).toBe(400);
});
