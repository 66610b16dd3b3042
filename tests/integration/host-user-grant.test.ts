import { ACTIONS } from '../../server/src/constants';
import { adminApi, scimRequest } from './support/admin-api';
import type { JsonBody } from './support/json-body';
import { startTestApp, stopTestApp, type TestApp } from './support/test-app';

/**
 * Who may change what SCIM hands out: only an admin who could create admin users with a role in Strapi itself
 * (`admin::users.create`). An admin with every plugin permission but that one can look, disable, switch to test
 * mode and delete secrets, but not give SCIM more power.
 */
let app: TestApp;
let superAdmin: ReturnType<typeof adminApi>;
let operator: ReturnType<typeof adminApi>;
let manager: ReturnType<typeof adminApi>;
let roles: Record<string, number>;
let groupId: string;

const PLUGIN_PERMISSIONS = [ACTIONS.readSettings, ACTIONS.updateSettings, ACTIONS.manageSecrets, ACTIONS.readActivity];

const createAdminWithRole = async (email: string, roleName: string, actions: string[]) => {
  const roleService = app.strapi.service('admin::role');
  const role = await roleService.create({ name: roleName, description: `${roleName} (test)` });
  await roleService.assignPermissions(
    role.id,
    actions.map((action) => ({ action })),
  );
  await app.strapi.service('admin::user').create({
    email,
    firstname: roleName,
    password: 'Restricted-Admin-1',
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
  return adminApi(app.baseUrl, await app.login(email, 'Restricted-Admin-1'));
};

const settingsNow = async () => (await superAdmin.call('GET', '/scim/settings')).body.data;
const secretCount = () => app.strapi.db.query('plugin::scim.secret').count();

const expectRefusedForMissingUsersCreate = (response: { status: number; body: JsonBody }) => {
  expect(response.status).toBe(403);
  expect(response.body.data).toBeNull();
  expect(response.body.error).toMatchObject({
    status: 403,
    name: 'PolicyError',
    details: { missingPermission: { action: 'admin::users.create' } },
  });
  expect(response.body.error.message).toContain('"admin::users.create"');
};

beforeAll(async () => {
  app = await startTestApp();
  superAdmin = adminApi(app.baseUrl, await app.login());
  operator = await createAdminWithRole('operator@example.com', 'SCIM operator', PLUGIN_PERMISSIONS);
  manager = await createAdminWithRole('manager@example.com', 'SCIM user manager', [
    ...PLUGIN_PERMISSIONS,
    'admin::users.create',
  ]);
  const settings = await superAdmin.enable();
  roles = Object.fromEntries(settings.roles.map((role) => [role.code, role.id]));
  const secret = (await superAdmin.createSecret('setup')).secret;
  const group = await scimRequest(`${settings.endpointUrl}/Groups`, {
    method: 'POST',
    secret,
    body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Managers' },
  });
  groupId = group.body.id;
});

afterAll(async () => {
  await stopTestApp(app);
});

it('tells each admin whether they may change what SCIM hands out, and which permission decides', async () => {
  for (const [api, allowed] of [
    [operator, false],
    [manager, true],
    [superAdmin, true],
  ] as const) {
    const { body } = await api.call('GET', '/scim/settings');
    expect(body.data.hostUserGrant).toEqual({
      allowed,
      permission: 'admin::users.create',
      permissionLabel: 'Users: Create',
    });
  }
});

it('refuses an admin without admin::users.create every change that hands out users, with a 403 naming the permission, and changes nothing', async () => {
  await superAdmin.call('PUT', '/scim/settings', { enabled: false });
  const before = await settingsNow();
  const secretsBefore = await secretCount();
  const revealable = (await superAdmin.createSecret('to reveal')).id;

  const refused: [string, string, unknown?][] = [
    ['PUT', '/scim/settings', { defaultRoleId: roles['strapi-editor'] }],
    ['PUT', '/scim/settings', { groupRoleMappings: [{ groupId, roleId: roles['strapi-editor'] }] }],
    ['PUT', '/scim/settings', { productionMode: true }],
    ['PUT', '/scim/settings', { enabled: true, productionMode: true }],
    ['POST', '/scim/secrets', { label: 'mine' }],
    ['GET', `/scim/secrets/${revealable}/reveal`],
    ['POST', `/scim/secrets/${revealable}/rotate`, { graceHours: 24 }],
  ];
  for (const [method, path, body] of refused) {
    const response = await operator.call(method, path, body);
    expect([method, path, body, response.status]).toEqual([method, path, body, 403]);
    expectRefusedForMissingUsersCreate(response);
  }
  expect(await settingsNow()).toEqual(before);
  expect(await secretCount()).toBe(secretsBefore + 1);
});

it('refuses an admin without admin::users.create to enable provisioning in production mode', async () => {
  await superAdmin.call('PUT', '/scim/settings', { productionMode: true, enabled: false });
  const response = await operator.call('PUT', '/scim/settings', { enabled: true });
  expectRefusedForMissingUsersCreate(response);
  expect((await settingsNow()).enabled).toBe(false);
  await superAdmin.call('PUT', '/scim/settings', { productionMode: false, enabled: true });
});

it('lets an admin without admin::users.create do what hands out nothing: disable, test mode, unchanged values, regenerate, list and delete secrets', async () => {
  await superAdmin.call('PUT', '/scim/settings', { productionMode: true, enabled: true });
  const current = await settingsNow();
  const unchanged = await operator.call('PUT', '/scim/settings', {
    defaultRoleId: current.defaultRoleId,
    groupRoleMappings: current.groupRoleMappings,
    productionMode: true,
    enabled: true,
  });
  expect(unchanged.status).toBe(200);
  expect((await operator.call('PUT', '/scim/settings', { productionMode: false })).status).toBe(200);
  expect((await operator.call('PUT', '/scim/settings', { enabled: false })).status).toBe(200);
  expect((await operator.call('PUT', '/scim/settings', { enabled: true })).status).toBe(200);
  expect((await operator.call('POST', '/scim/settings/regenerate-endpoint')).status).toBe(200);
  const listed = await operator.call('GET', '/scim/secrets');
  expect(listed.status).toBe(200);
  const victim = await superAdmin.createSecret('to delete');
  expect((await operator.call('DELETE', `/scim/secrets/${victim.id}`)).status).toBe(204);
});

it.each([
  ['an admin with admin::users.create', () => manager],
  ['a Super Admin', () => superAdmin],
])('lets %s make each of those changes', async (_who, getApi) => {
  const api = getApi();
  await superAdmin.call('PUT', '/scim/settings', {
    enabled: false,
    productionMode: false,
    defaultRoleId: roles['strapi-author'],
    groupRoleMappings: [],
  });
  for (const body of [
    { defaultRoleId: roles['strapi-editor'] },
    { groupRoleMappings: [{ groupId, roleId: roles['strapi-editor'] }] },
    { productionMode: true },
    { enabled: true },
  ]) {
    const response = await api.call('PUT', '/scim/settings', body);
    expect([body, response.status]).toEqual([body, 200]);
  }
  expect(await settingsNow()).toMatchObject({
    enabled: true,
    productionMode: true,
    defaultRoleId: roles['strapi-editor'],
    groupRoleMappings: [{ groupId, roleId: roles['strapi-editor'] }],
  });
  const created = await api.call('POST', '/scim/secrets', { label: 'allowed' });
  expect(created.status).toBe(201);
  const revealed = await api.call('GET', `/scim/secrets/${created.body.data.id}/reveal`);
  expect(revealed.status).toBe(200);
  expect(revealed.body.data.secret).toBe(created.body.data.secret);
});
