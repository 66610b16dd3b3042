import type { ParsedMail } from 'mailparser';
import type {
  ActivityEntryResponse,
  ActivityListResponse,
  InvitationsResponse,
  SettingsResponse,
} from '../../server/src/contracts';
import { adminApi, scimRequest } from './support/admin-api';
import { recipientsOf, startSmtpInbox, type SmtpInbox } from './support/smtp-inbox';
import { startTestApp, stopTestApp, type TestApp } from './support/test-app';

let inbox: SmtpInbox;
let app: TestApp;
let api: ReturnType<typeof adminApi>;
let endpoint: string;
let secret: string;

const SUBJECT = 'Your Strapi admin account is ready';

const createUser = (userName: string) =>
  scimRequest(`${endpoint}/Users`, {
    method: 'POST',
    secret,
    body: {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName,
      name: { givenName: 'Invited' },
      emails: [{ value: userName, primary: true }],
    },
  });

const adminUser = (email: string) =>
  app.strapi.db.query('admin::user').findOne({ where: { email }, select: ['id', 'registrationToken'] });

const messagesTo = (email: string) => inbox.messages.filter((message) => recipientsOf(message).includes(email));

/** Invitations go out after the request's transaction commits, in the background: wait for this process's queue. */
const invitationsSettled = () => app.strapi.plugin('scim').service('invitations').settled() as Promise<void>;

const invitationEntries = async (userName: string) => {
  const { body } = await api.call<{ data: ActivityListResponse }>(
    'GET',
    `/scim/activity?resourceType=User&pageSize=100&search=${encodeURIComponent(userName)}`,
  );
  return body.data.results.filter((entry: ActivityEntryResponse) => entry.operation.startsWith('invitation-'));
};

const expectInvitation = async (message: ParsedMail, email: string) => {
  const { registrationToken } = await adminUser(email);
  expect(registrationToken).toEqual(expect.any(String));
  const link = `${String(app.strapi.config.get('admin.absoluteUrl'))}/auth/register?registrationToken=${registrationToken}`;
  expect(recipientsOf(message)).toEqual([email]);
  expect(message.subject).toBe(SUBJECT);
  expect(message.text).toContain(link);
  expect(message.html).toContain(`href="${link}"`);
};

beforeAll(async () => {
  inbox = await startSmtpInbox();
  app = await startTestApp({ env: { SCIM_SMTP_PORT: String(inbox.port) } });
  api = adminApi(app.baseUrl, await app.login());
  endpoint = (await api.enable()).endpointUrl as string;
  secret = (await api.createSecret('invitations')).secret;
}, 120_000);

afterAll(async () => {
  await stopTestApp(app);
  await inbox.close();
});

it('sends nothing in test mode, then invites each user the switch to production creates', async () => {
  expect((await createUser('early@example.com')).status).toBe(201);
  await invitationsSettled();
  expect(messagesTo('early@example.com')).toHaveLength(0);

  await api.call('PUT', '/scim/settings', { productionMode: true });
  expect(await api.settleProductionJob()).toMatchObject({ status: 'finished', applied: 1 });
  await expectInvitation(
    await inbox.waitFor((m) => recipientsOf(m).includes('early@example.com')),
    'early@example.com',
  );
});

it('invites a user created in production mode once the create has committed, and records it in Activity', async () => {
  const response = await createUser('new.hire@example.com');
  expect(response.status).toBe(201);
  const message = await inbox.waitFor((m) => recipientsOf(m).includes('new.hire@example.com'));
  await expectInvitation(message, 'new.hire@example.com');
  await invitationsSettled();
  expect(await invitationEntries('new.hire@example.com')).toEqual([
    expect.objectContaining({
      operation: 'invitation-sent',
      outcome: 'success',
      resourceId: (response.body as { id: string }).id,
      method: 'SYSTEM',
    }),
  ]);
  // The token is a credential: never in Activity.
  const { registrationToken } = await adminUser('new.hire@example.com');
  expect(JSON.stringify(await invitationEntries('new.hire@example.com'))).not.toContain(registrationToken);
});

