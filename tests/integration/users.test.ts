import { adminApi, scimRequest } from './support/admin-api';
import { startTestApp, stopTestApp, type TestApp } from './support/test-app';

let app: TestApp;
let endpoint: string;
let secret: string;

const scim = (path: string, init: Parameters<typeof scimRequest>[1] = {}) =>
  scimRequest(`${endpoint}${path}`, { secret, ...init });

const userBody = (userName: string, extra: Record<string, unknown> = {}) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName,
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  emails: [{ value: userName, type: 'work', primary: true }],
  active: true,
  ...extra,
});

const createUser = async (userName: string, extra: Record<string, unknown> = {}) => {
  const response = await scim('/Users', { method: 'POST', body: userBody(userName, extra) });
  expect(response.status).toBe(201);
  return response;
};

beforeAll(async () => {
  app = await startTestApp();
  const api = adminApi(app.baseUrl, await app.login());
  endpoint = (await api.enable()).endpointUrl as string;
  secret = (await api.createSecret()).secret;
});

afterAll(async () => {
  await stopTestApp(app);
});

describe('POST /Users', () => {
  it('creates a user with a server-assigned id, Location, ETag and full meta', async () => {
    const response = await createUser('bjensen@example.com', {
      externalId: 'ext-1',
      id: 'client-chosen',
      password: 'Secret-123',
    });
    const { body, headers } = response;
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.id).not.toBe('client-chosen');
    expect(body).toMatchObject({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'bjensen@example.com',
      externalId: 'ext-1',
      active: true,
      meta: { resourceType: 'User', location: `${endpoint}/Users/${body.id}`, version: 'W/"1"' },
    });
    expect(body.password).toBeUndefined();
    expect(headers.get('location')).toBe(`${endpoint}/Users/${body.id}`);
    expect(headers.get('etag')).toBe('W/"1"');
    expect(headers.get('content-type')).toMatch(/^application\/scim\+json/);
    expect(Date.parse(body.meta.created)).not.toBeNaN();
    const row = await app.strapi.db.query('plugin::scim.scim-user').findOne({ where: { scimId: body.id } });
    expect(JSON.stringify(row)).not.toContain('Secret-123');
    // The response is built without reading the row back: it must be what a read returns.
    const read = await scimRequest(`${endpoint}/Users/${body.id}`, { secret });
    expect(read.body).toEqual(body);
  });

  it('answers 409 uniqueness for a userName that differs only in case', async () => {
    await createUser('casey@example.com');
    const duplicate = await scim('/Users', { method: 'POST', body: userBody('CASEY@Example.com') });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.scimType).toBe('uniqueness');
  });

  it('answers 400 naming the attribute for an invalid resource, and stores nothing', async () => {
    const before = await app.strapi.db.query('plugin::scim.scim-user').count();
    const missing = await scim('/Users', {
      method: 'POST',
      body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'] },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.detail).toContain('userName');
    const badType = await scim('/Users', { method: 'POST', body: userBody('typed@example.com', { active: 'maybe' }) });
    expect(badType.status).toBe(400);
    expect(badType.body.scimType).toBe('invalidValue');
    expect(await app.strapi.db.query('plugin::scim.scim-user').count()).toBe(before);
  });

  it('accepts Entra ID\'s "False" string for a boolean', async () => {
    const { body } = await createUser('inactive@example.com', { active: 'False' });
    expect(body.active).toBe(false);
  });
});

