/**
 * Every entry of the quirk catalogue is reachable: one request per quirk id, sent to the playground, reports
 * that id where it applies. A write reports it in its activity entry; a request that writes nothing (a read,
 * discovery) reports it on the secret it used (`quirksSeen` in the admin secrets list).
 */
import { QUIRKS, type QuirkId } from '../../server/src/scim/quirks';
import { adminApi, scimRequest, type ApiResponse } from './support/admin-api';
import { startTestApp, type TestApp } from './support/test-app';

const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const ENTERPRISE_URN = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ENTRY_UID = 'plugin::scim.activity-entry';

let app: TestApp;
let api: ReturnType<typeof adminApi>;
let endpoint: string;
let secret: string;
/** A User that reads and PATCHes address, with a work email that is primary. */
let userId: string;
let serial = 0;

type Init = Parameters<typeof scimRequest>[1];
type Scim = (path: string, init?: Init) => Promise<ApiResponse>;

const scimWith =
  (withSecret: string): Scim =>
  (path, init = {}) =>
    scimRequest(`${endpoint}${path}`, { secret: withSecret, ...init });

const unique = (prefix: string) => `${prefix}.${(serial += 1)}@example.com`;
const newUser = (extra: Record<string, unknown> = {}) => ({ schemas: [USER_URN], userName: unique('quirk'), ...extra });
const patchBody = (...operations: unknown[]) => ({ schemas: [PATCH_OP], Operations: operations });
const query = (name: string, value: string) => `${name}=${encodeURIComponent(value)}`;

const created = async (scim: Scim, path: string, body: object): Promise<string> => {
  const response = await scim(path, { method: 'POST', body });
  expect(response.status).toBe(201);
  return (response.body as { id: string }).id;
};
const groupWithMember = (scim: Scim) =>
  created(scim, '/Groups', {
    schemas: [GROUP_URN],
    displayName: unique('group'),
    members: [{ value: userId, type: 'User' }],
  });

interface Trigger {
  /** A write reports in its activity entry, a request that writes nothing on its secret. */
  reportedIn: 'activity' | 'secret';
  /** Requests the trigger needs first (not checked); returns an id for `send`. */
  prepare?: (scim: Scim) => Promise<string>;
  send: (scim: Scim, prepared: string, secretUsed: string) => Promise<ApiResponse>;
}

const write = (send: Trigger['send'], prepare?: Trigger['prepare']): Trigger => ({
  reportedIn: 'activity',
  send,
  prepare,
});
const read = (send: Trigger['send']): Trigger => ({ reportedIn: 'secret', send });
const patchUser = (scim: Scim, ...operations: unknown[]) =>
  scim(`/Users/${userId}`, { method: 'PATCH', body: patchBody(...operations) });

