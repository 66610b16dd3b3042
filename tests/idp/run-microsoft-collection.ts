/**
 * Runs Microsoft's SCIM reference Postman collection ("SCIM Tests", AzureAD/SCIMReferenceCode) against the
 * playground, booted in this process on a fresh database with the integration test rig. Build first
 * (`npm run build`: the playground loads the plugin from dist/), then:
 *   node -r ./scripts/register-ts.js tests/idp/run-microsoft-collection.ts
 *   SCIM_TEST_DB=postgres node -r ./scripts/register-ts.js tests/idp/run-microsoft-collection.ts
 *
 * The collection is test data kept outside the repository, next to it: <repo>/../shared/conformance/ (see its
 * README). Every assertion goes to tests/idp/results/microsoft-collection-<database>.json; the summary per folder is printed
 * and the last line is "N passed, M failed". Exits 1 when an assertion failed, 2 when the run could not happen.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { required } from '../integration/support/required';
import { startTestApp, type TestApp } from '../integration/support/test-app';
import { collectionResultsFile } from './support/results';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const CONFORMANCE_DIR = path.join(REPO_ROOT, '..', 'shared', 'conformance');
const COLLECTION_FILE = 'microsoft-scim-reference.postman_collection.json';
const DECISION = 'docs/decisions/microsoft-collection-gaps.md';

/**
 * Assertions that test the reference server's own behaviour rather than SCIM, each explained in DECISION.
 * They must still fail as described: one that starts passing is reported, so the list cannot go stale silently.
 */
const RECORDED_GAPS: { folder: string; request: string; assertion: string; why: string }[] = [
  {
    folder: 'Group tests',
    request: 'Get group by id',
    assertion: 'Body contians user',
    why: 'expects a member "displayName" the client sent to be stored and returned; Group members have no such sub-attribute (RFC 7643 §4.2, §8.7.1)',
  },
];
const isRecordedGap = (record: AssertionRecord) =>
  !record.passed &&
  RECORDED_GAPS.some(
    (gap) => gap.folder === record.folder && gap.request === record.request && gap.assertion === record.assertion,
  );
const BODY_LIMIT = 2048;

/** The folders the conformance README runs ("Get Token" and the two loose requests are left out). */
const FOLDERS = [
  'Endpoint tests',
  'User tests',
  'Group tests',
  'ComplexAttribute tests',
  'User tests with garbage',
  'Group tests with garbage',
  'Teardown garbage',
];

interface AssertionRecord {
  folder: string;
  request: string;
  /** Position of the request in the run (1-based); the collection has requests of the same name. */
  sequence: number;
  assertion: string;
  passed: boolean;
  /** Failed as recorded in RECORDED_GAPS (not counted as a failure). */
  recorded?: boolean;
  error?: string;
  /** Only for failures. */
  http?: {
    request: { method: string; url: string; body?: string };
    response?: { status: number; body?: string; responseTimeMs?: number };
  };
}

const truncate = (text: string | undefined): string | undefined => {
  if (text === undefined) return undefined;
  return text.length > BODY_LIMIT
    ? `${text.slice(0, BODY_LIMIT)}… [${text.length - BODY_LIMIT} more characters]`
    : text;
};

/** newman's summary objects, read by path. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- newman ships no types (and @types/newman is not installed)
type NewmanValue = any;

/** The folder an item sits in: its parent ItemGroup, whose parent is the collection itself. */
const folderOf = (item: NewmanValue): string => {
  let node = item?.parent?.();
  let name = '(collection)';
  while (node && typeof node.parent === 'function' && node.parent()) {
    name = node.name;
    node = node.parent();
  }
  return name;
};

const requestBodyOf = (request: NewmanValue): string | undefined => {
  const body = request?.body;
  if (!body || body.isEmpty?.()) return undefined;
  return typeof body.toString === 'function' ? body.toString() : JSON.stringify(body);
};

const responseBodyOf = (response: NewmanValue): string | undefined => {
  if (!response) return undefined;
  try {
    return response.text();
  } catch {
    return response.stream ? Buffer.from(response.stream).toString('utf8') : undefined;
  }
};

/** What was measured: the commit, whether the working tree differed from it, and when dist/ was built. */
const provenance = () => {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    } catch {
      return null;
    }
  };
  const status = git('status', '--porcelain', '--', 'server', 'admin', 'playground');
  const distServer = path.join(REPO_ROOT, 'dist', 'server', 'index.js');
  return {
    commit: git('rev-parse', 'HEAD'),
    uncommittedPluginFiles: status === null ? null : status.split('\n').filter(Boolean).length,
    distBuiltAt: existsSync(distServer) ? statSync(distServer).mtime.toISOString() : null,
  };
};