it('lists the users not registered yet with their links, and resends an invitation', async () => {
  const { body } = await api.call<{ data: InvitationsResponse }>('GET', '/scim/invitations');
  expect(body.data).toMatchObject({ target: 'admin', emailProvider: 'nodemailer', enabled: true, total: 2 });
  const pending = body.data.pending.find((row) => row.email === 'new.hire@example.com');
  const { registrationToken } = await adminUser('new.hire@example.com');
  expect(pending?.registrationLink).toContain(`registrationToken=${registrationToken}`);

  const resent = await api.call('POST', `/scim/invitations/${pending?.scimId}/resend`);
  expect(resent).toMatchObject({ status: 200, body: { data: { sent: true, email: 'new.hire@example.com' } } });
  expect(messagesTo('new.hire@example.com')).toHaveLength(2);
  await expectInvitation(messagesTo('new.hire@example.com')[1], 'new.hire@example.com');
  expect(await invitationEntries('new.hire@example.com')).toContainEqual(
    expect.objectContaining({ operation: 'invitation-sent', method: 'POST', actor: 'admin@example.com' }),
  );
});

it('answers 409 to a resend for a user who has registered through the link', async () => {
  const { registrationToken } = await adminUser('new.hire@example.com');
  const registered = await fetch(`${app.baseUrl}/admin/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ registrationToken, userInfo: { firstname: 'New', password: 'Registered-Hire-1' } }),
  });
  expect(registered.status).toBe(200);
  await app.login('new.hire@example.com', 'Registered-Hire-1');

  const { body } = await api.call<{ data: InvitationsResponse }>('GET', '/scim/invitations');
  expect(body.data.pending.map((row) => row.email)).toEqual(['early@example.com']);
  const scimId = (
    await app.strapi.db.query('plugin::scim.scim-user').findOne({ where: { userName: 'new.hire@example.com' } })
  ).scimId as string;
  const resent = await api.call<{ error: { message: string } }>('POST', `/scim/invitations/${scimId}/resend`);
  expect(resent.status).toBe(409);
  expect(resent.body.error.message).toContain('has already registered');
  expect((await api.call('POST', '/scim/invitations/no-such-user/resend')).status).toBe(404);
  expect((await api.call('POST', '/scim/invitations/bad%00id/resend')).status).toBe(404);
});

it('sends nothing while invitations are switched off', async () => {
  const { body } = await api.call<{ data: SettingsResponse }>('PUT', '/scim/settings', { invitationsEnabled: false });
  expect(body.data.invitationsEnabled).toBe(false);
  expect((await createUser('quiet@example.com')).status).toBe(201);
  await invitationsSettled();
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(messagesTo('quiet@example.com')).toHaveLength(0);
  expect(await invitationEntries('quiet@example.com')).toEqual([]);
  await api.call('PUT', '/scim/settings', { invitationsEnabled: true });
});

it('records a send the mail server refuses in Activity, and the SCIM create still answers 201', async () => {
  await inbox.close();
  const response = await createUser('unlucky@example.com');
  expect(response.status).toBe(201);
  await invitationsSettled();
  expect(await invitationEntries('unlucky@example.com')).toEqual([
    expect.objectContaining({
      operation: 'invitation-failed',
      outcome: 'failure',
      resourceId: (response.body as { id: string }).id,
      detail: expect.stringContaining('the email provider refused the invitation'),
    }),
  ]);
  expect(await adminUser('unlucky@example.com')).not.toBeNull();
  const resent = await api.call<{ data: { sent: boolean } }>(
    'POST',
    `/scim/invitations/${(response.body as { id: string }).id}/resend`,
  );
  expect(resent.status).toBe(502);
  expect(resent.body.data.sent).toBe(false);
});

it('drops the registration link of a user deactivated before registering: an old invitation cannot reactivate them', async () => {
  const { registrationToken } = await adminUser('early@example.com');
  const scimId = (
    await app.strapi.db.query('plugin::scim.scim-user').findOne({ where: { userName: 'early@example.com' } })
  ).scimId as string;
  const deactivated = await scimRequest(`${endpoint}/Users/${scimId}`, {
    method: 'PATCH',
    secret,
    body: {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', value: { active: false } }],
    },
  });
  expect([200, 204]).toContain(deactivated.status);
  expect(await adminUser('early@example.com')).toMatchObject({ registrationToken: null });
  const registered = await fetch(`${app.baseUrl}/admin/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ registrationToken, userInfo: { firstname: 'Early', password: 'Too-Late-Early-1' } }),
  });
  expect(registered.status).toBe(400);
  const { isActive } = await app.strapi.db.query('admin::user').findOne({ where: { email: 'early@example.com' } });
  expect(isActive).toBe(false);
});

