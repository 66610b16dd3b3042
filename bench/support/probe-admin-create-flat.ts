/**
 * Is an admin-user create flat in the number of admin users? Times, in one run, at 1,000 and at 30,000 admin users
 * (rows filled in directly with knex; the sizes alternate round by round, the candidates within a round):
 * - `service`: Strapi's `admin::user` service create (the create path before docs/decisions/admin-user-create-path.md),
 * - `db.query`: `strapi.db.query('admin::user').create` with the same data (it runs the same lifecycles),
 * - `plugin`: the plugin's create path (server/src/services/targets/admin-user-create.ts),
 * - `scim-http`: `POST /Users` over HTTP in production mode, one request at a time,
 * - `email-lookup` (not a create): the admin-user lookup by email every SCIM create makes (Strapi gives admin_users no
 *   index on email; the plugin declares one, server/src/services/targets/host-user-email-index.ts).
 *   node -r ./scripts/register-ts.js bench/support/probe-admin-create-flat.ts [sqlite|postgres] [--sizes=1000,30000] [--rounds=5]
 * Writes bench/results/<date>-admin-create-flat-<db>.json and prints Markdown rows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAdminUser } from '../../server/src/services/targets/admin-user-create';
import { startBenchApp, type BenchDatabase } from './bench-app';
import { userBody } from './scim-bodies';
import { median, round } from './stats';

interface AdminUserService {
  create(attributes: Record<string, unknown>): Promise<unknown>;
}

const PER_ROUND = 20;
const CANDIDATES = ['service', 'db.query', 'plugin', 'scim-http', 'email-lookup'] as const;
type CandidateName = (typeof CANDIDATES)[number];

const argument = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];

void (async () => {
  const db: BenchDatabase = process.argv.includes('postgres') ? 'postgres' : 'sqlite';
  const sizes = (argument('sizes') ?? '1000,30000').split(',').map(Number);
  const ROUNDS = Number(argument('rounds') ?? 5);
  const bench = await startBenchApp(db);
  const { strapi } = bench;
  const knex = strapi.db.connection;
  const service = strapi.service('admin::user') as unknown as AdminUserService;
  let n = 0;
  const profile = () => {
    n += 1;
    return { email: `probe${n}@x.example.com`, firstname: 'P', lastname: 'Q', roles: [bench.defaultRoleId] };
  };
  const run: Record<CandidateName, () => Promise<unknown>> = {
    service: () => service.create(profile()),
    'db.query': () =>
      strapi.db.query('admin::user').create({
        data: { registrationToken: 'x'.repeat(40), isActive: false, username: null, ...profile() },
        populate: ['roles'],
      }),
    plugin: () => createAdminUser(strapi, profile()),
    'scim-http': async () => {
      n += 1;
      const response = await fetch(`${bench.endpoint}/Users`, {
        method: 'POST',
        headers: { authorization: bench.authorization, 'content-type': 'application/scim+json' },
        body: JSON.stringify(userBody('flat', n)),
      });
      if (response.status !== 201) throw new Error(`POST /Users answered ${response.status}`);
      await response.arrayBuffer();
    },
    'email-lookup': () =>
      strapi.db.query('admin::user').findOne({ select: ['id'], where: { email: 'absent@x.example.com' } }),
  };
  const countUsers = async () => Number((await knex('admin_users').count({ c: '*' }))[0].c);
  /** Fills admin_users up to `size` rows with direct inserts, dropping earlier filler rows first. */
  const resize = async (size: number) => {
    await knex('admin_users').where('email', 'like', 'fill%').delete();
    let filled = await countUsers();
    while (filled < size) {
      const rows = [];
      for (; filled < size && rows.length < 500; filled += 1)
        rows.push({
          email: `fill${filled}@x.example.com`,
          firstname: 'F',
          lastname: 'L',
          is_active: true,
          blocked: false,
          document_id: `fill${filled}`,
          created_at: new Date(),
          updated_at: new Date(),
        });
      await knex('admin_users').insert(rows);
    }
    // Fresh planner statistics, as autovacuum would have after a real sync.
    if (db === 'postgres') await knex.raw('analyze admin_users');
    // The playground runs SQLite in WAL mode: start every size from a checkpointed, empty log.
    else await knex.raw('pragma wal_checkpoint(truncate)');
    // The resize outlasts the server's keep-alive timeout: the first request on the idle socket may meet its reset.
    await fetch(`${bench.endpoint}/ServiceProviderConfig`).catch(() => undefined);
    return countUsers();
  };
  const samples = sizes.map(() => Object.fromEntries(CANDIDATES.map((name) => [name, [] as number[]])));
  // The probe's own creates add to the smaller size as the rounds go by: record the range.
  const counted = sizes.map(() => ({ first: 0, last: 0 }));
  for (const name of CANDIDATES) for (let i = 0; i < 5; i += 1) await run[name](); // warm-up
  // Sizes alternate round by round, so that the machine's load drifts over both alike.
  for (let r = 0; r < ROUNDS; r += 1) {
    for (const [s, size] of sizes.entries()) {
      counted[s].last = await resize(size);
      if (r === 0) counted[s].first = counted[s].last;
      for (const name of CANDIDATES) {
        const t = process.hrtime.bigint();
        for (let i = 0; i < PER_ROUND; i += 1) await run[name]();
        samples[s][name].push(Number(process.hrtime.bigint() - t) / 1e6 / PER_ROUND);
      }
    }
    console.log(
      `round ${r + 1} of ${ROUNDS}, load average ${os
        .loadavg()
        .map((value) => round(value))
        .join(' ')}`,
    );
  }
  const results = sizes.map((_, s) => ({
    adminUsers: counted[s].first === counted[s].last ? `${counted[s].first}` : `${counted[s].first}–${counted[s].last}`,
    ms: Object.fromEntries(CANDIDATES.map((name) => [name, round(median(samples[s][name]))])) as Record<
      CandidateName,
      number
    >,
  }));
  const [small, large] = [results[0], results[results.length - 1]];
  console.log(`| ${['database', 'candidate', ...results.map((r) => `ms at ${r.adminUsers}`), 'ratio'].join(' | ')} |`);
  for (const name of CANDIDATES)
    console.log(
      `| ${[db, name, ...results.map((r) => r.ms[name]), round(large.ms[name] / small.ms[name])].join(' | ')} |`,
    );
  const report = {
    date: new Date().toISOString(),
    database: db,
    strapiVersion: bench.strapiVersion,
    node: process.version,
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: round(os.totalmem() / 1024 ** 3, 1) },
    loadavgAtEnd: os.loadavg().map((value) => round(value)),
    rounds: ROUNDS,
    createsPerRound: PER_ROUND,
    results,
  };
  const file = path.resolve(__dirname, '..', 'results', `${report.date.slice(0, 10)}-admin-create-flat-${db}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  await bench.stop();
  process.exit(0);
})();
