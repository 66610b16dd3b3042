import type { AdminApi } from './support/admin-api';
import { PATCH_OP, startProvisioningApp, type ProvisioningApp } from './support/provisioning-app';
import { stopTestApp, type TestApp } from './support/test-app';

/** SCIM users applied to Strapi admin users: test mode, production mode, the switch, deprovisioning. */
let app: TestApp;
let api: AdminApi;
let scim: ProvisioningApp['scim'];

const userBody = (userName: string, extra: Record<string, unknown> = {}) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName,
  name: { givenName: 'Grace', familyName: 'Hopper' },
  emails: [{ value: userName, type: 'work', primary: true }],
  active: true,
  ...extra,
});
const adminUser = (email: string) =>
  app.strapi.db.query('admin::user').findOne({ where: { email }, populate: { roles: { select: ['code'] } } });
const scimRow = (scimId: string) => app.strapi.db.query('plugin::scim.scim-user').findOne({ where: { scimId } });
const setMode = (productionMode: boolean) => api.call('PUT', '/scim/settings', { productionMode });

beforeAll(async () => {
  ({ app, api, scim } = await startProvisioningApp({ testMode: true }));
});

afterAll(async () => {
  await stopTestApp(app);
});

describe('test mode', () => {
  it('answers and stores users but leaves Strapi admin users untouched', async () => {
    const created = await scim('/Users', { method: 'POST', body: userBody('Test.Mode@Example.com') });
    expect(created.status).toBe(201);
    expect(await adminUser('test.mode@example.com')).toBeNull();
    expect(await scimRow(created.body.id)).toMatchObject({ applied: false, hostUserId: null });
  });
});

describe('switching production mode on', () => {
  it('applies every user provisioned in test mode, with the default role, lower-cased email', async () => {
    expect((await api.call('GET', '/scim/settings')).body.data.provisioned).toEqual({
      users: 1,
      groups: 0,
      appliedUsers: 0,
    });
    const response = await setMode(true);
    expect(response.status).toBe(200);
    await api.settleProductionJob();
    const admin = await adminUser('test.mode@example.com');
    expect(admin).toMatchObject({ firstname: 'Grace', lastname: 'Hopper', isActive: true });
    expect(admin.roles.map((role: { code: string }) => role.code)).toEqual(['strapi-author']);
    const progress = await app.strapi.db
      .query('plugin::scim.activity-entry')
      .findMany({ where: { operation: 'job-finished' } });
    expect(progress).toHaveLength(1);
    expect(progress[0]).toMatchObject({
      outcome: 'success',
      mode: 'production',
      detail: '1 of 1 users processed: 1 applied, 0 not applied',
    });
  });

  it('is idempotent: switching off and on again creates no second admin user', async () => {
    await setMode(false);
    await setMode(true);
    await api.settleProductionJob();
    expect(await app.strapi.db.query('admin::user').count({ where: { email: 'test.mode@example.com' } })).toBe(1);
  });
});

