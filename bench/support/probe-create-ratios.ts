/**
 * Issue #18 item 1: a SCIM create against Strapi's own admin-user create, in one run. At 1, 4 and 8 connections
 * (in flight), round by round: `POST /Users` (production mode: SCIM record, admin user with its role, activity
 * entry), Strapi's `POST /admin/users` with an admin's token (the admin user with its role), and
 * `strapi.service('admin::user').create` in process. HTTP load comes from the forked load client.
 *   node -r ./scripts/register-ts.js bench/support/probe-create-ratios.ts [sqlite|postgres] [--rounds=3] [--seconds=4]
 * Writes bench/results/<date>-create-ratios-<db>.json and prints Markdown rows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBenchApp, type BenchDatabase } from './bench-app';
import { startLoadClient, type CannonResult } from './load';
import { median, round } from './stats';

const CONNECTIONS = [1, 4, 8] as const;

const argument = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];

const created = (label: string, result: CannonResult) => {
  const other = Object.entries(result.statuses).filter(([status]) => status !== '201');
  if (other.length > 0 || result.errors > 0)
    throw new Error(`${label}: ${JSON.stringify(result.statuses)}, ${result.errors} errors`);
  return result.rps;
};

void (async () => {
  const db: BenchDatabase = process.argv.includes('postgres') ? 'postgres' : 'sqlite';
  const rounds = Number(argument('rounds') ?? 3);
  const seconds = Number(argument('seconds') ?? 4);
  const bench = await startBenchApp(db);
  const origin = bench.app.baseUrl;
  const usersPath = `${new URL(bench.endpoint).pathname}/Users`;
  const scimClient = startLoadClient(origin, bench.authorization);
  const adminClient = startLoadClient(origin, `Bearer ${await bench.app.login()}`);
  const service = bench.strapi.service('admin::user') as unknown as {
    create(data: Record<string, unknown>): Promise<unknown>;
  };
  let serviceCount = 0;
  const inProcess = async (inFlight: number) => {
    const started = process.hrtime.bigint();
    const deadline = Date.now() + seconds * 1000;
    let done = 0;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (Date.now() < deadline) {
          serviceCount += 1;
          await service.create({
            email: `service.${serviceCount}@floor.example.com`,
            firstname: `Given${serviceCount}`,
            lastname: 'Floor',
            isActive: true,
            roles: [bench.defaultRoleId],
          });
          done += 1;
        }
      }),
    );
    return round(done / (Number(process.hrtime.bigint() - started) / 1e9), 1);
  };
  const scim = async (connections: number, prefix: string, durationSeconds = seconds) =>
    created(
      'POST /Users',
      await scimClient.cannon({
        connections,
        durationSeconds,
        maxRequests: 50_000,
        pattern: { type: 'createUser', usersPath, namePrefix: prefix },
      }),
    );
  const admin = async (connections: number, prefix: string, durationSeconds = seconds) =>
    created(
      'POST /admin/users',
      await adminClient.cannon({
        connections,
        durationSeconds,
        maxRequests: 50_000,
        pattern: { type: 'createAdminUser', namePrefix: `admin-${prefix}`, roleId: bench.defaultRoleId },
      }),
    );

  // Warm-up (JIT, connection pool, page cache).
  await scim(4, 'warm', 2);
  await admin(4, 'warm', 2);
  await inProcess(4);

  const samples = CONNECTIONS.map(() => ({ scim: [] as number[], admin: [] as number[], service: [] as number[] }));
  for (let r = 0; r < rounds; r += 1) {
    for (const [c, connections] of CONNECTIONS.entries()) {
      samples[c].scim.push(await scim(connections, `s${r}c${connections}`));
      samples[c].admin.push(await admin(connections, `a${r}c${connections}`));
      samples[c].service.push(await inProcess(connections));
    }
    console.log(
      `round ${r + 1} of ${rounds}, load average ${os
        .loadavg()
        .map((value) => round(value))
        .join(' ')}`,
    );
  }
  const rows = CONNECTIONS.map((connections, c) => {
    const scimRate = median(samples[c].scim);
    const adminRate = median(samples[c].admin);
    const serviceRate = median(samples[c].service);
    return {
      connections,
      scim: scimRate,
      admin: adminRate,
      service: serviceRate,
      scimOverAdmin: round(scimRate / adminRate, 2),
      costVsService: round(serviceRate / scimRate, 2),
    };
  });
  console.log(
    '| connections | POST /Users req/s | POST /admin/users req/s | admin::user service /s | SCIM / Strapi route | SCIM cost / service cost |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const row of rows)
    console.log(
      `| ${row.connections} | ${row.scim} | ${row.admin} | ${row.service} | ${row.scimOverAdmin}× | ${row.costVsService}× |`,
    );
  const report = {
    date: new Date().toISOString(),
    database: db,
    strapiVersion: bench.strapiVersion,
    node: process.version,
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: round(os.totalmem() / 1024 ** 3, 1) },
    loadavgAtEnd: os.loadavg().map((value) => round(value)),
    rounds,
    seconds,
    rows,
    samples,
  };
  const file = path.resolve(__dirname, '..', 'results', `${report.date.slice(0, 10)}-create-ratios-${db}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  scimClient.close();
  adminClient.close();
  await bench.stop();
  process.exit(0);
})();
