/**
 * A site owner's install, end to end: the packed plugin goes into a fresh Strapi 5 app (tests/fresh-app/template,
 * copied to a temporary folder) the way the README says, and the app provisions a user.
 *   npm run test:fresh-app
 * Needs PostgreSQL on 127.0.0.1:5432 (user postgres; PGHOST, PGPORT, PGUSER) and Chromium at /usr/bin/chromium.
 * Set SCIM_FRESH_APP_KEEP=1 to keep the temporary app folder. The last line printed is "N passed, M failed".
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { assert, createStepRunner } from '../e2e/support/step-runner';
import { endpointUrlShownInAdmin } from './support/browser';
import { createDatabase, type ThrowawayDatabase } from './support/database';
import { call, describe } from './support/http';
import { cleanEnv, freePort, run, runOrThrow, sleep, start, tail, type RunningProcess } from './support/processes';
import { readmePluginsSnippet } from './support/readme';
import { tarballProblems, type PackResult } from './support/tarball';

const REPO_ROOT = resolve(__dirname, '../..');
const TEMPLATE = join(__dirname, 'template');
const OWNER = { email: 'owner@example.com', password: 'Fresh-App-Owner-1', firstname: 'Site', lastname: 'Owner' };
const MINUTE = 60_000;
const ENDPOINT_PATH = /\/api\/scim\/v2\/[0-9a-f-]{36}$/;
const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
/** Packages the app must hold once: a nested copy under the plugin would break the admin panel or Strapi. */
const SINGLETONS = [
  'react',
  'react-dom',
  'react-router-dom',
  'styled-components',
  '@strapi/strapi',
  '@strapi/design-system',
  '@strapi/utils',
];

