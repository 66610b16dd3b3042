import type { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../integration/support/test-database';
import { orUnassigned } from '../integration/support/unassigned';
import { connectToTestDatabase } from './support/database-client';
import { startPlayground, type PlaygroundProcess } from './support/playground';
import { USER_URN, adminCall, scimCall } from './support/scim-client';

/**
 * The production-switch job on PostgreSQL: killed with SIGKILL in the middle it resumes after a restart from its
 * checkpoint, and with two instances on one database it runs once. "Nothing applied twice" is read from the
 * database: every batch commits its host users with the checkpoint, so the Strapi users created always equal the
 * users the job counts as processed, and at the end each provisioned user has exactly one Strapi user.
 */
const USERS = 600;
const LEASE_ENV = { SCIM_JOB_LEASE_SECONDS: '5' };

interface Setup {
  database: TestDatabase;
  db: Client;
  instances: PlaygroundProcess[];
}

let setup: Setup | undefined;

const jobRow = async (db: Client) =>
  (await db.query('select * from scim_production_jobs order by id desc limit 1')).rows[0] as
    { id: number; status: string; total: number; processed: number; applied: number; not_applied: number } | undefined;

const createdAdmins = async (db: Client) =>
  (
    await db.query(
      `select count(*)::int as all, count(distinct email)::int as distinct_emails from admin_users where email like 'job.%'`,
    )
  ).rows[0] as { all: number; distinct_emails: number };

/** The job's Activity trail: its start, one entry per committed batch (the users it covered), its end. */
const jobEntries = async (db: Client, jobId: number) =>
  (
    await db.query('select operation, detail from scim_activity where resource_id = $1 order by id', [`job-${jobId}`])
  ).rows.map((row: { operation: string; detail: string }) =>
    row.operation === 'job-batch' ? row.detail : row.operation,
  );

/** Each range of 100 users exactly once. */
const ONCE_EACH = [
  'job-start',
  ...Array.from(
    { length: USERS / 100 },
    (_, index) => `users ${index * 100 + 1} to ${(index + 1) * 100} of ${USERS} processed`,
  ),
  'job-finished',
];

const waitFor = async <T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/** A fresh database, `count` instances on it, provisioning enabled in test mode and USERS users received. */
const prepare = async (count: number) => {
  const database = await createTestDatabase('postgres');
  const db = await connectToTestDatabase(database);
  setup = { database, db, instances: [] };
  for (let index = 0; index < count; index += 1) {
    setup.instances.push(await startPlayground({ ...database.env, ...LEASE_ENV }));
  }
  const first = setup.instances[0];
  const token = await first.login();
  const enabled = (await adminCall(first.baseUrl, token, 'PUT', '/scim/settings', { enabled: true })).body.data;
  const secret = (await adminCall(first.baseUrl, token, 'POST', '/scim/secrets', { label: 'job' })).body.data.secret;
  const users = Array.from({ length: USERS }, (_, index) => `job.${String(index).padStart(4, '0')}@example.com`);
  for (let start = 0; start < USERS; start += 8) {
    const answers = await Promise.all(
      users.slice(start, start + 8).map((userName) =>
        scimCall(`${enabled.endpointUrl}/Users`, secret, {
          method: 'POST',
          body: { schemas: [USER_URN], userName, emails: [{ value: userName }] },
        }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 201));
  }
  return { database, db, token };
};

/** Waits for the job to finish, then checks that each user was applied once: one Strapi user, one batch entry. */
const expectFinishedOnce = async (db: Client) => {
  const done = await waitFor(
    () => jobRow(db),
    (job) => job?.status === 'finished',
    120_000,
  );
  expect(done).toMatchObject({ processed: USERS, applied: USERS, not_applied: 0 });
  expect(await createdAdmins(db)).toEqual({ all: USERS, distinct_emails: USERS });
  const links = (
    await db.query(
      'select count(*)::int as linked, count(distinct host_user_id)::int as hosts from scim_users where applied',
    )
  ).rows[0];
  expect(links).toEqual({ linked: USERS, hosts: USERS });
  expect(await jobEntries(db, done?.id ?? 0)).toEqual(ONCE_EACH);
  return done;
};

afterEach(async () => {
  const current = setup;
  setup = undefined;
  if (!current) return;
  await Promise.all(current.instances.map((instance) => instance.stop()));
  await orUnassigned(current.db)?.end();
  await orUnassigned(current.database)?.drop();
});

it('resumes after a SIGKILL in the middle of the job, and applies nothing twice', async () => {
  const { db, token } = await prepare(1);
  const [first] = setup?.instances ?? [];
  const answer = await adminCall(first.baseUrl, token, 'PUT', '/scim/settings', { productionMode: true });
  expect(answer.status).toBe(200);

  const midway = await waitFor(
    () => jobRow(db),
    (job) => (job?.processed ?? 0) >= 100,
    60_000,
  );
  await first.kill();
  const atKill = await jobRow(db);
  expect(atKill).toMatchObject({ status: 'running', total: USERS });
  expect(atKill?.processed).toBeLessThan(USERS);
  // The committed checkpoint and the committed Strapi users agree: the batch cut by the kill left nothing.
  expect((await createdAdmins(db)).all).toBe(atKill?.processed);
  expect(midway?.id).toBe(atKill?.id);

  setup?.instances.push(await startPlayground({ ...setup.database.env, ...LEASE_ENV }));
  const done = await expectFinishedOnce(db);
  expect(done?.id).toBe(atKill?.id);
}, 300_000);

it('runs the job once when two instances race to take it over', async () => {
  const { db, token } = await prepare(1);
  const [first] = setup?.instances ?? [];
  expect((await adminCall(first.baseUrl, token, 'PUT', '/scim/settings', { productionMode: true })).status).toBe(200);
  // The instance that holds the lease dies at once; two instances started together then both find the job, wait for
  // the lease to expire and try to take it over at about the same moment, and keep trying every few seconds.
  await first.kill();
  const env = { ...setup?.database.env, ...LEASE_ENV } as Record<string, string>;
  setup?.instances.push(...(await Promise.all([startPlayground(env), startPlayground(env)])));

  await expectFinishedOnce(db);
  expect((await db.query('select count(*)::int as jobs from scim_production_jobs')).rows[0].jobs).toBe(1);
  const seen = await adminCall(setup?.instances[2].baseUrl ?? '', token, 'GET', '/scim/production-jobs/latest');
  expect(seen.body.data).toMatchObject({ status: 'finished', processed: USERS });
}, 300_000);
