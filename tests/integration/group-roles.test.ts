import type { AdminApi } from './support/admin-api';
import { PATCH_OP, startProvisioningApp, type ProvisioningApp } from './support/provisioning-app';
import { stopTestApp, type TestApp } from './support/test-app';

/** Group-to-role mapping: membership and mapping changes recompute the admin users' roles. */
let app: TestApp;
let api: AdminApi;
let scim: ProvisioningApp['scim'];
let roles: Record<string, number>;

const createUser = async (email: string) =>
  (
    await scim('/Users', {
      method: 'POST',
      body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: email },
    })
  ).body;
const createGroup = async (displayName: string, members: string[] = []) =>
  (
    await scim('/Groups', {
      method: 'POST',
      body: {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
        displayName,
        members: members.map((value) => ({ value })),
      },
    })
  ).body;
const rolesOf = async (email: string) => {
  const user = await app.strapi.db
    .query('admin::user')
    .findOne({ where: { email }, populate: { roles: { select: ['code'] } } });
  return user.roles.map((role: { code: string }) => role.code).sort();
};
const patchMembers = (groupId: string, op: string, value: unknown, path = 'members') =>
  scim(`/Groups/${groupId}`, { method: 'PATCH', body: { schemas: [PATCH_OP], Operations: [{ op, path, value }] } });

beforeAll(async () => {
  ({ app, api, scim, roleIds: roles } = await startProvisioningApp());
});

afterAll(async () => {
  await stopTestApp(app);
});

it('gives members of a mapped group its role on top of the default role, and takes it back', async () => {
  const ada = await createUser('ada@example.com');
  const bob = await createUser('bob@example.com');
  const editors = await createGroup('Editors', [ada.id]);
  expect(await rolesOf('ada@example.com')).toEqual(['strapi-author']);

  const mapped = await api.call('PUT', '/scim/settings', {
    groupRoleMappings: [{ groupId: editors.id, roleId: roles['strapi-editor'] }],
  });
  expect(mapped.status).toBe(200);
  expect(mapped.body.data.groupRoleMappings).toEqual([{ groupId: editors.id, roleId: roles['strapi-editor'] }]);
  expect(await rolesOf('ada@example.com')).toEqual(['strapi-author', 'strapi-editor']);
  expect(await rolesOf('bob@example.com')).toEqual(['strapi-author']);

  expect((await patchMembers(editors.id, 'add', [{ value: bob.id }])).status).toBe(204);
  expect(await rolesOf('bob@example.com')).toEqual(['strapi-author', 'strapi-editor']);

  expect((await patchMembers(editors.id, 'remove', undefined, `members[value eq "${ada.id}"]`)).status).toBe(204);
  expect(await rolesOf('ada@example.com')).toEqual(['strapi-author']);

  expect((await scim(`/Groups/${editors.id}`, { method: 'DELETE' })).status).toBe(204);
  expect(await rolesOf('bob@example.com')).toEqual(['strapi-author']);
});

it('gives a new user the mapped roles of the groups it is added to, and records what it did', async () => {
  const group = await createGroup('Writers');
  await api.call('PUT', '/scim/settings', {
    groupRoleMappings: [{ groupId: group.id, roleId: roles['strapi-editor'] }],
  });
  const cy = await createUser('cy@example.com');
  await patchMembers(group.id, 'Add', [{ value: cy.id }]);
  expect(await rolesOf('cy@example.com')).toEqual(['strapi-author', 'strapi-editor']);
  const [entry] = await app.strapi.db
    .query('plugin::scim.activity-entry')
    .findMany({ where: { resourceType: 'Group', operation: 'patch', resourceId: group.id } });
  expect(entry).toMatchObject({
    outcome: 'success',
    mode: 'production',
    changes: ['members'],
    hostAction: 'recomputed the roles of 1 member(s)',
  });
});