describe('GET /Users', () => {
  it('finds a user by userName eq without regard to case, as Entra ID and Okta look users up', async () => {
    await createUser('lookup.me@example.com', { externalId: 'okta-00u1' });
    const response = await scim(
      '/Users?filter=' + encodeURIComponent('userName eq "LOOKUP.ME@example.com"') + '&startIndex=1&count=100',
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 1,
      startIndex: 1,
      itemsPerPage: 1,
    });
    expect(response.body.Resources[0].userName).toBe('lookup.me@example.com');
  });

  it('matches JSON attribute values holding LIKE wildcards, quotes and any case exactly, no more and no less', async () => {
    const title = 'Up 50% Now_x "Lead"';
    const { id } = (await createUser('wildcards@example.com', { title })).body as { id: string };
    const ids = async (filter: string) => {
      const response = await scim('/Users?count=100&filter=' + encodeURIComponent(filter));
      expect([filter, response.status]).toEqual([filter, 200]);
      return (response.body.Resources as { id: string }[]).map((found) => found.id);
    };
    expect(await ids('title eq "up 50% now_x \\"lead\\""')).toEqual([id]);
    expect(await ids('title co "50% NOW_X"')).toEqual([id]);
    expect(await ids('title sw "UP 50%"')).toEqual([id]);
    expect(await ids('title co "50x now"')).toEqual([]);
    expect(await ids('title co "50% nowax"')).toEqual([]);
  });

  it('answers an unmatched filter (Entra ID Test Connection) with an empty list', async () => {
    const response = await scim('/Users?filter=' + encodeURIComponent(`userName eq "${crypto.randomUUID()}"`));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ totalResults: 0, Resources: [] });
  });

  it('looks users up by externalId, case-exact', async () => {
    const exact = await scim('/Users?filter=' + encodeURIComponent('externalId eq "okta-00u1"'));
    expect(exact.body.totalResults).toBe(1);
    const otherCase = await scim('/Users?filter=' + encodeURIComponent('externalId eq "OKTA-00U1"'));
    expect(otherCase.body.totalResults).toBe(0);
  });

  it('reads + as a space in a filter, as some clients encode it', async () => {
    const response = await scim('/Users?filter=userName+eq+%22lookup.me@example.com%22');
    expect(response.body.totalResults).toBe(1);
  });

  it('pages with startIndex and count, sorted by userName', async () => {
    for (const name of ['page-c', 'page-a', 'page-b']) await createUser(`${name}@example.com`);
    const filter = encodeURIComponent('userName sw "page-"');
    const first = await scim(`/Users?filter=${filter}&sortBy=userName&count=2`);
    expect(first.body).toMatchObject({ totalResults: 3, startIndex: 1, itemsPerPage: 2 });
    expect(first.body.Resources.map((user: { userName: string }) => user.userName)).toEqual([
      'page-a@example.com',
      'page-b@example.com',
    ]);
    const second = await scim(`/Users?filter=${filter}&sortBy=userName&sortOrder=descending&startIndex=3&count=2`);
    expect(second.body.Resources.map((user: { userName: string }) => user.userName)).toEqual(['page-a@example.com']);
    const countOnly = await scim(`/Users?filter=${filter}&count=0`);
    expect(countOnly.body).toMatchObject({ totalResults: 3, itemsPerPage: 0, Resources: [] });
  });

  it('projects attributes and excludedAttributes', async () => {
    const filter = encodeURIComponent('userName eq "lookup.me@example.com"');
    const only = await scim(`/Users?filter=${filter}&attributes=userName`);
    expect(Object.keys(only.body.Resources[0]).sort()).toEqual(['id', 'schemas', 'userName']);
    const without = await scim(`/Users?filter=${filter}&excludedAttributes=emails,name`);
    expect(without.body.Resources[0].emails).toBeUndefined();
    expect(without.body.Resources[0].name).toBeUndefined();
    expect(without.body.Resources[0].userName).toBe('lookup.me@example.com');
  });

  it('answers 400 invalidFilter for a bad or unfilterable filter', async () => {
    const bad = await scim('/Users?filter=' + encodeURIComponent('userName eq'));
    expect(bad.status).toBe(400);
    expect(bad.body.scimType).toBe('invalidFilter');
    const unfilterable = await scim('/Users?filter=' + encodeURIComponent('password eq "x"'));
    expect(unfilterable.status).toBe(400);
    expect(unfilterable.body.scimType).toBe('invalidFilter');
    expect(unfilterable.body.detail).toMatch(/"password" is not filterable/);
    const unqualified = await scim('/Users?filter=' + encodeURIComponent('employeeNumber eq "1"'));
    expect(unqualified.status).toBe(400);
    expect(unqualified.body.detail).toMatch(/"employeeNumber" is not filterable/);
  });

  it("filters on attributes without a column, including Entra ID's work-email form", async () => {
    const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
    const created = await scim('/Users', {
      method: 'POST',
      body: {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', enterprise],
        userName: 'json.filter@example.com',
        title: 'Tour Guide',
        emails: [
          { type: 'home', value: 'home.json@example.org' },
          { type: 'work', value: 'Ann.Json@Contoso.com', primary: true },
        ],
        [enterprise]: { employeeNumber: 'JF-701984', manager: { value: 'boss-1' } },
      },
    });
    expect(created.status).toBe(201);
    const userNames = async (filter: string) => {
      const response = await scim('/Users?filter=' + encodeURIComponent(filter));
      expect(response.status).toBe(200);
      return (response.body.Resources as { userName: string }[]).map((user) => user.userName);
    };
    const found = ['json.filter@example.com'];
    expect(await userNames('emails[type eq "work"].value eq "ann.json@contoso.com"')).toEqual(found);
    expect(await userNames('emails[type eq "home"].value eq "ann.json@contoso.com"')).toEqual([]);
    expect(await userNames(`${enterprise}:employeeNumber eq "jf-701984"`)).toEqual(found);
    expect(await userNames(`${enterprise}:manager.value eq "boss-1" and title sw "tour"`)).toEqual(found);
    expect(await userNames('title eq "Tour Guide" and not (emails[type eq "work" and primary eq false])')).toEqual(
      found,
    );
    const sorted = await scim(
      '/Users?sortBy=' + encodeURIComponent(`${enterprise}:employeeNumber`) + '&sortOrder=descending&count=1',
    );
    expect(sorted.status).toBe(200);
    expect(sorted.body.Resources[0].userName).toBe('json.filter@example.com');
    const multiValued = await scim('/Users?sortBy=phoneNumbers.type');
    expect(multiValued.status).toBe(400);
    expect(multiValued.body.detail).toMatch(/Cannot sort by 'phoneNumbers.type'/);
  });

  it('searches with POST /Users/.search', async () => {
    const response = await scim('/Users/.search', {
      method: 'POST',
      body: {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],
        filter: 'userName eq "lookup.me@example.com"',
        attributes: ['userName'],
      },
    });
    expect(response.status).toBe(200);
    expect(response.body.totalResults).toBe(1);
    expect(response.body.Resources[0].emails).toBeUndefined();
  });
});