describe('production mode', () => {
  it('creates an admin user with the Author role while no default role is chosen', async () => {
    expect((await app.strapi.plugin('scim').service('settings').get({ withFallbackRole: false })).defaultRoleId).toBe(
      null,
    );
    const created = await scim('/Users', { method: 'POST', body: userBody('author.one@example.com') });
    expect(created.status).toBe(201);
    const admin = await adminUser('author.one@example.com');
    expect(admin.roles.map((role: { code: string }) => role.code)).toEqual(['strapi-author']);
  });

  it('creates an admin user with the chosen default role', async () => {
    const roles = (await api.call('GET', '/scim/settings')).body.data.roles;
    const editor = roles.find((role: { code: string }) => role.code === 'strapi-editor');
    await api.call('PUT', '/scim/settings', { defaultRoleId: editor.id });
    const created = await scim('/Users', { method: 'POST', body: userBody('editor.one@example.com') });
    expect(created.status).toBe(201);
    const admin = await adminUser('editor.one@example.com');
    expect(admin.roles.map((role: { code: string }) => role.code)).toEqual(['strapi-editor']);
    expect(await scimRow(created.body.id)).toMatchObject({ applied: true, hostUserId: admin.id });
  });

  it('updates names and email with PUT and PATCH', async () => {
    const { body } = await scim('/Users', { method: 'POST', body: userBody('rename.me@example.com') });
    await scim(`/Users/${body.id}`, {
      method: 'PUT',
      body: userBody('rename.me@example.com', { name: { givenName: 'Ada', familyName: 'Lovelace' } }),
    });
    expect(await adminUser('rename.me@example.com')).toMatchObject({ firstname: 'Ada', lastname: 'Lovelace' });
    await scim(`/Users/${body.id}`, {
      method: 'PATCH',
      body: {
        schemas: [PATCH_OP],
        Operations: [{ op: 'Replace', path: 'emails[type eq "work"].value', value: 'Renamed@Example.com' }],
      },
    });
    expect(await adminUser('rename.me@example.com')).toBeNull();
    expect(await adminUser('renamed@example.com')).toMatchObject({ firstname: 'Ada' });
  });

  it('refuses to take over an existing admin user with the same email (409), and stores nothing', async () => {
    const before = await app.strapi.db.query('plugin::scim.scim-user').count();
    const response = await scim('/Users', { method: 'POST', body: userBody('admin@example.com') });
    expect(response.status).toBe(409);
    expect(response.body.scimType).toBe('uniqueness');
    expect(response.body.detail).toMatch(/linkExistingUsers/);
    expect(await app.strapi.db.query('plugin::scim.scim-user').count()).toBe(before);
    expect(await adminUser('admin@example.com')).toMatchObject({ isActive: true });
  });

  it('keeps a user the host cannot hold yet, marked not applied, and applies it once it has an email', async () => {
    const created = await scim('/Users', {
      method: 'POST',
      body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'no-email-user' },
    });
    expect(created.status).toBe(201);
    expect(await scimRow(created.body.id)).toMatchObject({
      applied: false,
      hostUserId: null,
      notAppliedReason: expect.stringMatching(/email/),
    });
    const patched = await scim(`/Users/${created.body.id}`, {
      method: 'PATCH',
      body: {
        schemas: [PATCH_OP],
        Operations: [{ op: 'add', path: 'emails', value: [{ value: 'late.email@example.com', type: 'work' }] }],
      },
    });
    expect(patched.status).toBe(204);
    const admin = await adminUser('late.email@example.com');
    expect(await scimRow(created.body.id)).toMatchObject({
      applied: true,
      hostUserId: admin.id,
      notAppliedReason: null,
    });
  });

  it('signs a deactivated user out at once: a session issued before is refused after', async () => {
    const { body } = await scim('/Users', { method: 'POST', body: userBody('signed.in@example.com') });
    const admin = await adminUser('signed.in@example.com');
    await app.strapi
      .service('admin::user')
      .updateById(admin.id, { password: 'Signed-In-Password-1', registrationToken: null });
    const token = await app.login('signed.in@example.com', 'Signed-In-Password-1');
    const me = () => fetch(`${app.baseUrl}/admin/users/me`, { headers: { authorization: `Bearer ${token}` } });
    expect((await me()).status).toBe(200);

    const deactivated = await scim(`/Users/${body.id}`, {
      method: 'PATCH',
      body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] },
    });
    expect(deactivated.status).toBe(204);
    expect(await adminUser('signed.in@example.com')).toMatchObject({ isActive: false });
    expect((await me()).status).toBe(401);
    expect(await app.strapi.db.query('admin::session').count({ where: { userId: String(admin.id) } })).toBe(0);

    await scim(`/Users/${body.id}`, {
      method: 'PATCH',
      body: { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'active', value: 'True' }] },
    });
    expect(await adminUser('signed.in@example.com')).toMatchObject({ isActive: true });
  });

  it('deactivates the admin user on DELETE (the default onDelete) and answers 404 afterwards', async () => {
    const { body } = await scim('/Users', { method: 'POST', body: userBody('leaver@example.com') });
    expect((await scim(`/Users/${body.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await scim(`/Users/${body.id}`)).status).toBe(404);
    expect(await adminUser('leaver@example.com')).toMatchObject({ isActive: false });
  });

  it('takes the same admin user back, reactivated, when the same externalId is provisioned again', async () => {
    const first = (
      await scim('/Users', {
        method: 'POST',
        body: userBody('returning@example.com', { externalId: 'okta-00ureturn' }),
      })
    ).body;
    const admin = await adminUser('returning@example.com');
    expect((await scim(`/Users/${first.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await adminUser('returning@example.com')).toMatchObject({ id: admin.id, isActive: false });

    const again = await scim('/Users', {
      method: 'POST',
      body: userBody('returning@example.com', { externalId: 'okta-00ureturn' }),
    });
    expect(again.status).toBe(201);
    expect(await adminUser('returning@example.com')).toMatchObject({ id: admin.id, isActive: true });
    expect(await scimRow(again.body.id)).toMatchObject({ applied: true, hostUserId: admin.id, hostOrigin: 'created' });
  });

  describe('taking a released admin user back by externalId', () => {
    const release = async (email: string, externalId: string) => {
      const { body } = await scim('/Users', { method: 'POST', body: userBody(email, { externalId }) });
      const admin = await adminUser(email);
      expect((await scim(`/Users/${body.id}`, { method: 'DELETE' })).status).toBe(204);
      return admin.id as number;
    };
    const returning = (email: string, externalId: string) =>
      scim('/Users', {
        method: 'POST',
        body: userBody(email, { externalId, name: { givenName: 'Back', familyName: 'Again' } }),
      });
    const adminById = (id: number) =>
      app.strapi.db.query('admin::user').findOne({ where: { id }, populate: { roles: { select: ['code'] } } });

    it('refuses it with 409 uniqueness once an admin reactivated it, and changes nothing', async () => {
      const id = await release('reactivated@example.com', 'okta-reactivated');
      const editor = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } });
      const token = await app.login();
      const reactivated = await fetch(`${app.baseUrl}/admin/users/${id}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ isActive: true, roles: [editor.id] }),
      });
      expect(reactivated.status).toBe(200);
      const before = await adminById(id);

      const again = await returning('reactivated@example.com', 'okta-reactivated');
      expect(again.status).toBe(409);
      expect(again.body.scimType).toBe('uniqueness');
      expect(again.body.detail).toMatch(
        new RegExp(
          `admin user ${id} was kept deactivated, and that user was reactivated in Strapi since.*delete admin user ${id} in Strapi`,
        ),
      );
      expect(await adminById(id)).toEqual(before);
      expect(
        await app.strapi.db.query('plugin::scim.scim-user').count({ where: { externalId: 'okta-reactivated' } }),
      ).toBe(0);
      expect(
        await app.strapi.db.query('plugin::scim.released-link').count({ where: { externalId: 'okta-reactivated' } }),
      ).toBe(1);
    });

    it('refuses it with 409 uniqueness once an admin changed it, even while still inactive', async () => {
      const id = await release('repurposed@example.com', 'okta-repurposed');
      await app.strapi.service('admin::user').updateById(id, { email: 'someone.else@example.com' });
      const before = await adminById(id);

      const again = await returning('repurposed@example.com', 'okta-repurposed');
      expect(again.status).toBe(409);
      expect(again.body.scimType).toBe('uniqueness');
      expect(again.body.detail).toMatch(/was changed in Strapi since.*DELETE \/scim\/released-links\/okta-repurposed/);
      expect(await adminById(id)).toEqual(before);
      expect(await adminUser('repurposed@example.com')).toBeNull();
    });

    it('provisions a new admin user once an admin forgot the release, and leaves the changed one alone', async () => {
      const id = await release('kept.by.admin@example.com', 'okta-kept');
      await app.strapi.service('admin::user').updateById(id, { email: 'new.owner@example.com', isActive: true });
      const before = await adminById(id);
      expect((await returning('kept.by.admin@example.com', 'okta-kept')).status).toBe(409);

      expect((await api.call('DELETE', '/scim/released-links/okta-kept')).status).toBe(204);
      expect((await api.call('DELETE', '/scim/released-links/okta-kept')).status).toBe(404);
      const again = await returning('kept.by.admin@example.com', 'okta-kept');
      expect(again.status).toBe(201);
      const created = await adminUser('kept.by.admin@example.com');
      expect(created.id).not.toBe(id);
      expect(await scimRow(again.body.id)).toMatchObject({ hostUserId: created.id, hostOrigin: 'created' });
      expect(await adminById(id)).toEqual(before);
      const { body } = await api.call('GET', '/scim/activity?pageSize=100');
      expect(body.data.results).toContainEqual(
        expect.objectContaining({
          operation: 'forget-released-link',
          resourceName: 'okta-kept',
          actor: 'admin@example.com',
        }),
      );
    });

    it('refuses it with 409 once reactivated by a direct database write that left updatedAt as it was', async () => {
      const id = await release('raw.reactivated@example.com', 'okta-raw-reactivated');
      const { updatedAt } = await adminById(id);
      await app.strapi.db.connection('admin_users').where({ id }).update({ is_active: true });
      expect(await adminById(id)).toMatchObject({ isActive: true, updatedAt });
      const again = await returning('raw.reactivated@example.com', 'okta-raw-reactivated');
      expect(again.status).toBe(409);
      expect(again.body.detail).toMatch(/was reactivated in Strapi since/);
    });

    it('lets exactly one of parallel creates with its externalId (and different userNames) take it back', async () => {
      const id = await release('taken.once@example.com', 'okta-taken-once');
      const responses = await Promise.all(
        Array.from({ length: 8 }, (_, index) =>
          scim('/Users', {
            method: 'POST',
            body: userBody(`taken.once.${index}`, {
              externalId: 'okta-taken-once',
              emails: [{ value: 'taken.once@example.com', primary: true }],
            }),
          }),
        ),
      );
      expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
      expect(
        responses.filter((response) => response.status === 409 && response.body.scimType === 'uniqueness'),
      ).toHaveLength(7);
      expect(await app.strapi.db.query('plugin::scim.scim-user').count({ where: { hostUserId: id } })).toBe(1);
      expect(
        await app.strapi.db.query('plugin::scim.scim-user').count({ where: { externalId: 'okta-taken-once' } }),
      ).toBe(1);
    });

    it('creates a new admin user instead once the released one was deleted in Strapi', async () => {
      const id = await release('deleted.after@example.com', 'okta-deleted-after');
      await app.strapi.service('admin::user').updateById(id, { isActive: true });
      expect((await returning('deleted.after@example.com', 'okta-deleted-after')).status).toBe(409);
      await app.strapi.service('admin::user').deleteById(id);

      const again = await returning('deleted.after@example.com', 'okta-deleted-after');
      expect(again.status).toBe(201);
      const created = await adminUser('deleted.after@example.com');
      expect(created.id).not.toBe(id);
      expect(await scimRow(again.body.id)).toMatchObject({
        applied: true,
        hostUserId: created.id,
        hostOrigin: 'created',
      });
      expect(
        await app.strapi.db.query('plugin::scim.released-link').count({ where: { externalId: 'okta-deleted-after' } }),
      ).toBe(0);
    });
  });

  it('creates exactly one admin user for 100 parallel creates of one userName, the rest 409 uniqueness', async () => {
    const responses = await Promise.all(
      Array.from({ length: 100 }, () => scim('/Users', { method: 'POST', body: userBody('parallel@example.com') })),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(99);
    expect(
      responses
        .filter((response) => response.status === 409)
        .every((response) => response.body.scimType === 'uniqueness'),
    ).toBe(true);
    const admins = await app.strapi.db.query('admin::user').findMany({ where: { email: 'parallel@example.com' } });
    expect(admins).toHaveLength(1);
    const rows = await app.strapi.db
      .query('plugin::scim.scim-user')
      .findMany({ where: { userNameKey: 'parallel@example.com' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ applied: true, hostUserId: admins[0].id });
  });

  it('ends consistent when PUT races DELETE on one user: deleted, its admin user deactivated and remembered', async () => {
    for (let round = 0; round < 8; round++) {
      const email = `put.delete.${round}@example.com`;
      const externalId = `okta-race-${round}`;
      const { body } = await scim('/Users', { method: 'POST', body: userBody(email, { externalId }) });
      const admin = await adminUser(email);
      const [put, removal] = await Promise.all([
        scim(`/Users/${body.id}`, {
          method: 'PUT',
          body: userBody(email, { externalId, name: { givenName: 'Raced', familyName: `Round ${round}` } }),
        }),
        scim(`/Users/${body.id}`, { method: 'DELETE' }),
      ]);
      // Either the PUT ran first (200) or found the user gone (404); the DELETE always lands.
      expect([200, 404]).toContain(put.status);
      expect(removal.status).toBe(204);
      expect(await scimRow(body.id)).toBeNull();
      expect(await app.strapi.db.query('admin::user').findMany({ where: { email } })).toEqual([
        expect.objectContaining({ id: admin.id, isActive: false }),
      ]);
      const released = await app.strapi.db.query('plugin::scim.released-link').findMany({ where: { externalId } });
      expect(released).toEqual([expect.objectContaining({ hostUserId: admin.id })]);
      expect(await app.strapi.db.query('plugin::scim.scim-user').count({ where: { hostUserId: admin.id } })).toBe(0);
    }
  });

  it('refuses a second provisioned user with the email of the first (409), naming who holds it', async () => {
    await scim('/Users', { method: 'POST', body: userBody('shared@example.com') });
    const second = await scim('/Users', {
      method: 'POST',
      body: userBody('someone-else', { emails: [{ value: 'Shared@Example.com', primary: true }] }),
    });
    expect(second.status).toBe(409);
    expect(second.body.detail).toContain('"shared@example.com"');
    expect(await app.strapi.db.query('plugin::scim.scim-user').count({ where: { userNameKey: 'someone-else' } })).toBe(
      0,
    );
  });

  it('leaves host users alone again once production mode is off', async () => {
    await setMode(false);
    const { body } = await scim('/Users', { method: 'POST', body: userBody('after.off@example.com') });
    await scim(`/Users/${body.id}`, {
      method: 'PATCH',
      body: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }] },
    });
    expect(await adminUser('after.off@example.com')).toBeNull();
    expect(await adminUser('renamed@example.com')).toMatchObject({ isActive: true });
  });
});