const TRIGGERS = {
  'attribute-name-any-case': write((scim) =>
    scim('/Users', { method: 'POST', body: { schemas: [USER_URN], USERNAME: unique('case') } }),
  ),
  'boolean-as-string': write((scim) => scim('/Users', { method: 'POST', body: newUser({ active: 'True' }) })),
  'single-element-array-for-scalar': write((scim) =>
    scim('/Users', { method: 'POST', body: newUser({ displayName: ['Ann'] }) }),
  ),
  'manager-as-bare-id': write((scim) =>
    scim('/Users', { method: 'POST', body: newUser({ [ENTERPRISE_URN]: { manager: userId } }) }),
  ),
  'manager-empty-string-clears': write((scim) =>
    scim('/Users', { method: 'POST', body: newUser({ [ENTERPRISE_URN]: { manager: '' } }) }),
  ),
  'entra-legacy-group-schema': write((scim) =>
    scim('/Groups', {
      method: 'POST',
      body: {
        schemas: ['http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/Group'],
        displayName: unique('legacy'),
      },
    }),
  ),
  'client-id-and-meta-ignored': write((scim) =>
    scim('/Users', { method: 'POST', body: newUser({ id: 'client-chosen', meta: { resourceType: 'User' } }) }),
  ),
  'read-only-attribute-ignored': write((scim) => scim('/Users', { method: 'POST', body: newUser({ groups: [] }) })),
  'unknown-attribute-ignored': write((scim) => scim('/Users', { method: 'POST', body: newUser({ garbage: 'x' }) })),
  'urn-qualified-attribute-key': write((scim) =>
    scim('/Users', { method: 'POST', body: newUser({ [`${ENTERPRISE_URN}:department`]: 'Sales' }) }),
  ),
  'dotted-attribute-key': write((scim) => patchUser(scim, { op: 'replace', value: { 'name.givenName': 'Dotted' } })),
  'patch-op-any-case': write((scim) => patchUser(scim, { op: 'Replace', path: 'displayName', value: 'Any Case' })),
  'patch-remove-members-by-value-array': write(
    (scim, groupId) =>
      scim(`/Groups/${groupId}`, {
        method: 'PATCH',
        body: patchBody({ op: 'Remove', path: 'members', value: [{ value: userId }] }),
      }),
    groupWithMember,
  ),
  'patch-remove-members-filter-path': write(
    (scim, groupId) =>
      scim(`/Groups/${groupId}`, {
        method: 'PATCH',
        body: patchBody({ op: 'remove', path: `members[value eq "${userId}"]` }),
      }),
    groupWithMember,
  ),
  'patch-filtered-add-creates-element': write(
    (scim, id) =>
      scim(`/Users/${id}`, {
        method: 'PATCH',
        body: patchBody({ op: 'add', path: 'phoneNumbers[type eq "work"].value', value: '+1 555 0100' }),
      }),
    (scim) => created(scim, '/Users', newUser()),
  ),
  'patch-missing-op-is-replace': write((scim) => patchUser(scim, { path: 'displayName', value: 'No Op' })),
  'patch-empty-operations-noop': write((scim) => patchUser(scim)),
  'patch-schemas-missing': write((scim) =>
    scim(`/Users/${userId}`, {
      method: 'PATCH',
      body: { Operations: [{ op: 'replace', path: 'title', value: 'No Schemas' }] },
    }),
  ),
  'patch-single-value-for-list': write(
    (scim, groupId) =>
      scim(`/Groups/${groupId}`, { method: 'PATCH', body: patchBody({ op: 'add', path: 'members', value: userId }) }),
    (scim) => created(scim, '/Groups', { schemas: [GROUP_URN], displayName: unique('single') }),
  ),
  'okta-deactivate-pathless-replace': write(
    (scim, id) =>
      scim(`/Users/${id}`, { method: 'PATCH', body: patchBody({ op: 'replace', value: { active: false } }) }),
    (scim) => created(scim, '/Users', newUser()),
  ),
  'group-member-type-missing': write((scim) =>
    scim('/Groups', {
      method: 'POST',
      body: { schemas: [GROUP_URN], displayName: unique('untyped'), members: [{ value: userId }] },
    }),
  ),
  'group-member-unknown-id-skipped': write(
    (scim, groupId) =>
      scim(`/Groups/${groupId}`, {
        method: 'PATCH',
        body: patchBody({ op: 'add', path: 'members', value: [{ value: '00000000-0000-4000-8000-000000000000' }] }),
      }),
    (scim) => created(scim, '/Groups', { schemas: [GROUP_URN], displayName: unique('skipped') }),
  ),
  // Fired by the resource pipeline's PATCH response (branch of the #15 resource pipeline).
  'okta-patch-returns-resource': write((scim) =>
    scim(`/Users/${userId}`, {
      method: 'PATCH',
      headers: { 'user-agent': 'Okta SCIM Client 1.0.0' },
      body: patchBody({ op: 'replace', path: 'nickName', value: 'Okta' }),
    }),
  ),
  'bearer-prefix-missing': read((scim, _prepared, secretUsed) => scim('/Users?count=1', { authorization: secretUsed })),
  'filter-string-boolean': read((scim) => scim(`/Users?${query('filter', 'active eq "true"')}`)),
  'filter-unquoted-value': read((scim) => scim(`/Users?${query('filter', 'userName sw quirk')}`)),
  'attributes-value-filter': read((scim) => scim(`/Users/${userId}?${query('attributes', 'emails[type eq "work"]')}`)),
  'service-configuration-alias': read((scim) => scim('/serviceConfiguration')),
} satisfies Record<QuirkId, Trigger>;

