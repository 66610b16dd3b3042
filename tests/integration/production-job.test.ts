import type { ProductionJobResponse, SettingsResponse } from '../../server/src/contracts';
import { adminApi, scimRequest } from './support/admin-api';
import { startTestApp, stopTestApp, type TestApp } from './support/test-app';

const USERS = 250;
const TAKEN = 'already.admin@example.com';

let app: TestApp;
let api: ReturnType<typeof adminApi>;
let endpoint: string;
let secret: string;

const createUser = (userName: string) =>
  scimRequest(`${endpoint}/Users`, {
    method: 'POST',
    secret,
    body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName, emails: [{ value: userName }] },
  });

const adminUsers = (where: Record<string, unknown>) =>
  app.strapi.db.query('admin::user').findMany({ where, populate: ['roles'] });

const waitForJob = async (id: number): Promise<ProductionJobResponse> => {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const { body } = await api.call<{ data: ProductionJobResponse }>('GET', `/scim/production-jobs/${id}`);
    if (!['pending', 'running'].includes(body.data.status)) return body.data;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${body.data.status}: ${JSON.stringify(body.data)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

beforeAll(async () => {
  app = await startTestApp();
  api = adminApi(app.baseUrl, await app.login());
  endpoint = (await api.enable()).endpointUrl as string;
  secret = (await api.createSecret('job')).secret;
  const author = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-author' } });
  await app.strapi
    .service('admin::user')
    .create({ email: TAKEN, firstname: 'Taken', roles: [author.id], isActive: true });
  for (let index = 0; index < USERS - 1; index += 1) {
    expect((await createUser(`job.user.${index}@example.com`)).status).toBe(201);
  }
  expect((await createUser(TAKEN)).status).toBe(201);
}, 120_000);

afterAll(async () => {
  await stopTestApp(app);
});

it('answers the switch at once with the recorded job, then applies every user in the background', async () => {
  const { status, body } = await api.call<{ data: SettingsResponse }>('PUT', '/scim/settings', {
    productionMode: true,
  });
  expect(status).toBe(200);
  expect(body.data.productionMode).toBe(true);
  const recorded = body.data.productionJob as ProductionJobResponse;
  expect(recorded).toMatchObject({ kind: 'production-switch', total: USERS, requestedBy: 'admin@example.com' });
  // Answered before the work: three batches of 100 cannot all have run by then.
  expect(['pending', 'running']).toContain(recorded.status);
  expect(recorded.processed).toBeLessThan(USERS);

  const done = await waitForJob(recorded.id);
  expect(done).toMatchObject({ status: 'finished', total: USERS, processed: USERS, applied: USERS - 1, notApplied: 1 });
  expect(done.notAppliedUsers).toEqual([
    {
      id: expect.any(String),
      userName: TAKEN,
      reason: expect.stringContaining(`admin user with the email ${TAKEN} already exists`),
    },
  ]);
  expect(await adminUsers({ email: { $startsWith: 'job.user.' } })).toHaveLength(USERS - 1);
  expect((await api.call('GET', '/scim/production-jobs/latest')).body.data).toEqual(done);
  expect((await api.call('GET', '/scim/settings')).body.data.provisioned.appliedUsers).toBe(USERS - 1);
}, 120_000);

it('records the start and the finish with its counts in Activity, linked to the job', async () => {
  const job = (await api.call<{ data: ProductionJobResponse }>('GET', '/scim/production-jobs/latest')).body.data;
  const entries = await app.strapi.db
    .query('plugin::scim.activity-entry')
    .findMany({ where: { resourceId: `job-${job.id}` }, orderBy: { id: 'asc' } });
  expect(entries.map((entry: { operation: string; detail: string }) => [entry.operation, entry.detail])).toEqual([
    ['job-start', `${USERS} provisioned users to process`],
    ['job-batch', `users 1 to 100 of ${USERS} processed`],
    ['job-batch', `users 101 to 200 of ${USERS} processed`],
    ['job-batch', `users 201 to 250 of ${USERS} processed`],
    ['job-finished', expect.any(String)],
  ]);
  expect(entries[4]).toMatchObject({
    resourceName: 'production-switch',
    outcome: 'success',
    actor: 'admin@example.com',
    detail: `${USERS} of ${USERS} users processed: ${USERS - 1} applied, 1 not applied`,
  });
});

it('runs a default-role change over more applied users than the threshold as a job', async () => {
  const settings = (await api.call<{ data: SettingsResponse }>('GET', '/scim/settings')).body.data;
  expect(settings.provisioned.appliedUsers).toBeGreaterThan(settings.roleChangeJobThreshold);
  const editor = settings.roles.find((role) => role.code === 'strapi-editor');
  const { body } = await api.call<{ data: SettingsResponse }>('PUT', '/scim/settings', { defaultRoleId: editor?.id });
  const job = body.data.productionJob as ProductionJobResponse;
  expect(job).toMatchObject({ kind: 'recompute-roles', total: USERS });
  expect(await waitForJob(job.id)).toMatchObject({ status: 'finished', processed: USERS, applied: USERS - 1 });
  const users = await adminUsers({ email: { $startsWith: 'job.user.' } });
  for (const user of users) expect(user.roles.map((role: { code: string }) => role.code)).toEqual(['strapi-editor']);
}, 120_000);

it('answers 400 for an id that is not a number and 404 for an unknown job', async () => {
  expect((await api.call('GET', '/scim/production-jobs/abc')).status).toBe(400);
  expect((await api.call('GET', '/scim/production-jobs/999999')).status).toBe(404);
});