const runNewman = (options: Record<string, unknown>): Promise<NewmanValue> => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- newman ships no types (and @types/newman is not installed): loaded untyped
  const newman = require('newman');
  return new Promise((resolve, reject) => {
    newman.run(options, (error: Error | null, summary: NewmanValue) => (error ? reject(error) : resolve(summary)));
  });
};

const collect = (summary: NewmanValue): AssertionRecord[] => {
  const records: AssertionRecord[] = [];
  const executions: NewmanValue[] = summary.run.executions ?? [];
  executions.forEach((execution, index) => {
    const folder = folderOf(execution.item);
    const requestName = execution.item?.name ?? '(unnamed)';
    const http = (): AssertionRecord['http'] => ({
      request: {
        method: execution.request?.method ?? '?',
        url: execution.request?.url?.toString() ?? '?',
        body: truncate(requestBodyOf(execution.request)),
      },
      response: execution.response
        ? {
            status: execution.response.code,
            body: truncate(responseBodyOf(execution.response)),
            responseTimeMs: execution.response.responseTime,
          }
        : undefined,
    });
    const base = { folder, request: requestName, sequence: index + 1 };
    if (execution.requestError) {
      records.push({
        ...base,
        assertion: '[request error]',
        passed: false,
        error: String(execution.requestError.message ?? execution.requestError),
        http: http(),
      });
    }
    for (const assertion of execution.assertions ?? []) {
      if (assertion.skipped) continue;
      const passed = !assertion.error;
      records.push({
        ...base,
        assertion: assertion.assertion,
        passed,
        ...(passed ? {} : { error: assertion.error.message ?? String(assertion.error), http: http() }),
      });
    }
    // A test script that throws outside pm.test() is not an assertion but still a failure of the request.
    for (const script of execution.testScript ?? []) {
      if (script.error) {
        records.push({
          ...base,
          assertion: '[test script error]',
          passed: false,
          error: `${script.error.name ?? 'Error'}: ${script.error.message}`,
          http: http(),
        });
      }
    }
  });
  return records;
};

const countsOf = (records: AssertionRecord[]) => ({
  passed: records.filter((record) => record.passed).length,
  failed: records.filter((record) => !record.passed && !record.recorded).length,
  recorded: records.filter((record) => record.recorded).length,
});

const printSummary = (records: AssertionRecord[]) => {
  const width = Math.max(...FOLDERS.map((folder) => folder.length));
  console.log('');
  for (const folder of FOLDERS) {
    const { passed, failed, recorded } = countsOf(records.filter((record) => record.folder === folder));
    console.log(
      `${folder.padEnd(width)}  ${String(passed).padStart(3)} passed, ${String(failed).padStart(3)} failed${recorded ? `, ${recorded} recorded` : ''}`,
    );
  }
  const recorded = records.filter((record) => record.recorded);
  if (recorded.length > 0) {
    console.log(`\nRecorded (the reference server's own behaviour, not SCIM; see ${DECISION}):`);
    for (const record of recorded) {
      const gap = RECORDED_GAPS.find(
        (candidate) => candidate.request === record.request && candidate.assertion === record.assertion,
      );
      console.log(`  [${record.folder}] #${record.sequence} ${record.request}: ${record.assertion} — ${gap?.why}`);
    }
  }
  const failures = records.filter((record) => !record.passed && !record.recorded);
  if (failures.length > 0) {
    console.log('\nFailures:');
    for (const failure of failures) {
      const status = failure.http?.response ? ` -> ${failure.http.response.status}` : '';
      console.log(
        `  [${failure.folder}] #${failure.sequence} ${failure.request} (${failure.http?.request.method}${status}): ${failure.assertion} — ${failure.error}`,
      );
    }
  }
  const stale = RECORDED_GAPS.filter(
    (gap) => !recorded.some((record) => record.request === gap.request && record.assertion === gap.assertion),
  );
  for (const gap of stale)
    console.log(
      `\nRecorded gap no longer fails: [${gap.folder}] ${gap.request}: ${gap.assertion}; remove it from RECORDED_GAPS and ${DECISION}`,
    );
  const counts = countsOf(records);
  console.log(
    `\n${records.length} assertions: ${counts.passed} passed, ${counts.failed} failed, ${counts.recorded} recorded`,
  );
  console.log(`${counts.passed} passed, ${counts.failed + stale.length} failed`);
  return counts.failed + stale.length;
};

