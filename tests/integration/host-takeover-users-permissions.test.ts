import type { AdminApi } from './support/admin-api';
import { PATCH_OP, startProvisioningApp, type ProvisioningApp } from './support/provisioning-app';
import { stopTestApp, type TestApp } from './support/test-app';

/**
 * The users-permissions target with linkExistingUsers on and updateLinkedUserEmail off: a linked end user keeps
 * what its login and "Forgot password" key on (email, username, provider); released users come back only
 * while untouched.
 */
let app: TestApp;
let api: AdminApi;
let scim: ProvisioningApp['scim'];

const USER_UID = 'plugin::users-permissions.user';
const userBody = (userName: string, email: string, extra: Record<string, unknown> = {}) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName,
  emails: [{ value: email, type: 'work', primary: true }],
  active: true,
  ...extra,
});
const endUserById = (id: number) =>
  app.strapi.db.query(USER_UID).findOne({ where: { id }, populate: { role: { select: ['type'] } } });
const scimRow = (scimId: string) => app.strapi.db.query('plugin::scim.scim-user').findOne({ where: { scimId } });
const register = async (username: string, email: string, password: string): Promise<number> => {
  const response = await fetch(`${app.baseUrl}/api/auth/local/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, email, password }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { user: { id: number } }).user.id;
};
const signIn = (identifier: string, password: string) =>
  fetch(`${app.baseUrl}/api/auth/local`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier, password }),
  });

beforeAll(async () => {
  ({ app, api, scim } = await startProvisioningApp({
    env: {
      SCIM_TARGET: 'users-permissions',
      SCIM_LINK_EXISTING_USERS: 'true',
      SCIM_USERS_PERMISSIONS_PROVIDER: 'okta-sso',
    },
  }));
});

afterAll(async () => {
  await stopTestApp(app);
});

it('never rewrites the email, username or provider of a linked end user, and says so', async () => {
  const id = await register('victim', 'victim@example.com', 'Victim-Password-1');
  const { status, body } = await scim('/Users', {
    method: 'POST',
    body: userBody('victim.scim', 'victim@example.com'),
  });
  expect(status).toBe(201);
  expect(await scimRow(body.id)).toMatchObject({ hostUserId: id, hostOrigin: 'linked' });
  expect(await endUserById(id)).toMatchObject({ username: 'victim', email: 'victim@example.com', provider: 'local' });

  const patched = await scim(`/Users/${body.id}`, {
    method: 'PATCH',
    body: {
      schemas: [PATCH_OP],
      Operations: [
        { op: 'replace', path: 'userName', value: 'attacker' },
        { op: 'replace', path: 'emails[type eq "work"].value', value: 'attacker@example.net' },
      ],
    },
  });
  expect(patched.status).toBe(204);
  expect((await scim(`/Users/${body.id}`)).body).toMatchObject({
    userName: 'attacker',
    emails: [expect.objectContaining({ value: 'attacker@example.net' })],
  });
  expect(await endUserById(id)).toMatchObject({
    username: 'victim',
    email: 'victim@example.com',
    provider: 'local',
    blocked: false,
  });
  expect(
    await app.strapi.db
      .query(USER_UID)
      .count({ where: { $or: [{ email: 'attacker@example.net' }, { username: 'attacker' }] } }),
  ).toBe(0);
  expect((await signIn('victim@example.com', 'Victim-Password-1')).status).toBe(200);

  const { body: activity } = await api.call('GET', '/scim/activity?pageSize=100');
  const entry = activity.data.results.find(
    (result: { resourceId: string; operation: string }) =>
      result.resourceId === body.id && result.operation === 'patch',
  );
  expect(entry.hostAction).toMatch(/email left as victim@example\.com: .*\(username left as victim\)/);
});

it('still blocks and unblocks a linked end user with active', async () => {
  const id = await register('blockable', 'blockable@example.com', 'Blockable-Password-1');
  const { body } = await scim('/Users', { method: 'POST', body: userBody('blockable', 'blockable@example.com') });
  await scim(`/Users/${body.id}`, {
    method: 'PATCH',
    body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] },
  });
  expect(await endUserById(id)).toMatchObject({ blocked: true, email: 'blockable@example.com' });
  await scim(`/Users/${body.id}`, {
    method: 'PATCH',
    body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: true } }] },
  });
  expect(await endUserById(id)).toMatchObject({ blocked: false });
});

describe('taking a released end user back by externalId', () => {
  const release = async (userName: string, externalId: string) => {
    const { body } = await scim('/Users', {
      method: 'POST',
      body: userBody(userName, `${userName}@example.com`, { externalId }),
    });
    const row = await scimRow(body.id);
    expect((await scim(`/Users/${body.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await endUserById(row.hostUserId)).toMatchObject({ blocked: true });
    return row.hostUserId as number;
  };
  const returning = (userName: string, externalId: string) =>
    scim('/Users', { method: 'POST', body: userBody(userName, `${userName}@example.com`, { externalId }) });

  it('takes it back, unblocked, while nobody touched it', async () => {
    const id = await release('returner', 'okta-returner');
    const again = await returning('returner', 'okta-returner');
    expect(again.status).toBe(201);
    expect(await scimRow(again.body.id)).toMatchObject({ hostUserId: id, hostOrigin: 'created', applied: true });
    expect(await endUserById(id)).toMatchObject({ blocked: false });
  });

  it('refuses it with 409 uniqueness once it was unblocked in Strapi, and changes nothing', async () => {
    const id = await release('unblocked', 'okta-unblocked');
    await app.strapi.plugin('users-permissions').service('user').edit(id, { blocked: false });
    const before = await endUserById(id);
    const again = await returning('unblocked', 'okta-unblocked');
    expect(again.status).toBe(409);
    expect(again.body.scimType).toBe('uniqueness');
    expect(again.body.detail).toMatch(
      /users-permissions user \d+ was kept deactivated, and that user was reactivated in Strapi since/,
    );
    expect(await endUserById(id)).toEqual(before);
  });

  it('refuses it with 409 uniqueness once it was edited in Strapi, even while still blocked', async () => {
    const id = await release('edited', 'okta-edited');
    await app.strapi.plugin('users-permissions').service('user').edit(id, { email: 'new.owner@example.com' });
    const before = await endUserById(id);
    const again = await returning('edited', 'okta-edited');
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/was changed in Strapi since/);
    expect(await endUserById(id)).toEqual(before);
    expect(await app.strapi.db.query('plugin::scim.scim-user').count({ where: { externalId: 'okta-edited' } })).toBe(0);
  });
});
