import { ACTIONS } from '../../server/src/constants';
import type { InvitationsResponse } from '../../server/src/contracts';
import { afterCommit } from '../../server/src/services/invitations/after-commit';
import { adminApi, scimRequest } from './support/admin-api';
import { startTestApp, stopTestApp, type TestApp } from './support/test-app';

let app: TestApp;
let api: ReturnType<typeof adminApi>;

beforeAll(async () => {
  // The playground without SCIM_SMTP_PORT: Strapi's default email provider, sendmail.
  app = await startTestApp();
  api = adminApi(app.baseUrl, await app.login());
}, 120_000);

afterAll(async () => {
  await stopTestApp(app);
});

it("treats Strapi's default sendmail as no provider: the links are listed to copy, and a resend is refused", async () => {
  const { endpoint, secret } = await api.startProduction('no-provider');
  const created = await scimRequest(`${endpoint}/Users`, {
    method: 'POST',
    secret,
    body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'nomail@example.com' },
  });
  expect(created.status).toBe(201);
  await app.strapi.plugin('scim').service('invitations').settled();

  const { body } = await api.call<{ data: InvitationsResponse }>('GET', '/scim/invitations');
  const { registrationToken } = await app.strapi.db
    .query('admin::user')
    .findOne({ where: { email: 'nomail@example.com' }, select: ['registrationToken'] });
  expect(body.data).toMatchObject({ emailProvider: null, enabled: true, total: 1, linksShown: true });
  expect(body.data.pending[0]).toMatchObject({
    userName: 'nomail@example.com',
    registrationLink: `${String(app.strapi.config.get('admin.absoluteUrl'))}/auth/register?registrationToken=${registrationToken}`,
  });

  // A link sets that user's password: an admin who may read the settings but not create admin users sees none.
  const roles = app.strapi.service('admin::role');
  const reader = await roles.create({ name: 'SCIM reader', description: 'reads SCIM settings' });
  await roles.assignPermissions(reader.id, [{ action: ACTIONS.readSettings }]);
  await app.strapi.service('admin::user').create({
    email: 'reader@example.com',
    firstname: 'Reader',
    password: 'Low-Privilege-1',
    isActive: true,
    registrationToken: null,
    roles: [reader.id],
  });
  const readerApi = adminApi(app.baseUrl, await app.login('reader@example.com', 'Low-Privilege-1'));
  const readerView = (await readerApi.call<{ data: InvitationsResponse }>('GET', '/scim/invitations')).body.data;
  expect(readerView).toMatchObject({ total: 1, linksShown: false });
  expect(readerView.pending).toEqual([
    expect.objectContaining({ userName: 'nomail@example.com', registrationLink: null }),
  ]);
  expect(JSON.stringify(readerView)).not.toContain(registrationToken);

  const resent = await api.call<{ error: { message: string } }>(
    'POST',
    `/scim/invitations/${(created.body as { id: string }).id}/resend`,
  );
  expect(resent.status).toBe(409);
  expect(resent.body.error.message).toContain('No email provider is configured');
  const entries = await app.strapi.db
    .query('plugin::scim.activity-entry')
    .findMany({ where: { operation: { $startsWith: 'invitation-' } } });
  expect(entries).toEqual([]);
});

it('runs after-commit work once the outer transaction commits, and never when it rolls back', async () => {
  const ran: string[] = [];
  await app.strapi.db.transaction(async () => {
    await afterCommit(app.strapi, () => ran.push('committed'));
    expect(ran).toEqual([]);
  });
  await expect(
    app.strapi.db.transaction(async () => {
      await afterCommit(app.strapi, () => ran.push('rolled back'));
      throw new Error('roll back');
    }),
  ).rejects.toThrow('roll back');
  await afterCommit(app.strapi, () => ran.push('outside'));
  expect(ran).toEqual(['committed', 'outside']);
});
