/**
 * One section in a process of its own (fresh app, fresh database, clean RSS), started by bench/run.ts:
 *   node -r ./scripts/register-ts.js bench/support/section-process.ts <section> --db sqlite --scale 1 --out <file>
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { startBenchApp, type BenchDatabase } from './bench-app';
import { startLoadClient } from './load';
import type { SectionContext, SectionResult } from './section';

export const SECTIONS: Record<string, () => { run(context: SectionContext): Promise<SectionResult> }> = {
  floor: () => require('../sections/floor'),
  lookup: () => require('../sections/lookup'),
  create: () => require('../sections/create'),
  sync: () => require('../sections/sync'),
  'large-groups': () => require('../sections/large-groups'),
};

const option = (name: string): string | undefined => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
};

const main = async () => {
  const section = process.argv[2];
  if (!SECTIONS[section]) throw new Error(`unknown section "${section}"`);
  const db = (option('db') ?? 'sqlite') as BenchDatabase;
  const scale = Number(option('scale') ?? '1');
  const out = option('out');
  const started = Date.now();
  const log = (message: string) => console.log(`[${db} ${section} ${((Date.now() - started) / 1000).toFixed(0)}s] ${message}`);
  const bench = await startBenchApp(db);
  const endpoint = new URL(bench.endpoint);
  const client = startLoadClient(endpoint.origin, bench.authorization);
  log(`booted Strapi ${bench.strapiVersion} on ${db}, endpoint ${endpoint.pathname}`);
  try {
    const result = await SECTIONS[section]().run({
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
    if (out) writeFileSync(out, JSON.stringify({ ...result, loadAverage, strapiVersion: bench.strapiVersion }, null, 2));
  } finally {
    client.close();
    await bench.stop();
  }
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
