import type { AdminApi } from './support/admin-api';
import { PATCH_OP, startProvisioningApp, type ProvisioningApp } from './support/provisioning-app';
import { stopTestApp, type TestApp } from './support/test-app';

/**
 * linkExistingUsers on, updateLinkedUserEmail off (its default), admin target: SCIM may link an admin user
 * it did not create, but never points its email (what "Forgot password" sends the reset link to) elsewhere.
 */
let app: TestApp;
let api: AdminApi;
let scim: ProvisioningApp['scim'];

const userBody = (userName: string, extra: Record<string, unknown> = {}) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName,
  emails: [{ value: userName, type: 'work', primary: true }],
  active: true,
  ...extra,
});
const adminById = (id: number) => app.strapi.db.query('admin::user').findOne({ where: { id } });
const scimRow = (scimId: string) => app.strapi.db.query('plugin::scim.scim-user').findOne({ where: { scimId } });
const existingAdmin = async (email: string) => {
  const editor = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } });
  return app.strapi
    .service('admin::user')
    .create({ email, firstname: 'Victim', lastname: 'Before', isActive: true, roles: [editor.id] });
};
const hostActionsOf = async (scimId: string): Promise<string[]> => {
  const { body } = await api.call('GET', '/scim/activity?pageSize=100');
  return body.data.results
    .filter((entry: { resourceId: string }) => entry.resourceId === scimId)
    .map((entry: { hostAction: string }) => entry.hostAction);
};

beforeAll(async () => {
  ({ app, api, scim } = await startProvisioningApp({ env: { SCIM_LINK_EXISTING_USERS: 'true' } }));
});

afterAll(async () => {
  await stopTestApp(app);
});

it('never rewrites the email of a linked admin user through PATCH, but still updates its names and says so', async () => {
  const victim = await existingAdmin('victim.patch@example.com');
  const { status, body } = await scim('/Users', { method: 'POST', body: userBody('victim.patch@example.com') });
  expect(status).toBe(201);
  expect(await scimRow(body.id)).toMatchObject({ hostUserId: victim.id, hostOrigin: 'linked' });

  const patched = await scim(`/Users/${body.id}`, {
    method: 'PATCH',
    body: {
      schemas: [PATCH_OP],
      Operations: [
        { op: 'replace', path: 'emails[type eq "work"].value', value: 'attacker@example.net' },
        { op: 'replace', path: 'name.givenName', value: 'Renamed' },
      ],
    },
  });
  expect(patched.status).toBe(204);
  // The SCIM resource takes the change; the Strapi user keeps the email its password reset goes to.
  expect((await scim(`/Users/${body.id}`)).body.emails[0].value).toBe('attacker@example.net');
  expect(await adminById(victim.id)).toMatchObject({ email: 'victim.patch@example.com', firstname: 'Renamed' });
  expect(await app.strapi.db.query('admin::user').count({ where: { email: 'attacker@example.net' } })).toBe(0);
  expect((await hostActionsOf(body.id))[0]).toMatch(
    /^updated admin user \d+ \(email left as victim\.patch@example\.com: SCIM linked this user/,
  );
});

it('never rewrites the email of a linked admin user through PUT', async () => {
  const victim = await existingAdmin('victim.put@example.com');
  const { body } = await scim('/Users', { method: 'POST', body: userBody('victim.put@example.com') });
  const put = await scim(`/Users/${body.id}`, {
    method: 'PUT',
    body: userBody('victim.put@example.com', {
      emails: [{ value: 'attacker.put@example.net', primary: true }],
      name: { givenName: 'Put', familyName: 'Name' },
    }),
  });
  expect(put.status).toBe(200);
  expect(await adminById(victim.id)).toMatchObject({
    email: 'victim.put@example.com',
    firstname: 'Put',
    lastname: 'Name',
  });
});

it('keeps the email of a linked admin user protected after it is released and taken back by externalId', async () => {
  const victim = await existingAdmin('victim.returning@example.com');
  const first = await scim('/Users', {
    method: 'POST',
    body: userBody('victim.returning@example.com', { externalId: 'ext-victim-returning' }),
  });
  expect((await scim(`/Users/${first.body.id}`, { method: 'DELETE' })).status).toBe(204);
  const released = await app.strapi.db
    .query('plugin::scim.released-link')
    .findOne({ where: { externalId: 'ext-victim-returning' } });
  expect(released).toMatchObject({ hostUserId: victim.id, hostOrigin: 'linked' });
  const again = await scim('/Users', {
    method: 'POST',
    body: userBody('victim.returning@example.com', {
      externalId: 'ext-victim-returning',
      emails: [{ value: 'attacker.back@example.net', primary: true }],
    }),
  });
  expect(again.status).toBe(201);
  expect(await scimRow(again.body.id)).toMatchObject({ hostUserId: victim.id, hostOrigin: 'linked' });
  expect(await adminById(victim.id)).toMatchObject({ email: 'victim.returning@example.com', isActive: true });
});

it('still rewrites the email of an admin user SCIM created itself', async () => {
  const { body } = await scim('/Users', { method: 'POST', body: userBody('created.here@example.com') });
  const row = await scimRow(body.id);
  expect(row).toMatchObject({ hostOrigin: 'created' });
  await scim(`/Users/${body.id}`, {
    method: 'PATCH',
    body: {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', path: 'emails[type eq "work"].value', value: 'moved.here@example.com' }],
    },
  });
  expect(await adminById(row.hostUserId)).toMatchObject({ email: 'moved.here@example.com' });
});