const lastEntryId = async (): Promise<number> => {
  const query = app.strapi.db.query(ENTRY_UID);
  const rows = (await query.findMany({ select: ['id'], orderBy: { id: 'desc' }, limit: 1 })) as { id: number }[];
  return rows.at(0)?.id ?? 0;
};

const quirksSeenOf = async (secretId: number): Promise<string[]> => {
  const listed = await api.call<{ data: { id: number; quirksSeen: string[] }[] }>('GET', '/scim/secrets');
  const row = listed.body.data.find((secret) => secret.id === secretId);
  if (!row) throw new Error(`secret ${secretId} is not listed`);
  return row.quirksSeen;
};

beforeAll(async () => {
  app = await startTestApp();
  api = adminApi(app.baseUrl, await app.login());
  endpoint = (await api.enable()).endpointUrl as string;
  secret = (await api.createSecret('quirk catalogue')).secret;
  userId = await created(
    scimWith(secret),
    '/Users',
    newUser({ emails: [{ value: unique('mail'), type: 'work', primary: true }] }),
  );
});

afterAll(async () => {
  await app.stop();
});

it('has a trigger for every catalogue entry, and none for an id the catalogue does not have', () => {
  expect(Object.keys(TRIGGERS).sort()).toEqual(QUIRKS.map((quirk) => quirk.id).sort());
});

describe.each(Object.entries(TRIGGERS) as [QuirkId, Trigger][])('%s', (id, trigger) => {
  if (trigger.reportedIn === 'activity') {
    it('is reported in the activity entry of the write', async () => {
      const scim = scimWith(secret);
      const prepared = trigger.prepare ? await trigger.prepare(scim) : '';
      const before = await lastEntryId();
      const response = await trigger.send(scim, prepared, secret);
      expect(response.status).toBeLessThan(300);
      const entries = await app.strapi.db.query(ENTRY_UID).findMany({ where: { id: { $gt: before } } });
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ outcome: 'success' });
      expect(entries[0].quirks).toContain(id);
    });
  } else {
    it("is reported in the quirksSeen of the request's secret, and the read writes no activity entry", async () => {
      const own = await api.createSecret(`reads ${id}`);
      const before = await lastEntryId();
      const response = await trigger.send(scimWith(own.secret), '', own.secret);
      expect(response.status).toBe(200);
      expect(await lastEntryId()).toBe(before);
      expect(await quirksSeenOf(own.id)).toContain(id);
    });
  }
});

it('leaves quirksSeen empty for reads that use no quirk', async () => {
  const own = await api.createSecret('plain reads');
  const scim = scimWith(own.secret);
  expect((await scim(`/Users?${query('filter', 'userName eq "nobody@example.com"')}`)).status).toBe(200);
  expect((await scim(`/Users/${userId}`)).status).toBe(200);
  expect((await scim('/ServiceProviderConfig')).status).toBe(200);
  expect(await quirksSeenOf(own.id)).toEqual([]);
});

it('adds each quirk to a secret once, in the order the client first used them', async () => {
  const own = await api.createSecret('several reads');
  const scim = scimWith(own.secret);
  await scim('/serviceConfiguration');
  await scim(`/Users?${query('filter', 'userName sw quirk')}`, { authorization: own.secret });
  await scim('/serviceConfiguration', { authorization: own.secret });
  expect(await quirksSeenOf(own.id)).toEqual([
    'service-configuration-alias',
    'bearer-prefix-missing',
    'filter-unquoted-value',
  ]);
});
