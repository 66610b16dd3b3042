import { adminApi, scimRequest } from './support/admin-api';
import { startTestApp, stopTestApp, type TestApp } from './support/test-app';

/** A User's read-only `groups` come from memberships; deleting a user removes their memberships. */
let app: TestApp;
let endpoint: string;
let secret: string;

const scim = (path: string, init: Parameters<typeof scimRequest>[1] = {}) =>
  scimRequest(`${endpoint}${path}`, { secret, ...init });

beforeAll(async () => {
  app = await startTestApp();
  const api = adminApi(app.baseUrl, await app.login());
  endpoint = (await api.enable()).endpointUrl as string;
  secret = (await api.createSecret()).secret;
});

afterAll(async () => {
  await stopTestApp(app);
});

it('shows the groups a user belongs to, and drops memberships when the user is deleted', async () => {
  const user = (
    await scim('/Users', {
      method: 'POST',
      body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'member@example.com' },
    })
  ).body;
  const group = (
    await scim('/Groups', {
      method: 'POST',
      body: {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
        displayName: 'Editors',
        members: [{ value: user.id }],
      },
    })
  ).body;

  const fetched = await scim(`/Users/${user.id}`);
  expect(fetched.body.groups).toEqual([
    { value: group.id, display: 'Editors', $ref: `${endpoint}/Groups/${group.id}`, type: 'direct' },
  ]);
  const listed = await scim('/Users?filter=' + encodeURIComponent('userName eq "member@example.com"'));
  expect(listed.body.Resources[0].groups).toHaveLength(1);
  const projected = await scim(`/Users/${user.id}?excludedAttributes=groups`);
  expect(projected.body.groups).toBeUndefined();

  expect((await scim(`/Users/${user.id}`, { method: 'DELETE' })).status).toBe(204);
  expect(await app.strapi.db.query('plugin::scim.scim-membership').count()).toBe(0);
  expect((await scim(`/Groups/${group.id}`)).body.members ?? []).toEqual([]);
});
