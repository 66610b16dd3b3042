import { adminApi, scimRequest } from './support/admin-api';
import { startTestApp, stopTestApp, type TestApp } from './support/test-app';

/**
 * The request sequences Microsoft Entra ID and Okta send, written from their public documentation
 * (Microsoft: "Tutorial: Develop and plan provisioning for a SCIM endpoint", "Known issues and resolutions
 * with SCIM 2.0 protocol compliance"; Okta: "Build a SCIM provisioning integration", SCIM 2.0 test
 * sequences), run end to end in production mode against Strapi admin users.
 */
let app: TestApp;
let endpoint: string;
let secret: string;

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

type Init = Parameters<typeof scimRequest>[1];
const scim = (path: string, init: Init = {}) => scimRequest(`${endpoint}${path}`, { secret, ...init });
const patch = (path: string, Operations: unknown[], init: Init = {}) =>
  scim(path, { method: 'PATCH', body: { schemas: [PATCH_OP], Operations }, ...init });
const filter = (expression: string) => encodeURIComponent(expression);
const adminUser = (email: string) => app.strapi.db.query('admin::user').findOne({ where: { email } });

beforeAll(async () => {
  app = await startTestApp();
  const api = adminApi(app.baseUrl, await app.login());
  ({ endpoint, secret } = await api.startProduction('identity provider'));
});

afterAll(async () => {
  await stopTestApp(app);
});

