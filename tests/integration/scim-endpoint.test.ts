import { adminApi, scimRequest } from './support/admin-api';
import type { JsonBody } from './support/json-body';
import { startTestApp, stopTestApp, type TestApp } from './support/test-app';

const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

let app: TestApp;
let api: ReturnType<typeof adminApi>;
let endpoint: string;
let secret: string;

const expectScimError = (
  response: { status: number; headers: Headers; body: JsonBody },
  status: number,
  scimType?: string,
) => {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/scim\+json/);
  expect(response.body.schemas).toEqual([ERROR_SCHEMA]);
  expect(response.body.status).toBe(String(status));
  expect(typeof response.body.detail).toBe('string');
  if (scimType) expect(response.body.scimType).toBe(scimType);
};

beforeAll(async () => {
  app = await startTestApp();
  api = adminApi(app.baseUrl, await app.login());
  endpoint = (await api.enable()).endpointUrl as string;
  secret = (await api.createSecret('tests')).secret;
});

afterAll(async () => {
  await stopTestApp(app);
});

describe('authentication', () => {
  it('answers a bearer secret with 200 application/scim+json', async () => {
    const response = await scimRequest(`${endpoint}/ServiceProviderConfig`, { secret });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/scim\+json/);
    expect(response.body.schemas).toEqual(['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig']);
  });

  it('accepts the bare secret (Okta HTTP Header mode) and a lower-case scheme', async () => {
    expect((await scimRequest(`${endpoint}/ServiceProviderConfig`, { authorization: secret })).status).toBe(200);
    expect((await scimRequest(`${endpoint}/ServiceProviderConfig`, { authorization: `bearer ${secret}` })).status).toBe(
      200,
    );
  });

  it.each([
    ['missing', undefined],
    ['wrong', 'Bearer scim_wrongwrongwrongwrongwrongwrongwrongwrongwro'],
    ['another scheme', `Basic ${secret}`],
    ['empty bearer', 'Bearer '],
  ])('refuses a %s secret with 401, WWW-Authenticate and a SCIM body', async (_label, authorization) => {
    const response = await scimRequest(
      `${endpoint}/ServiceProviderConfig`,
      authorization === undefined ? {} : { authorization },
    );
    expectScimError(response, 401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('refuses a revoked secret at once', async () => {
    const revoked = await api.createSecret('to revoke');
    expect((await scimRequest(`${endpoint}/ServiceProviderConfig`, { secret: revoked.secret })).status).toBe(200);
    expect((await api.call('DELETE', `/scim/secrets/${revoked.id}`)).status).toBe(204);
    expectScimError(await scimRequest(`${endpoint}/ServiceProviderConfig`, { secret: revoked.secret }), 401);
  });

  it('records when a secret was last used', async () => {
    const fresh = await api.createSecret('usage');
    await scimRequest(`${endpoint}/ServiceProviderConfig`, { secret: fresh.secret });
    const listed = (await api.call('GET', '/scim/secrets')).body.data.find(
      (row: { id: number }) => row.id === fresh.id,
    );
    expect(Date.now() - Date.parse(listed.lastUsedAt)).toBeLessThan(60_000);
  });
});

describe('endpoint state', () => {
  it('answers 404 for an unknown endpoint id, even with a valid secret', async () => {
    const unknown = endpoint.replace(/[0-9a-f-]{36}$/, '00000000-0000-4000-8000-000000000000');
    expectScimError(await scimRequest(`${unknown}/ServiceProviderConfig`, { secret }), 404);
  });

  it('answers 503 while provisioning is disabled, and 200 again once enabled', async () => {
    await api.call('PUT', '/scim/settings', { enabled: false });
    const disabled = await scimRequest(`${endpoint}/ServiceProviderConfig`, { secret });
    expectScimError(disabled, 503);
    expect(disabled.body.detail).toMatch(/disabled/i);
    await api.enable();
    expect((await scimRequest(`${endpoint}/ServiceProviderConfig`, { secret })).status).toBe(200);
  });

  it('stops answering on the old URL once the endpoint is regenerated', async () => {
    const { body } = await api.call('POST', '/scim/settings/regenerate-endpoint');
    const fresh = body.data.endpointUrl as string;
    expectScimError(await scimRequest(`${endpoint}/ServiceProviderConfig`, { secret }), 404);
    expect((await scimRequest(`${fresh}/ServiceProviderConfig`, { secret })).status).toBe(200);
    endpoint = fresh;
  });
});

describe('request handling', () => {
  it('answers unknown paths under the base with a SCIM 404', async () => {
    expectScimError(await scimRequest(`${endpoint}/Nothing/here`, { secret }), 404);
  });

  it('refuses writes to discovery resources with 405', async () => {
    for (const path of ['/ServiceProviderConfig', '/Schemas', '/ResourceTypes/User']) {
      const response = await scimRequest(`${endpoint}${path}`, { method: 'POST', secret, body: {} });
      expectScimError(response, 405);
    }
  });

  it.each(['application/scim+json', 'application/json'])(
    'answers malformed %s with 400 invalidSyntax',
    async (contentType) => {
      const response = await scimRequest(`${endpoint}/ServiceProviderConfig`, {
        method: 'PUT',
        secret,
        body: '{"schemas": [',
        contentType,
      });
      expectScimError(response, 400, 'invalidSyntax');
    },
  );

  it('answers a body over 1 MiB with 413 before parsing it', async () => {
    const body = JSON.stringify({ padding: 'x'.repeat(1024 * 1024) });
    expectScimError(await scimRequest(`${endpoint}/ServiceProviderConfig`, { method: 'POST', secret, body }), 413);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const response = await scimRequest(`${endpoint}/ServiceProviderConfig`, {
      method: 'POST',
      secret,
      body: 'a=b',
      contentType: 'application/x-www-form-urlencoded',
    });
    expectScimError(response, 415);
  });

  it('leaves routes outside the SCIM base to Strapi', async () => {
    const response = await fetch(`${app.baseUrl}/api/users-permissions/roles`);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  });
});

describe('discovery', () => {
  it('serves the ServiceProviderConfig with the features and limits it supports', async () => {
    const { body } = await scimRequest(`${endpoint}/ServiceProviderConfig`, { secret });
    expect(body).toMatchObject({
      patch: { supported: true },
      bulk: { supported: false },
      filter: { supported: true, maxResults: 1000 },
      sort: { supported: true },
      etag: { supported: true },
      pagination: { defaultPageSize: 100, maxPageSize: 1000 },
      meta: { resourceType: 'ServiceProviderConfig', location: `${endpoint}/ServiceProviderConfig` },
    });
    expect(body.authenticationSchemes[0].type).toBe('oauthbearertoken');
  });

  it('lists the User and Group resource types, User with the enterprise extension', async () => {
    const { status, body } = await scimRequest(`${endpoint}/ResourceTypes`, { secret });
    expect(status).toBe(200);
    expect(body.totalResults).toBe(2);
    const user = body.Resources.find((type: { id: string }) => type.id === 'User');
    expect(user).toMatchObject({ endpoint: '/Users', schema: 'urn:ietf:params:scim:schemas:core:2.0:User' });
    expect(user.schemaExtensions).toEqual([
      { schema: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User', required: false },
    ]);
    const group = await scimRequest(`${endpoint}/ResourceTypes/Group`, { secret });
    expect(group.body).toMatchObject({
      id: 'Group',
      endpoint: '/Groups',
      meta: { location: `${endpoint}/ResourceTypes/Group` },
    });
  });

  it('serves the three schemas with their attribute characteristics', async () => {
    const { body } = await scimRequest(`${endpoint}/Schemas`, { secret });
    expect(body.Resources.map((schema: { id: string }) => schema.id).sort()).toEqual([
      'urn:ietf:params:scim:schemas:core:2.0:Group',
      'urn:ietf:params:scim:schemas:core:2.0:User',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
    ]);
    const user = await scimRequest(`${endpoint}/Schemas/urn:ietf:params:scim:schemas:core:2.0:User`, { secret });
    const userName = user.body.attributes.find((attribute: { name: string }) => attribute.name === 'userName');
    expect(userName).toMatchObject({ type: 'string', required: true, caseExact: false, uniqueness: 'server' });
    const password = user.body.attributes.find((attribute: { name: string }) => attribute.name === 'password');
    expect(password).toMatchObject({ mutability: 'writeOnly', returned: 'never' });
  });

  it('answers unknown schema and resource type ids with a SCIM 404', async () => {
    expectScimError(await scimRequest(`${endpoint}/Schemas/urn:nope`, { secret }), 404);
    expectScimError(await scimRequest(`${endpoint}/ResourceTypes/Device`, { secret }), 404);
  });
});