it('pages the pending invitations in the database: counts them all, lists the first 50 by admin user id', async () => {
  const before = (await api.call<{ data: InvitationsResponse }>('GET', '/scim/invitations')).body.data;
  expect(before.pending).toHaveLength(before.total);
  // Invited by hand, outside SCIM: a registration token, but no SCIM user. Its id comes before the ones below.
  const author = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-author' } });
  const outsider = await app.strapi
    .service('admin::user')
    .create({ email: 'by-hand@example.com', firstname: 'Manual', isActive: true, roles: [author.id] });
  expect(outsider.registrationToken).toEqual(expect.any(String));

  const settings = await app.strapi.plugin('scim').service('settings').get();
  expect(settings.invitationsEnabled).toBe(true);
  const mode = { ...settings, productionMode: true, invitationsEnabled: false };
  const users = app.strapi.plugin('scim').service('users');
  const userNames = Array.from({ length: 56 }, (_, index) => `bulk-${String(index).padStart(2, '0')}@example.com`);
  for (const userName of userNames) {
    await users.create(
      { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName, emails: [{ value: userName }] },
      mode,
    );
  }
  const scimUsers = app.strapi.db.query('plugin::scim.scim-user');
  const [registered, olderRow, otherTarget, notApplied] = userNames;
  await app.strapi.db.query('admin::user').update({ where: { email: registered }, data: { registrationToken: null } });
  // A row from before hostTarget was stored still counts; a link left by a target change or not applied does not.
  await scimUsers.update({ where: { userName: olderRow }, data: { hostTarget: null } });
  await scimUsers.update({ where: { userName: otherTarget }, data: { hostTarget: 'users-permissions' } });
  await scimUsers.update({ where: { userName: notApplied }, data: { applied: false } });
  const bulkPending = userNames.filter((userName) => ![registered, otherTarget, notApplied].includes(userName));

  const largestRead: number[] = [];
  const onResponse = (response: unknown, query: { sql: string }) => {
    const sql = query.sql.toLowerCase().replace(/[`"]/g, '');
    if (Array.isArray(response) && /from (\w+\.)?(admin_users|scim_users)\b/.test(sql)) {
      largestRead.push(response.length);
    }
  };
  app.strapi.db.connection.on('query-response', onResponse);
  const { body } = await api.call<{ data: InvitationsResponse }>('GET', '/scim/invitations');
  app.strapi.db.connection.off('query-response', onResponse);

  const expected = [...before.pending.map((row) => row.email), ...bulkPending].slice(0, 50);
  expect(body.data.total).toBe(before.total + bulkPending.length);
  expect(body.data.pending.map((row) => row.email)).toEqual(expected);
  expect(body.data.pending.map((row) => row.userName)).toEqual(expected);
  // Neither table is read beyond the page (the permission check's joins through admin_users are not reads of it).
  expect(largestRead.length).toBeGreaterThan(0);
  expect(Math.max(...largestRead)).toBeLessThanOrEqual(50);

  const tokens = await app.strapi.db
    .query('admin::user')
    .findMany({ where: { email: { $in: expected } }, select: ['email', 'registrationToken'] });
  const tokenOf = new Map(
    tokens.map((row: { email: string; registrationToken: string }) => [row.email, row.registrationToken]),
  );
  for (const row of body.data.pending) {
    expect(row.registrationLink).toBe(
      `${String(app.strapi.config.get('admin.absoluteUrl'))}/auth/register?registrationToken=${tokenOf.get(row.email)}`,
    );
  }
  // The mode the creates ran with had invitations off (the stored settings have them on): none was attempted.
  await invitationsSettled();
  expect(await invitationEntries('bulk-10@example.com')).toEqual([]);
});