describe('Microsoft Entra ID', () => {
  let userId: string;
  let managerId: string;
  let groupId: string;

  it('Test Connection: a filter on a random value answers 200 with an empty list', async () => {
    const response = await scim(`/Users?filter=${filter(`userName eq "${crypto.randomUUID()}"`)}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ totalResults: 0, Resources: [] });
  });

  it('looks the user up by userName, then creates it with the enterprise extension', async () => {
    expect(
      (await scim(`/Users?filter=${filter('userName eq "Test_User_ab6490ee@contoso.com"')}`)).body.totalResults,
    ).toBe(0);
    const manager = await scim('/Users', {
      method: 'POST',
      body: { schemas: [USER], userName: 'boss@contoso.com', active: true },
    });
    managerId = manager.body.id;
    const created = await scim('/Users', {
      method: 'POST',
      body: {
        schemas: [USER, ENTERPRISE],
        externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
        userName: 'Test_User_ab6490ee@contoso.com',
        active: true,
        displayName: 'Test User',
        emails: [{ primary: true, type: 'work', value: 'Test_User_fd0ea19b@contoso.com' }],
        meta: { resourceType: 'User' },
        name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
        roles: [],
        [ENTERPRISE]: { department: 'Sales' },
      },
    });
    expect(created.status).toBe(201);
    userId = created.body.id;
    expect(created.body[ENTERPRISE]).toEqual({ department: 'Sales' });
    expect(await adminUser('test_user_fd0ea19b@contoso.com')).toMatchObject({
      firstname: 'givenName',
      lastname: 'familyName',
      isActive: true,
    });
  });

  it('looks the user up by externalId', async () => {
    const found = await scim(`/Users?filter=${filter('externalId eq "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef"')}`);
    expect(found.body.Resources.map((user: { id: string }) => user.id)).toEqual([userId]);
  });

  it('updates single- and multi-valued attributes with capitalised ops', async () => {
    const response = await patch(`/Users/${userId}`, [
      { op: 'Replace', path: 'displayName', value: 'Renamed User' },
      { op: 'Add', path: 'phoneNumbers[type eq "mobile"].value', value: '+1 555 0100' },
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'updatedEmail@contoso.com' },
      { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
    ]);
    expect(response.status).toBe(204);
    expect((await scim(`/Users/${userId}`)).body).toMatchObject({
      displayName: 'Renamed User',
      phoneNumbers: [{ type: 'mobile', value: '+1 555 0100' }],
    });
    expect(await adminUser('updatedemail@contoso.com')).toMatchObject({ lastname: 'updatedFamilyName' });
  });

  it('adds and removes the manager', async () => {
    expect(
      (await patch(`/Users/${userId}`, [{ op: 'Add', path: `${ENTERPRISE}:manager`, value: managerId }])).status,
    ).toBe(204);
    expect((await scim(`/Users/${userId}`)).body[ENTERPRISE].manager.value).toBe(managerId);
    expect((await patch(`/Users/${userId}`, [{ op: 'Remove', path: `${ENTERPRISE}:manager` }])).status).toBe(204);
    expect((await scim(`/Users/${userId}`)).body[ENTERPRISE]?.manager).toBeUndefined();
  });

  it('disables with "False" and enables with "True", signing the admin user in and out', async () => {
    await patch(`/Users/${userId}`, [{ op: 'Replace', path: 'active', value: 'False' }]);
    expect(await adminUser('updatedemail@contoso.com')).toMatchObject({ isActive: false });
    await patch(`/Users/${userId}`, [{ op: 'Replace', path: 'active', value: 'True' }]);
    expect(await adminUser('updatedemail@contoso.com')).toMatchObject({ isActive: true });
  });

  it('with aadOptscim062020, sends path-less replaces with dotted keys', async () => {
    expect(
      (await patch(`/Users/${userId}`, [{ op: 'replace', value: { 'name.givenName': 'Flagged', active: false } }]))
        .status,
    ).toBe(204);
    expect((await scim(`/Users/${userId}`)).body).toMatchObject({ name: { givenName: 'Flagged' }, active: false });
    await patch(`/Users/${userId}`, [{ op: 'replace', value: { active: true } }]);
  });

  it('creates a group after a displayName lookup without members, and manages its members both ways', async () => {
    const lookup = await scim(
      `/Groups?excludedAttributes=members&filter=${filter('displayName eq "Group1DisplayName"')}`,
    );
    expect(lookup.body).toMatchObject({ totalResults: 0 });
    const created = await scim('/Groups', {
      method: 'POST',
      body: {
        schemas: [GROUP],
        externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
        displayName: 'Group1DisplayName',
        members: [],
      },
    });
    expect(created.status).toBe(201);
    groupId = created.body.id;
    expect(
      (
        await patch(`/Groups/${groupId}`, [
          { op: 'Add', path: 'members', value: [{ value: userId }, { value: managerId }] },
        ])
      ).status,
    ).toBe(204);
    expect(
      (await patch(`/Groups/${groupId}`, [{ op: 'Remove', path: 'members', value: [{ value: managerId }] }])).status,
    ).toBe(204);
    expect((await patch(`/Groups/${groupId}`, [{ op: 'remove', path: `members[value eq "${userId}"]` }])).status).toBe(
      204,
    );
    const group = await scim(`/Groups/${groupId}`);
    expect(group.body.members ?? []).toEqual([]);
  });

  it('renames the group, then deletes the group and the user', async () => {
    await patch(`/Groups/${groupId}`, [
      { op: 'Replace', path: 'displayName', value: '1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName' },
    ]);
    expect((await scim(`/Groups/${groupId}`)).body.displayName).toBe(
      '1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName',
    );
    expect((await scim(`/Groups/${groupId}`, { method: 'DELETE' })).status).toBe(204);
    expect((await scim(`/Users/${userId}`, { method: 'DELETE' })).status).toBe(204);
    expect((await scim(`/Users/${userId}`)).status).toBe(404);
    expect(await adminUser('updatedemail@contoso.com')).toMatchObject({ isActive: false });
  });
});

describe('Okta', () => {
  let userId: string;
  let groupId: string;
  const bare = { authorization: '' };

  beforeAll(() => {
    bare.authorization = secret; // Okta's "HTTP Header" mode may send the secret without "Bearer "
  });

  it('checks that the user does not exist, then creates it', async () => {
    const existing = await scim(
      `/Users?filter=${filter('userName eq "okta.user@example.com"')}&startIndex=1&count=100`,
      bare,
    );
    expect(existing.body).toMatchObject({ totalResults: 0, startIndex: 1 });
    const created = await scim('/Users', {
      ...bare,
      method: 'POST',
      body: {
        schemas: [USER],
        userName: 'okta.user@example.com',
        name: { givenName: 'Okta', familyName: 'User' },
        emails: [{ primary: true, value: 'okta.user@example.com', type: 'work' }],
        displayName: 'Okta User',
        locale: 'en-US',
        externalId: '00ujl29u0le5T6Aj10h7',
        groups: [],
        password: '1mz050nq',
        active: true,
      },
    });
    expect(created.status).toBe(201);
    userId = created.body.id;
    expect(created.body.password).toBeUndefined();
    expect(await adminUser('okta.user@example.com')).toMatchObject({ isActive: true });
  });

  it('gets the user and finds it whatever the userName case', async () => {
    expect((await scim(`/Users/${userId}`, bare)).body.userName).toBe('okta.user@example.com');
    const upper = await scim(
      `/Users?filter=${filter('userName eq "OKTA.USER@EXAMPLE.COM"')}&startIndex=1&count=100`,
      bare,
    );
    expect(upper.body.Resources.map((user: { id: string }) => user.id)).toEqual([userId]);
  });

  it('updates the profile with PUT', async () => {
    const response = await scim(`/Users/${userId}`, {
      ...bare,
      method: 'PUT',
      body: {
        schemas: [USER],
        id: userId,
        userName: 'okta.user@example.com',
        name: { givenName: 'Changed', familyName: 'User' },
        emails: [{ primary: true, value: 'okta.user@example.com', type: 'work' }],
        active: true,
      },
    });
    expect(response.status).toBe(200);
    expect(await adminUser('okta.user@example.com')).toMatchObject({ firstname: 'Changed' });
  });

  it('deactivates and reactivates with a path-less replace', async () => {
    await patch(`/Users/${userId}`, [{ op: 'replace', value: { active: false } }], bare);
    expect(await adminUser('okta.user@example.com')).toMatchObject({ isActive: false });
    await patch(`/Users/${userId}`, [{ op: 'replace', value: { active: true } }], bare);
    expect(await adminUser('okta.user@example.com')).toMatchObject({ isActive: true });
  });

  it('pushes a group with members, renames it and changes members in one PATCH, then empties and deletes it', async () => {
    const other = (
      await scim('/Users', { ...bare, method: 'POST', body: { schemas: [USER], userName: 'second@example.com' } })
    ).body;
    const created = await scim('/Groups', {
      ...bare,
      method: 'POST',
      body: {
        schemas: [GROUP],
        displayName: 'Test SCIMv2',
        members: [{ value: userId, display: 'okta.user@example.com' }],
      },
    });
    expect(created.status).toBe(201);
    groupId = created.body.id;
    const changed = await patch(
      `/Groups/${groupId}`,
      [
        { op: 'replace', value: { id: groupId, displayName: 'Test SCIMv2 renamed' } },
        { op: 'remove', path: `members[value eq "${userId}"]` },
        { op: 'add', path: 'members', value: [{ value: other.id, display: 'second@example.com' }] },
      ],
      bare,
    );
    expect(changed.status).toBe(204);
    const group = (await scim(`/Groups/${groupId}`, bare)).body;
    expect(group.displayName).toBe('Test SCIMv2 renamed');
    expect(group.members.map((member: { value: string }) => member.value)).toEqual([other.id]);
    expect((await patch(`/Groups/${groupId}`, [{ op: 'replace', path: 'members', value: [] }], bare)).status).toBe(204);
    expect((await scim(`/Groups/${groupId}`, bare)).body.members ?? []).toEqual([]);
    expect((await scim(`/Groups/${groupId}`, { ...bare, method: 'DELETE' })).status).toBe(204);
    expect((await scim(`/Groups/${groupId}`, bare)).status).toBe(404);
  });
});
