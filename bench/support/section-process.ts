/**
 * One section in a process of its own (fresh app, fresh database, clean RSS), started by bench/run.ts:
 *   node -r ./scripts/register-ts.js bench/support/section-process.ts <section> --db sqlite --scale 1 --out <file>
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { startBenchApp, type BenchDatabase } from './bench-app';
import { startLoadClient } from './load';
import type { SectionContext, SectionResult } from './section';

/** Loaded on demand: a process runs one section. */
export const SECTIONS: Record<
  string,
  | (() => Promise<{
      run(context: SectionContext): Promise<SectionResult>;
      /** Environment the app boots with (plugin options the section needs). */
      env?: Record<string, string>;
    }>)
  | undefined
> = {
  floor: () => import('../sections/floor'),
  lookup: () => import('../sections/lookup'),
  create: () => import('../sections/create'),
  sync: () => import('../sections/sync'),
  'large-groups': () => import('../sections/large-groups'),
  'create-ratios': () => import('../sections/create-ratios'),
  'create-flat': () => import('../sections/create-flat'),
  'index-lookup': () => import('../sections/index-lookup'),
  'index-create-plain': () => import('../sections/index-create').then((module) => module.plain),
  'index-create-indexed': () => import('../sections/index-create').then((module) => module.indexed),
};

const option = (name: string): string | undefined => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
};

const main = async () => {
  const section = process.argv[2];
  const load = SECTIONS[section];
  if (!load) throw new Error(`unknown section "${section}"`);
  const db = (option('db') ?? 'sqlite') as BenchDatabase;
  const scale = Number(option('scale') ?? '1');
  const out = option('out');
  const started = Date.now();
  const log = (message: string) =>
    console.log(`[${db} ${section} ${((Date.now() - started) / 1000).toFixed(0)}s] ${message}`);
  const loaded = await load();
  Object.assign(process.env, loaded.env ?? {});
  const bench = await startBenchApp(db);
  const endpoint = new URL(bench.endpoint);
  const client = startLoadClient(endpoint.origin, bench.authorization);
  log(`booted Strapi ${bench.strapiVersion} on ${db}, endpoint ${endpoint.pathname}`);
  try {
    const result = await loaded.run({
      bench,
      client,
      scale,
      profile: process.argv.includes('--profile'),
      endpointPath: endpoint.pathname,
      log,
    });
    result.seconds = Math.round((Date.now() - started) / 1000);
    // Other work on a shared machine shows here: a 1-minute load average above the 2 cores means contention.
    const loadAverage = os.loadavg().map((value) => Math.round(value * 100) / 100);
    if (out)
      writeFileSync(out, JSON.stringify({ ...result, loadAverage, strapiVersion: bench.strapiVersion }, null, 2));
  } finally {
    client.close();
    // Strapi's admin-user create sends a telemetry count without awaiting it (admin `user.create` calls
    // `sendDidInviteUser()`): one still waiting for a connection when the pool is destroyed rejects with "aborted",
    // and nothing handles it. A section that ends with such creates must not fail on it: its result is written.
    process.on('unhandledRejection', (reason) =>
      log(`ignored while stopping: ${reason instanceof Error ? reason.message : String(reason)}`),
    );
    await bench.stop();
  }
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