it('writes no admin user whose roles a membership change leaves as they are', async () => {
  const both = await createGroup('Mapped twice A');
  const other = await createGroup('Mapped twice B');
  await api.call('PUT', '/scim/settings', {
    groupRoleMappings: [
      { groupId: both.id, roleId: roles['strapi-editor'] },
      { groupId: other.id, roleId: roles['strapi-editor'] },
    ],
  });
  const dee = await createUser('dee@example.com');
  await patchMembers(other.id, 'add', [{ value: dee.id }]);
  expect(await rolesOf('dee@example.com')).toEqual(['strapi-author', 'strapi-editor']);

  const userService = app.strapi.service('admin::user');
  const original = userService.updateById;
  const updated: unknown[] = [];
  userService.updateById = (id: unknown, attributes: unknown) => (
    updated.push(id),
    original.call(userService, id, attributes)
  );
  try {
    // Dee already holds Editor through the other group: joining this one changes nothing on the admin user.
    expect((await patchMembers(both.id, 'add', [{ value: dee.id }])).status).toBe(204);
    expect(updated).toEqual([]);
    expect(await rolesOf('dee@example.com')).toEqual(['strapi-author', 'strapi-editor']);
    // Leaving both does: one update, back to the default role.
    await patchMembers(both.id, 'remove', undefined, `members[value eq "${dee.id}"]`);
    expect(updated).toEqual([]);
    await patchMembers(other.id, 'remove', undefined, `members[value eq "${dee.id}"]`);
    expect(updated).toHaveLength(1);
    expect(await rolesOf('dee@example.com')).toEqual(['strapi-author']);
  } finally {
    userService.updateById = original;
  }
});

it('refuses a mapping to the Super Admin role or to an unknown group, naming the field', async () => {
  const group = await createGroup('Admins');
  const superAdmin = await api.call('PUT', '/scim/settings', {
    groupRoleMappings: [{ groupId: group.id, roleId: roles['strapi-super-admin'] }],
  });
  expect(superAdmin.status).toBe(400);
  expect(superAdmin.body.error.message).toContain('groupRoleMappings.0.roleId');
  const unknown = await api.call('PUT', '/scim/settings', {
    groupRoleMappings: [{ groupId: 'nope', roleId: roles['strapi-editor'] }],
  });
  expect(unknown.status).toBe(400);
  expect(unknown.body.error.message).toContain('groupRoleMappings.0.groupId');
});

it('lists provisioned groups for the mapping, by displayName prefix, to admins who may read settings', async () => {
  const { status, body } = await api.call('GET', '/scim/groups?search=wri');
  expect(status).toBe(200);
  expect(body.data.results.map((group: { displayName: string }) => group.displayName)).toEqual(['Writers']);
  expect(body.data.results[0].id).toMatch(/^[0-9a-f-]{36}$/);
  expect((await api.call('GET', '/scim/groups?pageSize=1000')).status).toBe(400);
});

describe('races between user writes and membership changes', () => {
  const members = async (groupId: string) =>
    ((await scim(`/Groups/${groupId}`)).body.members ?? []).map((member: { value: string }) => member.value).sort();

  it('keeps the mapped role when a PATCH of the user races the group PATCH that adds it', async () => {
    const group = await createGroup('Racers');
    await api.call('PUT', '/scim/settings', {
      groupRoleMappings: [{ groupId: group.id, roleId: roles['strapi-editor'] }],
    });
    const racers = await Promise.all(Array.from({ length: 12 }, (_, index) => createUser(`racer${index}@example.com`)));
    const responses = await Promise.all(
      racers.flatMap((user: { id: string }) => [
        scim(`/Users/${user.id}`, {
          method: 'PATCH',
          body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'title', value: 'Racer' }] },
        }),
        patchMembers(group.id, 'add', [{ value: user.id }]),
      ]),
    );
    expect(responses.map((response) => response.status).sort()).toEqual(racers.flatMap(() => [204, 204]).sort());
    for (let index = 0; index < racers.length; index++) {
      expect(await rolesOf(`racer${index}@example.com`)).toEqual(['strapi-author', 'strapi-editor']);
    }
  });

  it('leaves no membership of a deleted user when the DELETE races the group PATCH that adds it', async () => {
    const group = await createGroup('Leavers');
    const leavers = await Promise.all(
      Array.from({ length: 12 }, (_, index) => createUser(`leaver${index}@example.com`)),
    );
    const responses = await Promise.all(
      leavers.flatMap((user: { id: string }) => [
        scim(`/Users/${user.id}`, { method: 'DELETE' }),
        patchMembers(group.id, 'add', [{ value: user.id }]),
      ]),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((_, index) => index % 2 === 0)).toEqual(leavers.map(() => 204));
    for (const status of statuses.filter((_, index) => index % 2 === 1)) expect([204, 400]).toContain(status);
    expect(await members(group.id)).toEqual([]);
    const groupRef = (await app.strapi.db.query('plugin::scim.scim-group').findOne({ where: { scimId: group.id } })).id;
    expect(await app.strapi.db.query('plugin::scim.scim-membership').count({ where: { groupRef } })).toBe(0);
  });
});