describe('one user', () => {
  it('gets a user by id and answers 404 for an unknown id', async () => {
    const { body } = await createUser('single@example.com');
    const found = await scim(`/Users/${body.id}`);
    expect(found.status).toBe(200);
    expect(found.body).toEqual(body);
    const missing = await scim(`/Users/${crypto.randomUUID()}`);
    expect(missing.status).toBe(404);
  });

  it('replaces a user with PUT (Okta profile updates) and bumps the version', async () => {
    const { body } = await createUser('put.me@example.com');
    const response = await scim(`/Users/${body.id}`, {
      method: 'PUT',
      body: userBody('put.me@example.com', { name: { givenName: 'Babs' }, title: 'Editor' }),
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: body.id,
      name: { givenName: 'Babs' },
      title: 'Editor',
      meta: { version: 'W/"2"' },
    });
    expect(response.body.name.familyName).toBeUndefined();
  });

  it('deactivates with a path-less PATCH (Okta) and a capitalised Replace with "False" (Entra ID)', async () => {
    const { body } = await createUser('patch.me@example.com');
    const okta = await scim(`/Users/${body.id}`, {
      method: 'PATCH',
      headers: { 'user-agent': 'Okta SCIM Client 1.0.0' },
      body: {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'replace', value: { active: false } }],
      },
    });
    expect(okta.status).toBe(200);
    expect(okta.body.active).toBe(false);
    const entra = await scim(`/Users/${body.id}`, {
      method: 'PATCH',
      body: {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [
          { op: 'Replace', path: 'active', value: 'True' },
          { op: 'Add', path: 'name.familyName', value: 'Jensen-Smith' },
        ],
      },
    });
    expect(entra.status).toBe(204);
    expect((await scim(`/Users/${body.id}`)).body).toMatchObject({
      active: true,
      name: { familyName: 'Jensen-Smith' },
    });
    const inactive = await scim('/Users?filter=' + encodeURIComponent(`id eq "${body.id}" and active eq true`));
    expect(inactive.body.totalResults).toBe(1);
  });

  it('answers a PATCH with 204, or 200 and the User for a projection, Prefer: return=representation or Okta', async () => {
    const { body } = await createUser('patch.answer@example.com');
    const operations = (title: string) => ({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path: 'title', value: title }],
    });
    const plain = await scim(`/Users/${body.id}`, { method: 'PATCH', body: operations('One') });
    expect(plain.status).toBe(204);
    expect(plain.body).toBeUndefined();
    expect(plain.headers.get('etag')).toBe('W/"2"');
    const projected = await scim(`/Users/${body.id}?excludedAttributes=emails`, {
      method: 'PATCH',
      body: operations('Two'),
    });
    expect(projected.status).toBe(200);
    expect(projected.body).toMatchObject({ title: 'Two' });
    expect(projected.body.emails).toBeUndefined();
    const preferred = await scim(`/Users/${body.id}`, {
      method: 'PATCH',
      headers: { prefer: 'return=representation' },
      body: operations('Three'),
    });
    expect(preferred.status).toBe(200);
    expect(preferred.body).toMatchObject({ id: body.id, title: 'Three', meta: { version: 'W/"4"' } });
    const okta = await scim(`/Users/${body.id}`, {
      method: 'PATCH',
      headers: { 'user-agent': 'Okta SCIM Client 1.0.0' },
      body: operations('Four'),
    });
    expect(okta.status).toBe(200);
    expect(okta.body).toMatchObject({ title: 'Four' });
  });

  it("accepts a path-less PATCH value that repeats the user's own id, and refuses another id", async () => {
    const { body } = await createUser('own.id@example.com');
    const same = await scim(`/Users/${body.id}?attributes=displayName`, {
      method: 'PATCH',
      body: {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'replace', value: { id: body.id, displayName: 'Own Id' } }],
      },
    });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ id: body.id, displayName: 'Own Id' });
    const other = await scim(`/Users/${body.id}`, {
      method: 'PATCH',
      body: {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'replace', value: { id: 'someone-else' } }],
      },
    });
    expect(other.status).toBe(400);
    expect(other.body.scimType).toBe('mutability');
  });

  it('refuses a PATCH or PUT that would duplicate another userName, and changes nothing', async () => {
    const first = (await createUser('owner@example.com')).body;
    const second = (await createUser('other@example.com')).body;
    const patch = await scim(`/Users/${second.id}`, {
      method: 'PATCH',
      body: {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'replace', path: 'userName', value: 'OWNER@example.com' }],
      },
    });
    expect(patch.status).toBe(409);
    const put = await scim(`/Users/${second.id}`, { method: 'PUT', body: userBody('owner@example.com') });
    expect(put.status).toBe(409);
    expect((await scim(`/Users/${second.id}`)).body).toEqual(second);
    expect((await scim(`/Users/${first.id}`)).body).toEqual(first);
  });

  it('answers 400 for a bad PATCH and leaves the user unchanged', async () => {
    const { body } = await createUser('badpatch@example.com');
    const response = await scim(`/Users/${body.id}`, {
      method: 'PATCH',
      body: {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'replace', path: 'title', value: 'Ok' }, { op: 'remove' }],
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.scimType).toBe('noTarget');
    expect((await scim(`/Users/${body.id}`)).body).toEqual(body);
  });

  it('honours If-Match (412 when stale) and If-None-Match (304 when current)', async () => {
    const { body } = await createUser('etag@example.com');
    const stale = await scim(`/Users/${body.id}`, {
      method: 'PUT',
      body: userBody('etag@example.com'),
      authorization: `Bearer ${secret}`,
    });
    expect(stale.status).toBe(200);
    const headers = { 'If-Match': 'W/"1"' };
    const response = await fetch(`${endpoint}/Users/${body.id}`, {
      method: 'PUT',
      headers: { ...headers, authorization: `Bearer ${secret}`, 'content-type': 'application/scim+json' },
      body: JSON.stringify(userBody('etag@example.com', { title: 'lost update' })),
    });
    expect(response.status).toBe(412);
    const current = await fetch(`${endpoint}/Users/${body.id}`, {
      headers: { authorization: `Bearer ${secret}`, 'If-None-Match': 'W/"2"' },
    });
    expect(current.status).toBe(304);
    const matching = await fetch(`${endpoint}/Users/${body.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${secret}`, 'If-Match': 'W/"2"' },
    });
    expect(matching.status).toBe(204);
  });

  it('deletes a user: 204, then 404', async () => {
    const { body } = await createUser('delete.me@example.com');
    expect((await scim(`/Users/${body.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await scim(`/Users/${body.id}`)).status).toBe(404);
    expect((await scim(`/Users/${body.id}`, { method: 'DELETE' })).status).toBe(404);
  });
});

describe('concurrency', () => {
  it('gives exactly one 201 for 50 parallel creates of one userName', async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        scim('/Users', { method: 'POST', body: userBody(index % 2 ? 'RACE@example.com' : 'race@example.com') }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    expect(
      await app.strapi.db.query('plugin::scim.scim-user').count({ where: { userNameKey: 'race@example.com' } }),
    ).toBe(1);
  });

  const patchWith = (id: string, headers: Record<string, string>, operations: unknown[]) =>
    fetch(`${endpoint}/Users/${id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/scim+json', ...headers },
      body: JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: operations }),
    });

  it('lets exactly one of 10 parallel PATCHes with the same If-Match through, the rest 412', async () => {
    const { body } = await createUser('etag.race@example.com');
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        patchWith(body.id, { 'If-Match': 'W/"1"' }, [{ op: 'replace', path: 'title', value: `title ${index}` }]),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 204)).toHaveLength(1);
    expect(statuses.filter((status) => status === 412)).toHaveLength(9);
    const current = (await scim(`/Users/${body.id}`)).body;
    expect(current.title).toBe(`title ${statuses.indexOf(204)}`);
    expect(current.meta.version).toBe('W/"2"');
  });

  it('keeps every one of 10 parallel PATCHes without If-Match (each adds an email): none lost, none refused', async () => {
    const { body } = await createUser('many.writers@example.com');
    const added = Array.from({ length: 10 }, (_, index) => `alias${index}@example.com`);
    const responses = await Promise.all(
      added.map((value) => patchWith(body.id, {}, [{ op: 'add', path: 'emails', value: [{ value, type: 'other' }] }])),
    );
    expect(responses.map((response) => response.status)).toEqual(added.map(() => 204));
    const current = (await scim(`/Users/${body.id}`)).body;
    expect(current.emails.map((email: { value: string }) => email.value).sort()).toEqual(
      ['many.writers@example.com', ...added].sort(),
    );
    expect(current.meta.version).toBe('W/"11"');
  });
});

describe('exact comparisons on every database', () => {
  it('keeps userNames that differ only by an accent apart', async () => {
    await createUser('jose@example.com');
    const accented = await scim('/Users', { method: 'POST', body: userBody('josé@example.com') });
    expect(accented.status).toBe(201);
    const found = await scim('/Users?filter=' + encodeURIComponent('userName eq "josé@example.com"'));
    expect(found.body.Resources.map((user: { userName: string }) => user.userName)).toEqual(['josé@example.com']);
  });
});
