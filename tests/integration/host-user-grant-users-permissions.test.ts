import { ACTIONS } from '../../server/src/constants';
import { adminApi } from './support/admin-api';
import { startTestApp, stopTestApp, type TestApp } from './support/test-app';

/**
 * With the users-permissions target, the Strapi permission that creates users with a role is the Content
 * Manager's create on plugin::users-permissions.user, including its role field.
 */
let app: TestApp;
let superAdmin: ReturnType<typeof adminApi>;

const CREATE = 'plugin::content-manager.explorer.create';
const USER_UID = 'plugin::users-permissions.user';
const PLUGIN_PERMISSIONS = [ACTIONS.readSettings, ACTIONS.updateSettings, ACTIONS.manageSecrets].map((action) => ({
  action,
}));

const adminWith = async (email: string, permissions: { action: string; subject?: string; properties?: object }[]) => {
  const roleService = app.strapi.service('admin::role');
  const role = await roleService.create({ name: email, description: 'test role' });
  await roleService.assignPermissions(role.id, permissions);
  await app.strapi.service('admin::user').create({
    email,
    firstname: 'Test',
    password: 'Restricted-Admin-1',
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
  return adminApi(app.baseUrl, await app.login(email, 'Restricted-Admin-1'));
};

beforeAll(async () => {
  app = await startTestApp({ env: { SCIM_TARGET: 'users-permissions' } });
  superAdmin = adminApi(app.baseUrl, await app.login());
});

afterAll(async () => {
  await stopTestApp(app);
});

it('refuses production mode and a secret to an admin without the Content Manager create permission on users-permissions users, naming it', async () => {
  const api = await adminWith('no-create@example.com', PLUGIN_PERMISSIONS);
  const before = (await superAdmin.call('GET', '/scim/settings')).body.data;
  const response = await api.call('PUT', '/scim/settings', { productionMode: true });
  expect(response.status).toBe(403);
  expect(response.body.error.details).toEqual({
    missingPermission: { action: CREATE, subject: USER_UID, field: 'role' },
  });
  expect(response.body.error.message).toContain(`"${CREATE}" permission on ${USER_UID}`);
  expect((await api.call('POST', '/scim/secrets', {})).status).toBe(403);
  expect((await superAdmin.call('GET', '/scim/settings')).body.data).toEqual(before);
});

it('refuses it too when the create permission leaves out the role field', async () => {
  const api = await adminWith('no-role-field@example.com', [
    ...PLUGIN_PERMISSIONS,
    { action: CREATE, subject: USER_UID, properties: { fields: ['username', 'email', 'password'] } },
  ]);
  expect((await api.call('GET', '/scim/settings')).body.data.hostUserGrant.allowed).toBe(false);
  expect((await api.call('PUT', '/scim/settings', { productionMode: true })).status).toBe(403);
});

it('lets an admin who may create users-permissions users with their role change what SCIM hands out', async () => {
  const api = await adminWith('creator@example.com', [
    ...PLUGIN_PERMISSIONS,
    { action: CREATE, subject: USER_UID, properties: { fields: ['username', 'email', 'password', 'role'] } },
  ]);
  expect((await api.call('GET', '/scim/settings')).body.data.hostUserGrant).toMatchObject({
    allowed: true,
    permission: CREATE,
  });
  const response = await api.call('PUT', '/scim/settings', { productionMode: true });
  expect(response.status).toBe(200);
  expect((await api.call('POST', '/scim/secrets', {})).status).toBe(201);
});
