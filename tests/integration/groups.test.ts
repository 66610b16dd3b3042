import { groupsOfUsers } from '../../server/src/services/store/user-groups';
import { createMembershipRepository } from '../../server/src/services/store/membership-repository';
import { adminApi, scimRequest } from './support/admin-api';
import { required } from './support/required';
import { startTestApp, stopTestApp, type TestApp } from './support/test-app';

const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const GROUP_UID = 'plugin::scim.scim-group';
const MEMBERSHIP_UID = 'plugin::scim.scim-membership';

let app: TestApp;
let endpoint: string;
let secret: string;
/** SCIM ids of users created once for the whole file. */
const users: string[] = [];

const scim = (path: string, init: Parameters<typeof scimRequest>[1] = {}) =>
  scimRequest(`${endpoint}${path}`, { secret, ...init });

const withHeaders = (path: string, method: string, headers: Record<string, string>, body?: unknown) =>
  fetch(`${endpoint}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${secret}`,
      ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const groupBody = (displayName: string, memberIds: string[] = [], extra: Record<string, unknown> = {}) => ({
  schemas: [GROUP_URN],
  displayName,
  members: memberIds.map((value) => ({ value, type: 'User' })),
  ...extra,
});

const createGroup = async (displayName: string, memberIds: string[] = [], extra: Record<string, unknown> = {}) => {
  const response = await scim('/Groups', { method: 'POST', body: groupBody(displayName, memberIds, extra) });
  expect(response.status).toBe(201);
  return response.body as { id: string; members?: { value: string }[]; meta: { version: string } };
};

const patchGroup = (id: string, ...operations: unknown[]) =>
  scim(`/Groups/${id}`, { method: 'PATCH', body: { schemas: [PATCH_OP], Operations: operations } });

const memberValues = async (id: string): Promise<string[]> => {
  const response = await scim(`/Groups/${id}`);
  expect(response.status).toBe(200);
  return ((response.body.members ?? []) as { value: string }[]).map((member) => member.value).sort();
};

const rowOf = (scimId: string) => app.strapi.db.query(GROUP_UID).findOne({ where: { scimId } });
const userRefOf = async (scimId: string): Promise<number> =>
  (await app.strapi.db.query('plugin::scim.scim-user').findOne({ where: { scimId } })).id;
const membershipCount = async (groupScimId: string) =>
  app.strapi.db.query(MEMBERSHIP_UID).count({ where: { groupRef: (await rowOf(groupScimId)).id } });

/** Records the `findMany`/`count` parameters of every scim_memberships query run while `work` runs. */
const membershipQueriesDuring = async (work: () => Promise<unknown>): Promise<Record<string, unknown>[]> => {
  const db = app.strapi.db;
  const original = db.query.bind(db);
  const calls: Record<string, unknown>[] = [];
  const spy = jest.spyOn(db, 'query').mockImplementation((uid: string) => {
    const repository = original(uid);
    if (uid !== MEMBERSHIP_UID) return repository;
    return new Proxy(repository, {
      get: (target, property) => {
        const value = Reflect.get(target, property);
        if (typeof value !== 'function') return value;
        return (params: Record<string, unknown> = {}) => {
          calls.push({ method: String(property), ...params });
          return value.call(target, params);
        };
      },
    });
  });
  try {
    await work();
  } finally {
    spy.mockRestore();
  }
  return calls;
};

const sorted = (ids: string[]) => [...ids].sort();

beforeAll(async () => {
  app = await startTestApp();
  const api = adminApi(app.baseUrl, await app.login());
  endpoint = (await api.enable()).endpointUrl as string;
  secret = (await api.createSecret()).secret;
  for (let index = 0; index < 80; index++) {
    const response = await scim('/Users', {
      method: 'POST',
      body: {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: `member${index}@example.com`,
        active: true,
      },
    });
    expect(response.status).toBe(201);
    users.push(response.body.id);
  }
});

afterAll(async () => {
  await stopTestApp(app);
});

describe('POST /Groups', () => {
  it('creates a group with members, stored as rows and not in the resource', async () => {
    const response = await scim('/Groups', {
      method: 'POST',
      body: groupBody('Engineering', [], {
        externalId: 'okta-00g1',
        members: [
          { value: users[0], type: 'User' },
          { value: users[1], display: 'ignored' },
        ],
      }),
    });
    expect(response.status).toBe(201);
    const { body, headers } = response;
    expect(body).toMatchObject({
      schemas: [GROUP_URN],
      displayName: 'Engineering',
      externalId: 'okta-00g1',
      members: [
        { value: users[0], display: 'member0@example.com', $ref: `${endpoint}/Users/${users[0]}`, type: 'User' },
        { value: users[1], display: 'member1@example.com', $ref: `${endpoint}/Users/${users[1]}`, type: 'User' },
      ],
      meta: { resourceType: 'Group', location: `${endpoint}/Groups/${body.id}`, version: 'W/"1"' },
    });
    expect(headers.get('location')).toBe(`${endpoint}/Groups/${body.id}`);
    expect(headers.get('etag')).toBe('W/"1"');
    const row = await rowOf(body.id);
    expect(row.resource.members).toBeUndefined();
    expect(await membershipCount(body.id)).toBe(2);
  });

  it('answers 409 uniqueness for a displayName that differs only in case', async () => {
    const duplicate = await scim('/Groups', { method: 'POST', body: groupBody('ENGINEERING') });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.scimType).toBe('uniqueness');
  });

  it('answers 400 invalidValue naming an unknown member, and stores nothing', async () => {
    const [groups, memberships] = [
      await app.strapi.db.query(GROUP_UID).count(),
      await app.strapi.db.query(MEMBERSHIP_UID).count(),
    ];
    const unknown = crypto.randomUUID();
    const response = await scim('/Groups', { method: 'POST', body: groupBody('Ghosts', [users[0], unknown]) });
    expect(response.status).toBe(400);
    expect(response.body.scimType).toBe('invalidValue');
    expect(response.body.detail).toContain(unknown);
    expect(await app.strapi.db.query(GROUP_UID).count()).toBe(groups);
    expect(await app.strapi.db.query(MEMBERSHIP_UID).count()).toBe(memberships);
  });

  it('refuses a nested group as a member', async () => {
    const inner = await createGroup('Inner');
    const response = await scim('/Groups', {
      method: 'POST',
      body: groupBody('Outer', [], { members: [{ value: inner.id, type: 'Group' }] }),
    });
    expect(response.status).toBe(400);
    expect(response.body.detail).toContain('nested groups');
  });

  it('keeps displayNames that differ only by an accent apart, on every database', async () => {
    await createGroup('Équipe');
    await createGroup('Equipe');
    const found = await scim(
      '/Groups?filter=' + encodeURIComponent('displayName eq "équipe"') + '&excludedAttributes=members',
    );
    expect(found.body.Resources.map((group: { displayName: string }) => group.displayName)).toEqual(['Équipe']);
  });
});

