import type { AdminApi } from './support/admin-api';
import { PATCH_OP, startProvisioningApp, type ProvisioningApp } from './support/provisioning-app';
import { stopTestApp, type TestApp } from './support/test-app';

/** attributeMappings: SCIM attributes copied onto the playground's users-permissions `department` field. */
let app: TestApp;
let api: AdminApi;
let scim: ProvisioningApp['scim'];

const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const MAPPINGS = [{ path: `${ENTERPRISE}:department`, field: 'department' }];

const userBody = (userName: string, department?: string) => ({
  schemas: [USER_SCHEMA, ENTERPRISE],
  userName,
  emails: [{ value: `${userName}@example.com`, primary: true }],
  ...(department === undefined ? {} : { [ENTERPRISE]: { department } }),
});
const departmentOf = async (userName: string) =>
  (
    await app.strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ select: ['department'], where: { username: userName } })
  )?.department;

beforeAll(async () => {
  ({ app, api, scim } = await startProvisioningApp({
    testMode: true,
    env: { SCIM_TARGET: 'users-permissions', SCIM_ATTRIBUTE_MAPPINGS: JSON.stringify(MAPPINGS) },
  }));
});

afterAll(async () => {
  await stopTestApp(app);
});

it('shows the mappings in the settings', async () => {
  expect((await api.call('GET', '/scim/settings')).body.data.attributeMappings).toEqual(MAPPINGS);
});

it('applies the mapping when production mode is switched on, to users provisioned in test mode', async () => {
  expect((await scim('/Users', { method: 'POST', body: userBody('early', 'Finance') })).status).toBe(201);
  expect(await departmentOf('early')).toBeUndefined();
  expect((await api.call('PUT', '/scim/settings', { productionMode: true })).status).toBe(200);
  // Switching on answers at once; the users provisioned before are applied by the production job.
  expect(await api.settleProductionJob()).toMatchObject({ status: 'finished', applied: 1 });
  expect(await departmentOf('early')).toBe('Finance');
});

it('sets the field on create, PUT and PATCH, and clears it when the attribute is removed', async () => {
  const created = await scim('/Users', { method: 'POST', body: userBody('ann', 'Sales') });
  expect(created.status).toBe(201);
  expect(await departmentOf('ann')).toBe('Sales');

  const put = await scim(`/Users/${created.body.id}`, { method: 'PUT', body: userBody('ann', 'Marketing') });
  expect(put.status).toBe(200);
  expect(await departmentOf('ann')).toBe('Marketing');

  const patch = (Operations: unknown[]) =>
    scim(`/Users/${created.body.id}`, { method: 'PATCH', body: { schemas: [PATCH_OP], Operations } });
  // Entra ID sends the enterprise attributes URN-qualified.
  expect((await patch([{ op: 'Replace', path: `${ENTERPRISE}:department`, value: 'Legal' }])).status).toBe(204);
  expect(await departmentOf('ann')).toBe('Legal');
  expect((await patch([{ op: 'Remove', path: `${ENTERPRISE}:department` }])).status).toBe(204);
  expect(await departmentOf('ann')).toBeNull();
});

it('refuses a value longer than the field holds with a 400 naming both, and changes nothing', async () => {
  const refused = await scim('/Users', { method: 'POST', body: userBody('long', 'x'.repeat(300)) });
  expect(refused.status).toBe(400);
  expect(refused.body.detail).toContain('"department"');
  expect(await departmentOf('long')).toBeUndefined();
  expect((await scim('/Users?filter=userName eq "long"')).body.totalResults).toBe(0);
});
