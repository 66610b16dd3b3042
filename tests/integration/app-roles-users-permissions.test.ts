import type { AdminApi } from './support/admin-api';
import { PATCH_OP, startProvisioningApp, type ProvisioningApp } from './support/provisioning-app';
import { stopTestApp, type TestApp } from './support/test-app';

/** The single-role target takes the highest priority: an app role's role, then a group's, then the default. */
let app: TestApp;
let api: AdminApi;
let scim: ProvisioningApp['scim'];

const roleTypeOf = async (username: string) =>
  (
    await app.strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { username }, populate: { role: { select: ['type'] } } })
  )?.role?.type;
const createRole = (name: string) =>
  app.strapi.db
    .query('plugin::users-permissions.role')
    .create({ data: { name, type: name.toLowerCase(), description: name } }) as Promise<{ id: number }>;

beforeAll(async () => {
  ({ app, api, scim } = await startProvisioningApp({ env: { SCIM_TARGET: 'users-permissions' } }));
});

afterAll(async () => {
  await stopTestApp(app);
});

it('gives the app role before the group role, falls back to the group role, and never gives Public', async () => {
  const editor = await createRole('Editor');
  const staff = await createRole('Staff');
  const user = await scim('/Users', {
    method: 'POST',
    body: {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'ann',
      emails: [{ value: 'ann@example.com', primary: true }],
      roles: [{ value: 'Editor', primary: true }],
    },
  });
  expect(user.status).toBe(201);
  const group = await scim('/Groups', {
    method: 'POST',
    body: {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'Staff',
      members: [{ value: user.body.id }],
    },
  });
  expect(group.status).toBe(201);
  const saved = await api.call('PUT', '/scim/settings', {
    appRoleMatch: 'name',
    groupRoleMappings: [{ groupId: group.body.id, roleId: staff.id }],
  });
  expect(saved.status).toBe(200);
  expect(await roleTypeOf('ann')).toBe('editor');

  const patch = (Operations: unknown[]) =>
    scim(`/Users/${user.body.id}`, { method: 'PATCH', body: { schemas: [PATCH_OP], Operations } });
  expect((await patch([{ op: 'Replace', path: 'roles', value: [{ value: 'Public', primary: true }] }])).status).toBe(
    204,
  );
  expect(await roleTypeOf('ann')).toBe('staff');
  expect(editor.id).not.toBe(staff.id);
});
