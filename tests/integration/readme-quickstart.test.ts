import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ProductionJobResponse, SettingsResponse } from '../../server/src/contracts';
import { adminApi, scimRequest } from './support/admin-api';
import { startTestApp, stopTestApp, type TestApp } from './support/test-app';

/**
 * The README's five-minute quickstart, run as written against a fresh sample app: the bash block that follows
 * the `<!-- quickstart -->` marker, with `bash -euo pipefail` and only STRAPI_URL set (its other variables keep
 * the defaults the README gives, which must match the sample app's first Super Admin).
 */
const README = path.resolve(__dirname, '..', '..', 'README.md');
const MARKER = '<!-- quickstart -->\n```bash\n';

const quickstartBlock = (): string => {
  const readme = readFileSync(README, 'utf8');
  const start = readme.indexOf(MARKER);
  if (start === -1) throw new Error('README.md has no ```bash block right after a <!-- quickstart --> line');
  const body = start + MARKER.length;
  const end = readme.indexOf('\n```\n', body);
  if (end === -1) throw new Error('the quickstart block in README.md is not closed');
  return readme.slice(body, end + 1);
};

interface BashRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a script the way the README's reader would, without blocking this process: the app answers from it. */
const runBash = (script: string, env: Record<string, string>, timeoutMs = 90_000): Promise<BashRun> =>
  new Promise((resolve, reject) => {
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });

let app: TestApp;
let api: ReturnType<typeof adminApi>;
let block: string;
/** A reader's shell: no variable of this test process (database, log level) leaks into the block. */
let shellEnv: Record<string, string>;

beforeAll(async () => {
  block = quickstartBlock();
  app = await startTestApp();
  api = adminApi(app.baseUrl, await app.login());
  shellEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/', STRAPI_URL: app.baseUrl };
});

afterAll(async () => {
  await stopTestApp(app);
});

it('runs as written on a fresh sample app and leaves a provisioned user that Strapi has applied', async () => {
  const run = await runBash(block, shellEnv);
  expect(run).toMatchObject({ code: 0 });

  const settings = (await api.call<{ data: SettingsResponse }>('GET', '/scim/settings')).body.data;
  expect(settings).toMatchObject({ enabled: true, productionMode: true, provisioned: { users: 1, appliedUsers: 1 } });
  expect(run.stdout).toContain(`SCIM endpoint: ${settings.endpointUrl}`);
  expect(run.stdout).toContain('Production job: finished');
  const job = (await api.call<{ data: ProductionJobResponse }>('GET', '/scim/production-jobs/latest')).body.data;
  expect(job).toMatchObject({ kind: 'production-switch', status: 'finished', applied: 1, notApplied: 0 });

  // What an identity provider sees, with a secret of the test's own.
  const { secret } = await api.createSecret('quickstart check');
  const users = await scimRequest(`${settings.endpointUrl}/Users`, { secret });
  expect(users.status).toBe(200);
  const listed = users.body as { totalResults: number; Resources: { userName: string; active: boolean }[] };
  expect(listed.totalResults).toBe(1);
  const { userName } = listed.Resources[0];
  // The block ends by showing the user, as SCIM and as Strapi hold it.
  expect(run.stdout).toContain(`"userName": "${userName}"`);
  expect(run.stdout).toContain(`"email": "${userName}"`);

  // The Strapi admin user it became, with the default role.
  const query = new URLSearchParams({ 'filters[email][$eq]': userName });
  const adminUsers = await api.call<{ data: { results: { email: string; roles: { code: string }[] }[] } }>(
    'GET',
    `/admin/users?${query.toString()}`,
  );
  expect(adminUsers.status).toBe(200);
  expect(adminUsers.body.data.results).toEqual([
    expect.objectContaining({ email: userName, roles: [expect.objectContaining({ code: 'strapi-author' })] }),
  ]);
});

it.each([
  ['a wrong admin route', '"$STRAPI_URL/admin/login"', '"$STRAPI_URL/admin/logon"', false],
  ['a wrong SCIM path', '"$ENDPOINT/Users" -H', '"$ENDPOINT/User" -H', true],
])('stops with a failure when the block has %s', async (_name, from, to, reachesEndpoint) => {
  expect(block).toContain(from);
  const run = await runBash(block.replace(from, to), shellEnv);
  expect(run.code).not.toBe(0);
  expect(run.stdout.includes('SCIM endpoint:')).toBe(reachesEndpoint);
  const users = (await api.call<{ data: SettingsResponse }>('GET', '/scim/settings')).body.data.provisioned.users;
  expect(users).toBe(1);
});