const secret = () => randomBytes(24).toString('base64');
// eslint-disable-next-line no-control-regex -- ANSI colour codes start with the ESC control character
const ANSI_COLOURS = /\x1b\[[0-9;]*m/g;

interface AdminUser {
  email: string;
  isActive: boolean;
  roles: { code: string }[];
}

/** Strapi's first-run secrets, new for every run, as a site owner keeps them in `.env`. */
const appSecrets = () => ({
  APP_KEYS: [secret(), secret()].join(','),
  ADMIN_JWT_SECRET: secret(),
  API_TOKEN_SALT: secret(),
  TRANSFER_TOKEN_SALT: secret(),
  ENCRYPTION_KEY: secret(),
  JWT_SECRET: secret(),
});

const scimUser = (userName: string, givenName: string, familyName: string) => ({
  schemas: [USER_SCHEMA],
  userName,
  name: { givenName, familyName },
  emails: [{ value: userName, type: 'work', primary: true }],
  active: true,
});

const main = async () => {
  const startedAt = Date.now();
  const { step, summary } = createStepRunner();
  const timings: [string, number][] = [];
  const phase = (name: string, work: () => void | Promise<void>) =>
    step(name, async () => {
      const began = Date.now();
      try {
        await work();
      } finally {
        timings.push([name, Date.now() - began]);
      }
    });

  const workDir = mkdtempSync(join(tmpdir(), 'scim-fresh-app-'));
  const appDir = join(workDir, 'app');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let database: ThrowawayDatabase | undefined;
  let app: RunningProcess | undefined;
  let tarball = '';
  let appEnv: NodeJS.ProcessEnv = {};
  let token = '';
  let endpointUrl = '';
  let scimSecret = '';

  const cleanUp = async () => {
    const began = Date.now();
    await app?.stop();
    app = undefined;
    const stopped = Date.now();
    await database
      ?.drop()
      .catch((error: unknown) =>
        console.log(`  could not drop ${database?.name}: ${error instanceof Error ? error.message : String(error)}`),
      );
    database = undefined;
    const dropped = Date.now();
    if (process.env.SCIM_FRESH_APP_KEEP) console.log(`  kept ${workDir}`);
    // `rm -rf` removes the app's 1,400 packages several times faster than fs.rmSync.
    else if (
      (await run('rm', ['-rf', workDir], { cwd: tmpdir(), env: process.env, timeoutMs: 2 * MINUTE })).code !== 0
    ) {
      rmSync(workDir, { recursive: true, force: true });
    }
    const seconds = (from: number, to: number) => `${((to - from) / 1000).toFixed(1)} s`;
    console.log(
      `  cleaned up: Strapi stopped in ${seconds(began, stopped)}, database dropped in ${seconds(stopped, dropped)}, ` +
        `app folder removed in ${seconds(dropped, Date.now())}`,
    );
  };
  const onSignal = () => void cleanUp().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const startApp = async () => {
    app = start('npm', ['run', 'start'], { cwd: appDir, env: appEnv });
    const deadline = Date.now() + 3 * MINUTE;
    while (Date.now() < deadline) {
      if (app.child.exitCode !== null) break;
      const status = await fetch(`${baseUrl}/_health`).then(
        (response) => response.status,
        () => 0,
      );
      if (status === 204) return;
      await sleep(1000);
    }
    throw new Error(`Strapi did not start on ${baseUrl}:\n${tail(app.output())}`);
  };

  const adminUser = async (email: string): Promise<AdminUser | undefined> => {
    const response = await call(`${baseUrl}/admin/users?_q=${encodeURIComponent(email)}&pageSize=100`, { token });
    assert(response.status === 200, `GET /admin/users got ${describe(response)}`);
    return (response.body.data.results as AdminUser[]).find((user) => user.email === email);
  };

  try {
    console.log(`Fresh Strapi app in ${appDir}, served at ${baseUrl}`);

    await phase('builds the plugin (npm run build)', async () => {
      await runOrThrow('npm', ['run', 'build'], { cwd: REPO_ROOT, env: cleanEnv(), timeoutMs: 5 * MINUTE });
    });

    await phase('packs it: the tarball holds the build, the entry files and the documents, nothing else', async () => {
      const output = await runOrThrow('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', workDir], {
        cwd: REPO_ROOT,
        env: cleanEnv(),
        timeoutMs: MINUTE,
      });
      const [pack] = JSON.parse(output) as PackResult[];
      const problems = tarballProblems(pack, REPO_ROOT);
      assert(problems.length === 0, problems.join('\n'));
      tarball = join(workDir, pack.filename);
      console.log(`    ${pack.filename}: ${pack.files.length} files`);
    });

    await phase('creates a fresh Strapi 5 app from the template, on a throwaway PostgreSQL database', async () => {
      cpSync(TEMPLATE, appDir, { recursive: true });
      database = await createDatabase();
      appEnv = cleanEnv({
        ...appSecrets(),
        ...database.env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        STRAPI_TELEMETRY_DISABLED: 'true',
        STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
        BROWSER: 'none',
      });
    });

    await phase('installs the tarball with npm, as `npm install strapi-plugin-scim`', async () => {
      await runOrThrow('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], {
        cwd: appDir,
        env: cleanEnv(),
        timeoutMs: 6 * MINUTE,
      });
      const dependencies = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')).dependencies;
      assert(dependencies['strapi-plugin-scim'], `package.json dependencies: ${JSON.stringify(dependencies)}`);
      const nested = SINGLETONS.filter((name) =>
        existsSync(join(appDir, 'node_modules/strapi-plugin-scim/node_modules', name)),
      );
      assert(nested.length === 0, `the plugin brought its own copy of ${nested.join(', ')}`);
    });

    await phase(
      "the installed package's entry points resolve (strapi-server, strapi-admin, CommonJS and ESM)",
      async () => {
        const cjs = await runOrThrow(
          'node',
          [
            '-e',
            `const server = require('strapi-plugin-scim/strapi-server');
           console.log(JSON.stringify({
             register: typeof server.register, bootstrap: typeof server.bootstrap,
             validator: typeof server.config?.validator, routes: Object.keys(server.routes ?? {}),
             admin: require.resolve('strapi-plugin-scim/strapi-admin'),
           }));`,
          ],
          { cwd: appDir, env: cleanEnv(), timeoutMs: MINUTE },
        );
        const resolved = JSON.parse(cjs.trim().split('\n').pop() ?? '{}');
        assert(resolved.register === 'function' && resolved.bootstrap === 'function', `strapi-server exports ${cjs}`);
        assert(resolved.validator === 'function', `strapi-server has no config validator: ${cjs}`);
        assert(
          resolved.routes.includes('content-api') && resolved.routes.includes('admin'),
          `strapi-server routes: ${cjs}`,
        );
        assert(
          resolved.admin.endsWith('node_modules/strapi-plugin-scim/dist/admin/index.js'),
          `strapi-admin resolved to ${resolved.admin}`,
        );
        const esm = await runOrThrow(
          'node',
          ['--input-type=module', '-e', "console.log(import.meta.resolve('strapi-plugin-scim/strapi-admin'))"],
          { cwd: appDir, env: cleanEnv(), timeoutMs: MINUTE },
        );
        assert(
          esm.trim().endsWith('node_modules/strapi-plugin-scim/dist/admin/index.mjs'),
          `ESM strapi-admin resolved to ${esm}`,
        );
      },
    );

    await phase("enables the plugin with the README's config/plugins.js", () => {
      writeFileSync(join(appDir, 'config/plugins.js'), readmePluginsSnippet(join(REPO_ROOT, 'README.md')));
    });

    await phase('builds the admin panel (npm run build)', async () => {
      await runOrThrow('npm', ['run', 'build'], { cwd: appDir, env: appEnv, timeoutMs: 6 * MINUTE });
    });

    await phase('starts Strapi (npm run start)', startApp);

    await phase('registers the first admin and logs in', async () => {
      const registered = await call(`${baseUrl}/admin/register-admin`, { method: 'POST', body: OWNER });
      assert(
        registered.status === 200 || registered.status === 201,
        `POST /admin/register-admin got ${describe(registered)}`,
      );
      const login = await call(`${baseUrl}/admin/login`, {
        method: 'POST',
        body: { email: OWNER.email, password: OWNER.password },
      });
      token = login.body?.data?.token ?? '';
      assert(token, `POST /admin/login got ${describe(login)}`);
    });

    await phase("enables provisioning and creates a secret through the plugin's admin API", async () => {
      const enabled = await call(`${baseUrl}/scim/settings`, { method: 'PUT', token, body: { enabled: true } });
      assert(enabled.status === 200, `PUT /scim/settings got ${describe(enabled)}`);
      const settings = enabled.body.data;
      assert(settings.enabled === true && settings.productionMode === false, `settings: ${enabled.text}`);
      endpointUrl = settings.endpointUrl;
      assert(endpointUrl.startsWith(baseUrl) && ENDPOINT_PATH.test(endpointUrl), `endpoint URL ${endpointUrl}`);
      const created = await call(`${baseUrl}/scim/secrets`, { method: 'POST', token, body: { label: 'Fresh app' } });
      assert(created.status === 201, `POST /scim/secrets got ${describe(created)}`);
      scimSecret = created.body.data.secret;
      assert(/^scim_/.test(scimSecret), `secret ${scimSecret}`);
      assert(
        created.body.data.revealable === true,
        `the app has an encryption key, yet the secret is not revealable: ${created.text}`,
      );
    });

    await phase("the SCIM endpoint answers Entra ID's Test Connection and refuses a wrong secret", async () => {
      const filter = encodeURIComponent(`userName eq "${randomUUID()}"`);
      const probe = await call(`${endpointUrl}/Users?filter=${filter}`, { token: scimSecret });
      assert(probe.status === 200, `GET /Users?filter= got ${describe(probe)}`);
      assert(probe.body.schemas?.includes(LIST_RESPONSE) && probe.body.totalResults === 0, `list: ${probe.text}`);
      const wrong = await call(`${endpointUrl}/Users?filter=${filter}`, { token: 'scim_not-the-secret' });
      assert(wrong.status === 401, `a wrong secret got ${describe(wrong)}`);
    });

    await phase('in test mode, POST /Users is stored and answered, and no Strapi user is created', async () => {
      const created = await call(`${endpointUrl}/Users`, {
        method: 'POST',
        token: scimSecret,
        contentType: 'application/scim+json',
        body: scimUser('ada@example.com', 'Ada', 'Lovelace'),
      });
      assert(
        created.status === 201 && created.body.userName === 'ada@example.com',
        `POST /Users got ${describe(created)}`,
      );
      assert((await adminUser('ada@example.com')) === undefined, 'test mode created a Strapi admin user');
    });

    await phase('switching production mode on applies the stored user to Strapi admin users', async () => {
      const switched = await call(`${baseUrl}/scim/settings`, { method: 'PUT', token, body: { productionMode: true } });
      assert(
        switched.status === 200 && switched.body.data.productionMode === true,
        `PUT /scim/settings got ${describe(switched)}`,
      );
      let ada: AdminUser | undefined;
      for (let attempt = 0; attempt < 30 && !ada; attempt += 1) {
        ada = await adminUser('ada@example.com');
        if (!ada) await sleep(1000);
      }
      assert(ada?.isActive, `ada@example.com as a Strapi admin user: ${JSON.stringify(ada)}`);
    });

    await phase(
      'in production mode, POST /Users creates an active Strapi admin user with the default role',
      async () => {
        const created = await call(`${endpointUrl}/Users`, {
          method: 'POST',
          token: scimSecret,
          contentType: 'application/scim+json',
          body: scimUser('grace@example.com', 'Grace', 'Hopper'),
        });
        assert(created.status === 201, `POST /Users got ${describe(created)}`);
        const grace = await adminUser('grace@example.com');
        assert(grace?.isActive, `grace@example.com as a Strapi admin user: ${JSON.stringify(grace)}`);
        const roles = grace?.roles.map((role) => role.code) ?? [];
        assert(roles.includes('strapi-author'), `roles ${roles.join(', ')}; the default role is Author`);
      },
    );

    await phase("the app's admin build serves the plugin's settings section and General page", async () => {
      const html = await call(`${baseUrl}/admin`);
      const entry = /<script type="module"[^>]* src="([^"]+\.js)"/.exec(html.text)?.[1];
      assert(html.status === 200 && entry, `GET /admin got ${describe(html)}`);
      const bundle = await call(`${baseUrl}${entry}`);
      assert(
        bundle.text.includes('defaultMessage:"SCIM User Provisioning"'),
        `${entry} lacks the plugin's settings section`,
      );
      const chunk = /import\("\.\/(GeneralPage-[\w-]+\.js)"\)/.exec(bundle.text)?.[1];
      assert(chunk, `${entry} does not load the plugin's General page`);
      const page = await call(`${baseUrl}/admin/${chunk}`);
      assert(page.status === 200 && page.text.includes('Endpoint URL'), `GET /admin/${chunk} got ${page.status}`);
    });

    await phase('a browser shows Settings > SCIM User Provisioning > General with the endpoint URL', async () => {
      const shown = await endpointUrlShownInAdmin(baseUrl, OWNER.email, OWNER.password);
      assert(shown === endpointUrl, `the General page shows "${shown}", the admin API says "${endpointUrl}"`);
    });

    await phase('a wrong option stops Strapi with a message naming the option and the expected values', async () => {
      await app?.stop();
      app = undefined;
      const snippet = readmePluginsSnippet(join(REPO_ROOT, 'README.md'));
      const wrong = snippet.replace("onDelete: 'deactivate'", "onDelete: 'explode'");
      assert(wrong !== snippet, "the README's snippet has no onDelete: 'deactivate' to change");
      writeFileSync(join(appDir, 'config/plugins.js'), wrong);
      const result = await run('npm', ['run', 'start'], { cwd: appDir, env: appEnv, timeoutMs: 2 * MINUTE });
      assert(result.code !== 0 && result.code !== null, `Strapi exited with ${result.code}:\n${tail(result.output)}`);
      const expected = ['option "onDelete"', 'expected one of "deactivate"|"delete"'];
      const missing = expected.filter((text) => !result.output.includes(text));
      assert(missing.length === 0, `the message lacks ${missing.join(' and ')}:\n${tail(result.output)}`);
      const message = result.output.split('\n').find((line) => line.includes('option "onDelete"')) ?? '';
      console.log(`    ${message.replace(ANSI_COLOURS, '').trim()}`);
    });
  } finally {
    const cleanUpStarted = Date.now();
    await cleanUp();
    timings.push(['cleans up (stops Strapi, drops the database, removes the app)', Date.now() - cleanUpStarted]);
  }

  console.log('\nTime per phase:');
  for (const [name, ms] of timings) console.log(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${name}`);
  console.log(`  ${((Date.now() - startedAt) / 1000).toFixed(1).padStart(6)} s  in all`);
  const { passed, failed } = summary();
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
};

main().catch((error: unknown) => {
  console.log(
    `  ✗ the test itself failed\n    ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  console.log('0 passed, 1 failed');
  process.exit(1);
});