describe('GET /Groups', () => {
  let sales: { id: string };

  beforeAll(async () => {
    sales = await createGroup('Sales EMEA', [users[2], users[3]], { externalId: 'entra-42' });
  });

  it('gets a group with its members, and 404 for an unknown id', async () => {
    expect(await memberValues(sales.id)).toEqual(sorted([users[2], users[3]]));
    expect((await scim(`/Groups/${crypto.randomUUID()}`)).status).toBe(404);
  });

  it('finds a group by displayName eq without case and excludedAttributes=members (Entra) without reading memberships', async () => {
    let response: Awaited<ReturnType<typeof scim>> | undefined;
    const calls = await membershipQueriesDuring(async () => {
      response = await scim(
        '/Groups?filter=' + encodeURIComponent('displayName eq "sales emea"') + '&excludedAttributes=members',
      );
    });
    const listed = required(response, 'the list response');
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ totalResults: 1, itemsPerPage: 1 });
    expect(listed.body.Resources[0]).toMatchObject({ id: sales.id, displayName: 'Sales EMEA' });
    expect(listed.body.Resources[0].members).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('reads no memberships for a single group or a projection without members either', async () => {
    const calls = await membershipQueriesDuring(async () => {
      const one = await scim(`/Groups/${sales.id}?excludedAttributes=members`);
      expect(one.body.members).toBeUndefined();
      const named = await scim('/Groups?attributes=displayName,externalId');
      expect(named.body.Resources.every((group: Record<string, unknown>) => group.members === undefined)).toBe(true);
    });
    expect(calls).toEqual([]);
    const withMembers = await membershipQueriesDuring(() => scim(`/Groups/${sales.id}?attributes=members.value`));
    expect(withMembers.length).toBeGreaterThan(0);
  });

  it('lists groups with their members, and looks up by externalId (case-exact) and id', async () => {
    const all = await scim('/Groups?sortBy=displayName');
    expect(all.status).toBe(200);
    const listed = all.body.Resources.find((group: { id: string }) => group.id === sales.id);
    expect(listed.members.map((member: { value: string }) => member.value).sort()).toEqual(
      sorted([users[2], users[3]]),
    );
    expect((await scim('/Groups?filter=' + encodeURIComponent('externalId eq "entra-42"'))).body.totalResults).toBe(1);
    expect((await scim('/Groups?filter=' + encodeURIComponent('externalId eq "ENTRA-42"'))).body.totalResults).toBe(0);
    expect((await scim('/Groups?filter=' + encodeURIComponent(`id eq "${sales.id}"`))).body.totalResults).toBe(1);
  });

  it('filters groups by their members (members.value, display, type, pr, value paths, not) in the database', async () => {
    type Member = { value: string; display: string; type: string };
    const all = (await scim('/Groups?count=1000')).body.Resources as { id: string; members?: Member[] }[];
    const member = (await scim(`/Users/${users[2]}`)).body as { userName: string };
    const cases: [string, (members: Member[]) => boolean][] = [
      [`members.value eq "${users[2]}"`, (members) => members.some((m) => m.value === users[2])],
      [`members[value eq "${users[2]}"]`, (members) => members.some((m) => m.value === users[2])],
      [`not (members.value eq "${users[2]}")`, (members) => !members.some((m) => m.value === users[2])],
      [
        `members.display eq "${member.userName.toUpperCase()}"`,
        (members) => members.some((m) => m.display.toLowerCase() === member.userName.toLowerCase()),
      ],
      [
        `members[value eq "${users[3]}" or display co "${member.userName.slice(1, 4)}"]`,
        (members) => members.some((m) => m.value === users[3] || m.display.includes(member.userName.slice(1, 4))),
      ],
      [`members.type eq "User"`, (members) => members.length > 0],
      ['members pr', (members) => members.length > 0],
      ['members.$ref pr', (members) => members.length > 0],
      ['not (members pr)', (members) => members.length === 0],
      ['members eq null', (members) => members.length === 0],
      [
        `members.value eq "${users[2]}" and displayName sw "sales"`,
        (members) => members.some((m) => m.value === users[2]),
      ],
    ];
    for (const [filter, expected] of cases) {
      const response = await scim(`/Groups?count=1000&filter=${encodeURIComponent(filter)}`);
      expect([filter, response.status]).toEqual([filter, 200]);
      const want = all
        .filter((group) => expected(group.members ?? []))
        .filter((group) => !filter.includes('displayName sw') || group.id === sales.id)
        .map((group) => group.id)
        .sort();
      const got = (response.body.Resources as { id: string }[]).map((group) => group.id).sort();
      expect([filter, got]).toEqual([filter, want]);
    }
    expect(all.some((group) => (group.members ?? []).length === 0)).toBe(true);

    const ref = await scim('/Groups?filter=' + encodeURIComponent(`members.$ref eq "${endpoint}/Users/${users[2]}"`));
    expect(ref.status).toBe(400);
    expect(ref.body.scimType).toBe('invalidFilter');
    expect(ref.body.detail).toContain('members.$ref');
  });

  it('filters users by their groups (groups.value, groups.display, not groups pr) in the database', async () => {
    const inSales = await scim('/Users?count=1000&filter=' + encodeURIComponent(`groups.value eq "${sales.id}"`));
    expect(inSales.status).toBe(200);
    expect((inSales.body.Resources as { id: string }[]).map((user) => user.id).sort()).toEqual(
      sorted([users[2], users[3]]),
    );
    const byName = await scim('/Users?count=1000&filter=' + encodeURIComponent('groups.display eq "SALES EMEA"'));
    expect((byName.body.Resources as { id: string }[]).map((user) => user.id).sort()).toEqual(
      sorted([users[2], users[3]]),
    );
    const everyone = (await scim('/Users?count=1000')).body.Resources as { id: string; groups?: unknown[] }[];
    const ungrouped = await scim('/Users?count=1000&filter=' + encodeURIComponent('not (groups pr)'));
    expect((ungrouped.body.Resources as { id: string }[]).map((user) => user.id).sort()).toEqual(
      everyone
        .filter((user) => (user.groups ?? []).length === 0)
        .map((user) => user.id)
        .sort(),
    );
  });

  it('searches with POST /Groups/.search', async () => {
    const response = await scim('/Groups/.search', {
      method: 'POST',
      body: {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],
        filter: 'displayName sw "sales"',
        excludedAttributes: ['members'],
      },
    });
    expect(response.status).toBe(200);
    expect(response.body.totalResults).toBe(1);
    expect(response.body.Resources[0].members).toBeUndefined();
  });
});

