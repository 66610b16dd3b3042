import type { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../integration/support/test-database';
import { orUnassigned } from '../integration/support/unassigned';
import { connectToTestDatabase } from './support/database-client';
import { checkInvariants } from './support/invariants';
import { startPlayground, type PlaygroundProcess } from './support/playground';
import { GROUP_URN, adminCall, patchOp, scimCall, userBody } from './support/scim-client';

/**
 * Two playground processes on one PostgreSQL database, requests alternating between them: what one
 * instance changes (a revoked secret, the settings) the other sees on its very next request, and parallel
 * writes spread over both leave no duplicates.
 */
let database: TestDatabase;
let db: Client;
let a: PlaygroundProcess;
let b: PlaygroundProcess;
let token: string;
let endpointPath: string;
let secret: string;
let roles: Record<string, number>;

const admin = (instance: PlaygroundProcess, method: string, path: string, body?: unknown) =>
  adminCall(instance.baseUrl, token, method, path, body);
const scim = (
  instance: PlaygroundProcess,
  path: string,
  init: { method?: string; body?: unknown; secret?: string } = {},
) => scimCall(`${instance.baseUrl}${endpointPath}${path}`, init.secret ?? secret, init);
const adminUser = async (email: string) =>
  (
    await db.query(
      `select a.id, a.is_active, array_agg(r.code order by r.code) as roles from admin_users a
       left join admin_users_roles_lnk l on l.user_id = a.id left join admin_roles r on r.id = l.role_id
       where a.email = $1 group by a.id`,
      [email],
    )
  ).rows;

beforeAll(async () => {
  database = await createTestDatabase('postgres');
  db = await connectToTestDatabase(database);
  // The first instance creates the schema; the second starts on it, as a second replica would.
  a = await startPlayground(database.env);
  b = await startPlayground(database.env);
  token = await a.login();
  const enabled = (await admin(b, 'PUT', '/scim/settings', { enabled: true })).body.data;
  endpointPath = new URL(enabled.endpointUrl).pathname;
  roles = Object.fromEntries(enabled.roles.map((role: { code: string; id: number }) => [role.code, role.id]));
  secret = (await admin(a, 'POST', '/scim/secrets', { label: 'both' })).body.data.secret;
});

afterAll(async () => {
  await Promise.all([orUnassigned(a)?.stop(), orUnassigned(b)?.stop()]);
  await orUnassigned(db)?.end();
  await orUnassigned(database)?.drop();
});

it('refuses a secret on one instance as soon as it is revoked through the other', async () => {
  for (const [revoker, other] of [
    [a, b],
    [b, a],
  ]) {
    const doomed = (await admin(revoker, 'POST', '/scim/secrets', { label: 'doomed' })).body.data;
    expect((await scim(other, '/ServiceProviderConfig', { secret: doomed.secret })).status).toBe(200);
    expect((await scim(revoker, '/ServiceProviderConfig', { secret: doomed.secret })).status).toBe(200);
    expect((await admin(revoker, 'DELETE', `/scim/secrets/${doomed.id}`)).status).toBe(204);
    const refused = await scim(other, '/Users', { secret: doomed.secret });
    expect(refused.status).toBe(401);
    expect(refused.body.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
    expect((await scim(other, '/Users')).status).toBe(200);
  }
});

it('sees a settings change made on one instance at once on the other', async () => {
  expect((await admin(a, 'PUT', '/scim/settings', { enabled: false })).status).toBe(200);
  expect((await scim(b, '/Users')).status).toBe(503);
  expect((await admin(b, 'PUT', '/scim/settings', { enabled: true })).status).toBe(200);
  expect((await scim(a, '/Users')).status).toBe(200);

  // Test mode: a user created through B touches no admin user; production mode switched on through B
  // applies it, and a user created through A right after gets its admin user at once.
  expect((await scim(b, '/Users', { method: 'POST', body: userBody('before.production@example.com') })).status).toBe(
    201,
  );
  expect(await adminUser('before.production@example.com')).toEqual([]);
  expect((await admin(b, 'PUT', '/scim/settings', { productionMode: true })).status).toBe(200);
  // The switch answers at once; its job applies the user in the background, on whichever instance holds the lease.
  for (
    let tries = 0;
    (await admin(a, 'GET', '/scim/production-jobs/latest')).body.data.status !== 'finished';
    tries++
  ) {
    expect(tries).toBeLessThan(300);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(await adminUser('before.production@example.com')).toEqual([
    expect.objectContaining({ is_active: true, roles: ['strapi-author'] }),
  ]);
  expect((await scim(a, '/Users', { method: 'POST', body: userBody('after.production@example.com') })).status).toBe(
    201,
  );
  expect(await adminUser('after.production@example.com')).toEqual([
    expect.objectContaining({ is_active: true, roles: ['strapi-author'] }),
  ]);

  // A new default role chosen on A is what B gives the next user.
  expect((await admin(a, 'PUT', '/scim/settings', { defaultRoleId: roles['strapi-editor'] })).status).toBe(200);
  expect((await scim(b, '/Users', { method: 'POST', body: userBody('default.role@example.com') })).status).toBe(201);
  expect(await adminUser('default.role@example.com')).toEqual([expect.objectContaining({ roles: ['strapi-editor'] })]);

  // A regenerated endpoint URL: the old one stops answering on both at once.
  const regenerated = (await admin(b, 'POST', '/scim/settings/regenerate-endpoint')).body.data;
  const oldPath = endpointPath;
  expect((await scimCall(`${a.baseUrl}${oldPath}/Users`, secret)).status).toBe(404);
  endpointPath = new URL(regenerated.endpointUrl).pathname;
  expect((await scim(a, '/Users')).status).toBe(200);
  expect((await admin(a, 'PUT', '/scim/settings', { defaultRoleId: roles['strapi-author'] })).status).toBe(200);
});

it('gives no duplicates for parallel writes spread over both instances', async () => {
  const instance = (index: number) => (index % 2 === 0 ? a : b);
  const sameName = await Promise.all(
    Array.from({ length: 40 }, (_, index) =>
      scim(instance(index), '/Users', { method: 'POST', body: userBody('both.at.once@example.com') }),
    ),
  );
  const statuses = sameName.map((answer) => answer.status);
  expect(statuses.filter((status) => status === 201)).toHaveLength(1);
  expect(statuses.filter((status) => status === 409)).toHaveLength(39);
  expect(await adminUser('both.at.once@example.com')).toHaveLength(1);

  const group = await scim(a, '/Groups', {
    method: 'POST',
    body: { schemas: [GROUP_URN], displayName: 'Both instances' },
  });
  expect(group.status).toBe(201);
  const created = await Promise.all(
    Array.from({ length: 30 }, (_, index) =>
      scim(instance(index), '/Users', { method: 'POST', body: userBody(`spread${index}@example.com`) }),
    ),
  );
  expect(created.map((answer) => answer.status)).toEqual(created.map(() => 201));
  // Each member added twice, once through each instance, all at the same time.
  const adds = await Promise.all(
    created.flatMap((answer) =>
      [a, b].map((target) =>
        scim(target, `/Groups/${group.body.id}`, {
          method: 'PATCH',
          body: patchOp({ op: 'add', path: 'members', value: [{ value: answer.body.id }] }),
        }),
      ),
    ),
  );
  expect(adds.map((answer) => answer.status)).toEqual(adds.map(() => 204));
  const members = (await scim(b, `/Groups/${group.body.id}`)).body.members
    .map((member: { value: string }) => member.value)
    .sort();
  expect(members).toEqual(created.map((answer) => answer.body.id).sort());
  const rows = (
    await db.query(
      'select count(*)::int as n from scim_memberships m join scim_groups g on g.id = m.group_ref where g.scim_id = $1',
      [group.body.id],
    )
  ).rows;
  expect(rows[0].n).toBe(30);

  const report = await checkInvariants(db, {
    unmanagedEmails: ['admin@example.com'],
    defaultRoleCode: 'strapi-author',
    mappedRoles: {},
  });
  expect(report.violations).toEqual([]);
  process.stdout.write(
    `several-instances: 2 processes on one database, ${
      sameName.length + created.length + adds.length
    } parallel writes spread over both, ${report.checked} invariants checked\n`,
  );
});
