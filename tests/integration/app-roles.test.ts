import type { AdminApi } from './support/admin-api';
import { PATCH_OP, startProvisioningApp, type ProvisioningApp } from './support/provisioning-app';
import { stopTestApp, type TestApp } from './support/test-app';

/** Entra ID app roles (the User's `roles`) mapped onto admin roles in production mode. */
let app: TestApp;
let api: AdminApi;
let scim: ProvisioningApp['scim'];
let roles: Record<string, number>;

const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
/** As Entra ID sends an app role assignment with AppRoleAssignmentsComplex. */
const appRole = (value: string, index = 0) => ({
  primary: index === 0,
  type: 'WindowsAzureActiveDirectoryRole',
  display: value,
  value,
});
const createUser = async (userName: string, appRoles: string[]) => {
  const response = await scim('/Users', {
    method: 'POST',
    body: { schemas: [USER_SCHEMA], userName, roles: appRoles.map((value, index) => appRole(value, index)) },
  });
  expect(response.status).toBe(201);
  return response.body as { id: string };
};
const patchUser = (id: string, Operations: unknown[]) =>
  scim(`/Users/${id}`, { method: 'PATCH', body: { schemas: [PATCH_OP], Operations } });
const rolesOf = async (email: string) => {
  const user = await app.strapi.db
    .query('admin::user')
    .findOne({ where: { email }, populate: { roles: { select: ['code'] } } });
  return user.roles.map((role: { code: string }) => role.code).sort();
};
const setSettings = async (body: Record<string, unknown>) => {
  const response = await api.call('PUT', '/scim/settings', body);
  expect(response.status).toBe(200);
  return response.body.data;
};

beforeAll(async () => {
  ({ app, api, scim, roleIds: roles } = await startProvisioningApp());
});

afterAll(async () => {
  await stopTestApp(app);
});

it('hands out nothing for app roles until a match is chosen', async () => {
  expect((await api.call('GET', '/scim/settings')).body.data).toMatchObject({
    appRoleMatch: 'off',
    appRoleMappings: [],
  });
  await createUser('off@example.com', ['Editor']);
  expect(await rolesOf('off@example.com')).toEqual(['strapi-author']);
});

it('makes a user created with the app role "Editor" a Strapi Editor by role name, and a PATCH takes it away', async () => {
  await setSettings({ appRoleMatch: 'name' });
  const ann = await createUser('ann@example.com', ['Editor']);
  expect(await rolesOf('ann@example.com')).toEqual(['strapi-author', 'strapi-editor']);

  // Entra ID removes an app role assignment with a value filter on roles.
  const removed = await patchUser(ann.id, [{ op: 'Remove', path: 'roles[value eq "Editor"]' }]);
  expect(removed.status).toBe(204);
  expect(await rolesOf('ann@example.com')).toEqual(['strapi-author']);

  const added = await patchUser(ann.id, [{ op: 'Add', path: 'roles', value: [appRole('editor')] }]);
  expect(added.status).toBe(204);
  expect(await rolesOf('ann@example.com')).toEqual(['strapi-author', 'strapi-editor']);

  // SingleAppRoleAssignment mapped to roles[primary eq "True"].value: Entra ID replaces the primary role's value.
  const replaced = await patchUser(ann.id, [
    { op: 'Replace', path: 'roles[primary eq "True"].value', value: 'Author' },
  ]);
  expect(replaced.status).toBe(204);
  expect(await rolesOf('ann@example.com')).toEqual(['strapi-author']);

  const [entry] = await app.strapi.db.query('plugin::scim.activity-entry').findMany({
    where: { resourceType: 'User', operation: 'patch', resourceId: ann.id },
    orderBy: { id: 'desc' },
  });
  expect(entry).toMatchObject({ outcome: 'success', mode: 'production', changes: ['roles'] });
});

it('maps by role code and by the table, and recomputes applied users when the mapping changes', async () => {
  await setSettings({ appRoleMatch: 'code' });
  await createUser('code@example.com', ['strapi-editor']);
  expect(await rolesOf('code@example.com')).toEqual(['strapi-author', 'strapi-editor']);

  await createUser('table@example.com', ['Content.Writer']);
  expect(await rolesOf('table@example.com')).toEqual(['strapi-author']);
  const saved = await setSettings({
    appRoleMatch: 'table',
    appRoleMappings: [{ value: 'Content.Writer', roleId: roles['strapi-editor'] }],
  });
  expect(saved.appRoleMappings).toEqual([{ value: 'Content.Writer', roleId: roles['strapi-editor'] }]);
  expect(await rolesOf('table@example.com')).toEqual(['strapi-author', 'strapi-editor']);
  // The table alone counts now: the role code no longer matches.
  expect(await rolesOf('code@example.com')).toEqual(['strapi-author']);

  const entries = await app.strapi.db
    .query('plugin::scim.activity-entry')
    .findMany({ where: { resourceType: 'Settings', operation: 'update' }, orderBy: { id: 'desc' }, limit: 1 });
  expect(entries[0].changes).toEqual(['appRoleMatch', 'appRoleMappings']);
});

it('never hands out the Super Admin role through an app role', async () => {
  await setSettings({ appRoleMatch: 'name', appRoleMappings: [] });
  await createUser('boss@example.com', ['Super Admin', 'Editor']);
  expect(await rolesOf('boss@example.com')).toEqual(['strapi-author', 'strapi-editor']);

  const refused = await api.call('PUT', '/scim/settings', {
    appRoleMappings: [{ value: 'Admin', roleId: roles['strapi-super-admin'] }],
  });
  expect(refused.status).toBe(400);
  expect(refused.body.error.message).toContain('appRoleMappings.0.roleId');
  const blank = await api.call('PUT', '/scim/settings', { appRoleMappings: [{ value: ' ', roleId: 1 }] });
  expect(blank.status).toBe(400);
});