describe('PATCH /Groups/:id', () => {
  it('adds a member (Entra "Add"): 204 with the new ETag, reading only the named member', async () => {
    const group = await createGroup('Patch add', [users[0]]);
    let response: Awaited<ReturnType<typeof scim>> | undefined;
    const calls = await membershipQueriesDuring(async () => {
      response = await patchGroup(group.id, { op: 'Add', path: 'members', value: [{ value: users[1] }] });
    });
    const patched = required(response, 'the PATCH response');
    expect(patched.status).toBe(204);
    expect(patched.headers.get('etag')).toBe('W/"2"');
    const reads = calls.filter((call) => call.method === 'findMany');
    expect(reads).toHaveLength(1);
    expect(JSON.stringify(reads[0].where)).toContain('userRef');
    expect(await memberValues(group.id)).toEqual(sorted([users[0], users[1]]));
  });

  it('returns the group with 200 when the client asks for attributes', async () => {
    const group = await createGroup('Patch with body', [users[0]]);
    const response = await scim(`/Groups/${group.id}?excludedAttributes=members`, {
      method: 'PATCH',
      body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'displayName', value: 'Patch with body 2' }] },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: group.id, displayName: 'Patch with body 2', meta: { version: 'W/"2"' } });
    expect(response.body.members).toBeUndefined();
  });

  it('returns the group with its members and 200 for Prefer: return=representation', async () => {
    const group = await createGroup('Patch preferred', [users[0]]);
    const response = await scim(`/Groups/${group.id}`, {
      method: 'PATCH',
      headers: { prefer: 'return=representation' },
      body: { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: [{ value: users[1] }] }] },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('W/"2"');
    expect(response.body).toMatchObject({ id: group.id, displayName: 'Patch preferred', meta: { version: 'W/"2"' } });
    expect((response.body.members as { value: string }[]).map((member) => member.value).sort()).toEqual(
      sorted([users[0], users[1]]),
    );
  });

  it('returns the group with 200 to Okta, and records the quirk in the activity log', async () => {
    const group = await createGroup('Patch from Okta', [users[0]]);
    const response = await scim(`/Groups/${group.id}`, {
      method: 'PATCH',
      headers: { 'user-agent': 'Okta SCIM Client 1.0.0' },
      body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { displayName: 'Patch from Okta 2' } }] },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: group.id,
      displayName: 'Patch from Okta 2',
      members: [{ value: users[0] }],
    });
    const [entry] = await app.strapi.db.query('plugin::scim.activity-entry').findMany({
      where: { resourceId: group.id, method: 'PATCH' },
      orderBy: { id: 'desc' },
      limit: 1,
    });
    expect(entry.quirks).toContain('okta-patch-returns-resource');
  });

  it('removes a member with members[value eq "..."] (Entra aadOptscim062020, Okta)', async () => {
    const group = await createGroup('Patch remove filter', [users[0], users[1], users[2]]);
    expect((await patchGroup(group.id, { op: 'remove', path: `members[value eq "${users[1]}"]` })).status).toBe(204);
    expect(await memberValues(group.id)).toEqual(sorted([users[0], users[2]]));
  });

  it('removes members listed in a value array (Entra default)', async () => {
    const group = await createGroup('Patch remove array', [users[0], users[1], users[2]]);
    const response = await patchGroup(group.id, {
      op: 'Remove',
      path: 'members',
      value: [{ value: users[0] }, { value: users[2] }],
    });
    expect(response.status).toBe(204);
    expect(await memberValues(group.id)).toEqual([users[1]]);
  });

  it('renames, adds and removes in one PATCH (Okta group push)', async () => {
    const group = await createGroup('Okta push', [users[0], users[2]]);
    const response = await patchGroup(
      group.id,
      { op: 'replace', value: { id: group.id, displayName: 'Okta push (renamed)' } },
      { op: 'remove', path: `members[value eq "${users[2]}"]` },
      {
        op: 'add',
        path: 'members',
        value: [
          { value: users[3], display: 'member3@example.com' },
          { value: users[0], display: 'member0@example.com' },
        ],
      },
    );
    expect(response.status).toBe(204);
    const { body } = await scim(`/Groups/${group.id}`);
    expect(body.displayName).toBe('Okta push (renamed)');
    expect(body.members.map((member: { value: string }) => member.value).sort()).toEqual(sorted([users[0], users[3]]));
    expect(await membershipCount(group.id)).toBe(2);
  });

  it('empties a group with replace members []', async () => {
    const group = await createGroup('Patch replace empty', [users[0], users[1]]);
    expect((await patchGroup(group.id, { op: 'replace', path: 'members', value: [] })).status).toBe(204);
    expect(await memberValues(group.id)).toEqual([]);
    expect(await membershipCount(group.id)).toBe(0);
  });

  it('skips an unknown member id in an add, applies the rest and names it in the activity log', async () => {
    const group = await createGroup('Patch unknown', [users[0]]);
    const unknown = crypto.randomUUID();
    const response = await patchGroup(
      group.id,
      { op: 'replace', path: 'displayName', value: 'Patch unknown renamed' },
      { op: 'add', path: 'members', value: [{ value: unknown }, { value: users[1] }] },
    );
    expect(response.status).toBe(204);
    const after = await scim(`/Groups/${group.id}`);
    expect(after.body.displayName).toBe('Patch unknown renamed');
    expect(await memberValues(group.id)).toEqual([users[0], users[1]].sort());
    expect(await membershipCount(group.id)).toBe(2);
    const [entry] = await app.strapi.db.query('plugin::scim.activity-entry').findMany({
      where: { resourceId: group.id, method: 'PATCH' },
      orderBy: { id: 'desc' },
      limit: 1,
    });
    expect(entry.detail).toContain(unknown);
    expect(entry.quirks).toContain('group-member-unknown-id-skipped');
  });

  it('answers 409 for a rename onto another group and changes nothing', async () => {
    const group = await createGroup('Patch conflict', [users[0]]);
    const rename = await patchGroup(group.id, { op: 'replace', path: 'displayName', value: 'engineering' });
    expect(rename.status).toBe(409);
    expect((await scim(`/Groups/${group.id}`)).body).toMatchObject({
      displayName: 'Patch conflict',
      meta: { version: 'W/"1"' },
    });
  });

  it('writes nothing for a removal of someone who is not a member (a retried request)', async () => {
    const group = await createGroup('Patch noop', [users[0]]);
    const response = await patchGroup(group.id, { op: 'remove', path: `members[value eq "${users[5]}"]` });
    expect(response.status).toBe(204);
    expect(response.headers.get('etag')).toBe('W/"1"');
  });

  it('keeps all of 50 parallel PATCHes that each add a different member, with no duplicate rows', async () => {
    const group = await createGroup('Parallel adds');
    const added = users.slice(30, 80);
    const responses = await Promise.all(
      added.map((value) => patchGroup(group.id, { op: 'add', path: 'members', value: [{ value }] })),
    );
    expect(responses.map((response) => response.status)).toEqual(added.map(() => 204));
    expect(await memberValues(group.id)).toEqual(sorted(added));
    const rows = await app.strapi.db
      .query(MEMBERSHIP_UID)
      .findMany({ where: { groupRef: (await rowOf(group.id)).id } });
    expect(rows).toHaveLength(50);
    expect(new Set(rows.map((row: { userRef: number }) => row.userRef)).size).toBe(50);
    expect((await scim(`/Groups/${group.id}`)).body.meta.version).toBe('W/"51"');
  });

  it('lets exactly one of 10 parallel PATCHes with the same If-Match through, the rest 412', async () => {
    const group = await createGroup('If-Match race');
    const candidates = users.slice(30, 40);
    const responses = await Promise.all(
      candidates.map((value) =>
        withHeaders(
          `/Groups/${group.id}`,
          'PATCH',
          { 'If-Match': 'W/"1"' },
          { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: [{ value }] }] },
        ),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 204)).toHaveLength(1);
    expect(statuses.filter((status) => status === 412)).toHaveLength(9);
    const winner = candidates[statuses.indexOf(204)];
    expect(await memberValues(group.id)).toEqual([winner]);
    expect(await membershipCount(group.id)).toBe(1);
    expect((await scim(`/Groups/${group.id}`)).body.meta.version).toBe('W/"2"');
  });
});