const main = async (): Promise<number> => {
  const collectionPath = path.join(CONFORMANCE_DIR, COLLECTION_FILE);
  if (!existsSync(collectionPath)) {
    console.error(
      `Microsoft's SCIM collection is missing: expected ${path.relative(process.cwd(), collectionPath) || collectionPath}\n` +
        `(<repository>/../shared/conformance/${COLLECTION_FILE}; see shared/conformance/README.md). It is test data kept outside the repository.`,
    );
    return 2;
  }

  let app: TestApp | undefined;
  let results: AssertionRecord[] = [];
  const stop = async () => {
    const running = app;
    app = undefined;
    if (running) await running.stop().catch((error: unknown) => console.error('Stopping the app failed:', error));
  };
  // Ctrl-C while the app boots is honoured once it has booted, so its database is still dropped; a second one quits.
  // Strapi adds SIGINT/SIGTERM handlers of its own (destroy, then exit 0, without dropping the test database):
  // they are removed once it has booted, so ours decide. A signal in the first moments of the boot still ends in theirs.
  const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  const ownListeners = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const removeStrapiSignalHandlers = () => {
    for (const signal of SIGNALS) {
      for (const listener of process.listeners(signal)) {
        if (!required(ownListeners.get(signal), `our ${signal} listeners`).has(listener) && listener !== onSignal)
          process.removeListener(signal, listener);
      }
    }
  };
  let booting = true;
  let interrupted = false as boolean; // set by onSignal, which TypeScript does not follow
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error(`\n${signal}: stopping the app${booting ? ' once it has booted (again to quit at once)' : ''}`);
    if (!booting) void stop().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    console.log(`Booting the playground on ${process.env.SCIM_TEST_DB ?? 'sqlite'}…`);
    app = await startTestApp();
    removeStrapiSignalHandlers();
    booting = false;
    if (interrupted) {
      await stop();
      return 130;
    }
    // Typed as always there, strapi.plugin() answers undefined for a plugin that did not load.
    const scimPlugin: unknown = app.strapi.plugin('scim');
    if (!scimPlugin) {
      throw new Error(
        'The scim plugin did not load: the playground loads it from dist/ (run `npm run build` first, and not while another build is running)',
      );
    }
    const { baseUrl } = app;
    const token = await app.login();
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    const settingsResponse = await fetch(`${baseUrl}/scim/settings`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ enabled: true }),
    });
    if (settingsResponse.status !== 200)
      throw new Error(`PUT /scim/settings answered ${settingsResponse.status}: ${await settingsResponse.text()}`);
    const settings = ((await settingsResponse.json()) as { data: { endpointId: string; endpointUrl: string } }).data;

    const secretResponse = await fetch(`${baseUrl}/scim/secrets`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ label: 'Microsoft reference collection' }),
    });
    if (secretResponse.status !== 201)
      throw new Error(`POST /scim/secrets answered ${secretResponse.status}: ${await secretResponse.text()}`);
    const { secret } = ((await secretResponse.json()) as { data: { secret: string } }).data;

    const url = new URL(baseUrl);
    const api = new URL(settings.endpointUrl, baseUrl).pathname.replace(/^\/+/, '').replace(/\/+$/, '');
    console.log(`SCIM endpoint ${baseUrl}/${api}; running ${FOLDERS.length} folders of ${COLLECTION_FILE}`);

    const summary = await runNewman({
      collection: collectionPath,
      envVar: [
        { key: 'Protocol', value: url.protocol.replace(/:$/, '') },
        { key: 'Server', value: url.hostname },
        { key: 'Port', value: `:${url.port}` },
        { key: 'Api', value: api },
        { key: 'token', value: secret },
      ],
      folder: FOLDERS,
      reporters: ['cli'],
      color: process.stdout.isTTY ? 'on' : 'off',
      reporter: { cli: { noSummary: true } },
      timeoutRequest: 30_000,
    });

    const records = collect(summary).map((record) => (isRecordedGap(record) ? { ...record, recorded: true } : record));
    const resultsFile = collectionResultsFile(app.database.client);
    mkdirSync(path.dirname(resultsFile), { recursive: true });
    const perFolder = Object.fromEntries(
      FOLDERS.map((folder) => [folder, countsOf(records.filter((record) => record.folder === folder))]),
    );
    writeFileSync(
      resultsFile,
      `${JSON.stringify(
        {
          collection: `../shared/conformance/${COLLECTION_FILE}`,
          date: new Date().toISOString(),
          database: app.database.client,
          node: process.version,
          build: provenance(),
          folders: FOLDERS,
          totals: { ...countsOf(records), perFolder },
          assertions: records,
        },
        null,
        2,
      )}\n`,
    );
    console.log(`Results written to ${path.relative(REPO_ROOT, resultsFile)}`);
    if (records.length === 0)
      throw new Error('The run produced no assertions: check the folder names against the collection');
    results = records;
  } finally {
    await stop();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
  // Printed once the app is stopped, so "N passed, M failed" stays the last line.
  return printSummary(results) > 0 ? 1 : 0;
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
