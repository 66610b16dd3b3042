import { adminApi, scimRequest } from './support/admin-api';
import { startTestApp, stopTestApp, type TestApp } from './support/test-app';

/** POST /.search at the endpoint root searches Users and Groups as one list (RFC 7644 §3.4.3). */
let app: TestApp;
let endpoint: string;
let secret: string;

const SEARCH = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';
const scim = (path: string, init: Parameters<typeof scimRequest>[1] = {}) =>
  scimRequest(`${endpoint}${path}`, { secret, ...init });
const search = (body: Record<string, unknown>) =>
  scim('/.search', { method: 'POST', body: { schemas: [SEARCH], ...body } });

beforeAll(async () => {
  app = await startTestApp();
  const api = adminApi(app.baseUrl, await app.login());
  endpoint = (await api.enable()).endpointUrl as string;
  secret = (await api.createSecret()).secret;
  for (const name of ['sales-ann', 'sales-bob', 'ops-cy']) {
    await scim('/Users', {
      method: 'POST',
      body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: name, displayName: name },
    });
  }
  for (const name of ['sales-team', 'ops-team']) {
    await scim('/Groups', {
      method: 'POST',
      body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: name },
    });
  }
});

afterAll(async () => {
  await stopTestApp(app);
});

it('finds users and groups with one filter, users first', async () => {
  const response = await search({ filter: 'displayName sw "sales"' });
  expect(response.status).toBe(200);
  expect(response.body.totalResults).toBe(3);
  expect(response.body.Resources.map((resource: { displayName: string }) => resource.displayName)).toEqual([
    'sales-ann',
    'sales-bob',
    'sales-team',
  ]);
  expect(response.body.Resources[2].meta.resourceType).toBe('Group');
});

it('pages across the two types', async () => {
  const page = await search({ startIndex: 3, count: 2 });
  expect(page.body).toMatchObject({ totalResults: 5, startIndex: 3, itemsPerPage: 2 });
  expect(page.body.Resources.map((resource: { meta: { resourceType: string } }) => resource.meta.resourceType)).toEqual(
    ['User', 'Group'],
  );
});

it('treats an attribute a type does not have as matching nothing of that type', async () => {
  const response = await search({ filter: 'userName sw "ops"', attributes: ['userName'] });
  expect(response.body.totalResults).toBe(1);
  expect(Object.keys(response.body.Resources[0]).sort()).toEqual(['id', 'schemas', 'userName']);
});

it('refuses a bad SearchRequest with 400', async () => {
  expect((await scim('/.search', { method: 'POST', body: { schemas: ['urn:wrong'] } })).status).toBe(400);
  expect((await search({ filter: 'displayName eq' })).body.scimType).toBe('invalidFilter');
});