describe('PUT, DELETE and preconditions', () => {
  it('replaces the members with PUT, writing only the difference', async () => {
    const group = await createGroup('Put me', [users[0], users[1]]);
    const before = await app.strapi.db
      .query(MEMBERSHIP_UID)
      .findOne({ where: { groupRef: (await rowOf(group.id)).id, userRef: await userRefOf(users[1]) } });
    const response = await scim(`/Groups/${group.id}`, {
      method: 'PUT',
      body: groupBody('Put me', [users[1], users[2]], { id: group.id }),
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: group.id, meta: { version: 'W/"2"' } });
    expect(response.body.members.map((member: { value: string }) => member.value)).toEqual([users[1], users[2]]);
    expect(await memberValues(group.id)).toEqual(sorted([users[1], users[2]]));
    const kept = await app.strapi.db
      .query(MEMBERSHIP_UID)
      .findOne({ where: { groupRef: (await rowOf(group.id)).id, userRef: await userRefOf(users[1]) } });
    expect(kept.id).toBe(before.id);
  });

  it('deletes a group: 204, then 404, and its membership rows are gone', async () => {
    const group = await createGroup('Delete me', [users[0], users[1]]);
    const groupRef = (await rowOf(group.id)).id;
    expect((await scim(`/Groups/${group.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await scim(`/Groups/${group.id}`)).status).toBe(404);
    expect(await app.strapi.db.query(MEMBERSHIP_UID).count({ where: { groupRef } })).toBe(0);
    expect((await scim(`/Groups/${group.id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('honours If-Match (412 when stale) and If-None-Match (304 when current)', async () => {
    const group = await createGroup('Etag group', [users[0]]);
    expect((await patchGroup(group.id, { op: 'add', path: 'members', value: [{ value: users[1] }] })).status).toBe(204);
    const stalePatch = await withHeaders(
      `/Groups/${group.id}`,
      'PATCH',
      { 'If-Match': 'W/"1"' },
      {
        schemas: [PATCH_OP],
        Operations: [{ op: 'add', path: 'members', value: [{ value: users[2] }] }],
      },
    );
    expect(stalePatch.status).toBe(412);
    const stalePut = await withHeaders(`/Groups/${group.id}`, 'PUT', { 'If-Match': 'W/"1"' }, groupBody('Etag group'));
    expect(stalePut.status).toBe(412);
    expect((await withHeaders(`/Groups/${group.id}`, 'DELETE', { 'If-Match': 'W/"1"' })).status).toBe(412);
    expect(await memberValues(group.id)).toEqual(sorted([users[0], users[1]]));
    expect((await withHeaders(`/Groups/${group.id}`, 'GET', { 'If-None-Match': 'W/"2"' })).status).toBe(304);
    expect((await withHeaders(`/Groups/${group.id}`, 'DELETE', { 'If-Match': 'W/"2"' })).status).toBe(204);
  });
});

describe('the user side of memberships', () => {
  it("gives each user its groups, and removeUser deletes a user's membership rows", async () => {
    const first = await createGroup('Readers', [users[26], users[27]]);
    const second = await createGroup('Writers', [users[26]]);
    const [ref26, ref27, ref28] = await Promise.all([users[26], users[27], users[28]].map(userRefOf));
    const groups = await groupsOfUsers(app.strapi, [ref26, ref27, ref28], endpoint);
    expect(groups.get(ref26)).toEqual([
      { value: first.id, display: 'Readers', $ref: `${endpoint}/Groups/${first.id}`, type: 'direct' },
      { value: second.id, display: 'Writers', $ref: `${endpoint}/Groups/${second.id}`, type: 'direct' },
    ]);
    expect(groups.get(ref27)?.map((group) => group.value)).toEqual([first.id]);
    expect(groups.get(ref28)).toEqual([]);
    await createMembershipRepository(app.strapi).removeUser(ref26);
    expect(await memberValues(first.id)).toEqual([users[27]]);
    expect(await memberValues(second.id)).toEqual([]);
  });
});
