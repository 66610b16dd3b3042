/**
 * SCIM at directory scale (issue "Performance at directory scale"): floor, lookup, create, create against
 * Strapi's own admin-user create, create at 1,000 and 30,000 admin users, initial sync, large groups, memory.
 * Build first (`npm run build`: the playground loads the plugin from dist/), then
 *   npm run bench                                  full run on SQLite (WAL, as the playground config)
 *   npm run bench -- --db postgres                 PostgreSQL on 127.0.0.1:5432 (user postgres)
 *   npm run bench -- --scale 0.1                   smaller directories, for a quick run
 *   npm run bench -- --only lookup,create          some sections only
 *   npm run bench -- --profile                     also take CPU profiles of the key windows
 * Each section runs in a process of its own (bench/support/section-process.ts) on a fresh database; the
 * results go to bench/results/<YYYY-MM-DD>-<database>[-scale<x>].json and .md, with every target of the run,
 * the machine and its load average at the top (and printed last).
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { machine, median, today } from './support/measure';
import { provenance, renderConsole, writeReport, type RunReport } from './support/report';
import { target, type SectionResult } from './support/section';

const ROOT = path.resolve(__dirname, '..');
const ALL_SECTIONS = ['floor', 'lookup', 'create', 'create-ratios', 'create-flat', 'sync', 'large-groups'];
/**
 * Run with --only: the attribute index at 100k users (issue #16). The create variants boot with and without the
 * option; list them interleaved (index-create-plain,index-create-indexed,index-create-plain,...).
 */
const INDEX_SECTIONS = ['index-lookup', 'index-create-plain', 'index-create-indexed'];

const loadAverage = () => os.loadavg().map((value) => Math.round(value * 100) / 100);

const option = (name: string): string | undefined => {
  const args = process.argv.slice(2);
  const inline = args.find((arg) => arg.startsWith(`--${name}=`));
  if (inline) return inline.slice(name.length + 3);
  const index = args.indexOf(`--${name}`);
  return index === -1 ? undefined : args[index + 1];
};

/** The part of better-sqlite3 (untyped here) that reads the SQLite version. */
type SqliteDatabase = new (file: string) => { prepare(sql: string): { get(): { v: string } }; close(): void };

const databaseVersion = async (db: string): Promise<string> => {
  if (db === 'postgres') {
    const { Client } = await import('pg');
    const client = new Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' });
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('show server_version');
    await client.end();
    return rows[0].server_version;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- better-sqlite3 is the playground's dependency, resolved from there
  const Database = require(
    require.resolve('better-sqlite3', { paths: [path.join(ROOT, 'playground')] }),
  ) as SqliteDatabase;
  const memory = new Database(':memory:');
  const { v: version } = memory.prepare('select sqlite_version() as v').get();
  memory.close();
  return `${version} (better-sqlite3, WAL, synchronous=NORMAL)`;
};

const runSection = (section: string, db: string, scale: number, profile: boolean): Promise<SectionResult> => {
  const out = path.join(ROOT, 'bench', '.tmp', `${db}-${section}.json`);
  mkdirSync(path.dirname(out), { recursive: true });
  rmSync(out, { force: true });
  const args = [
    // e.g. BENCH_SECTION_NODE_FLAGS=--trace-gc (Node refuses it in NODE_OPTIONS).
    ...(process.env.BENCH_SECTION_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
    '--expose-gc',
    '-r',
    path.join(ROOT, 'scripts', 'register-ts.js'),
    path.join(ROOT, 'bench', 'support', 'section-process.ts'),
    section,
    '--db',
    db,
    '--scale',
    String(scale),
    '--out',
    out,
    ...(profile ? ['--profile'] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
    // Every section is bounded; this is the backstop if one hangs.
    const timer = setTimeout(() => child.kill('SIGKILL'), 30 * 60 * 1000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 && existsSync(out)) resolve(JSON.parse(readFileSync(out, 'utf8')) as SectionResult);
      else reject(new Error(`section ${section} exited with ${code ?? signal}`));
    });
  });
};

const main = async () => {
  const db = option('db') ?? 'sqlite';
  if (db !== 'sqlite' && db !== 'postgres') throw new Error('--db must be sqlite or postgres');
  const scale = Number(option('scale') ?? '1');
  if (!(scale > 0 && scale <= 1)) throw new Error('--scale must be in (0, 1]');
  const only = option('only');
  const sections = only ? only.split(',').map((s) => s.trim()) : ALL_SECTIONS;
  for (const section of sections)
    if (!ALL_SECTIONS.includes(section) && !INDEX_SECTIONS.includes(section))
      throw new Error(`unknown section ${section}; one of ${[...ALL_SECTIONS, ...INDEX_SECTIONS].join(', ')}`);
  const profile = process.argv.includes('--profile');
  const distServer = path.join(ROOT, 'dist', 'server', 'index.js');
  if (!existsSync(distServer)) throw new Error('dist/ is missing: run `npm run build` first');

  const started = Date.now();
  const loadAverageAtStart = loadAverage();
  const distAtStart = statSync(distServer).mtime.toISOString();
  const results: SectionResult[] = [];
  const failures: { section: string; error: string }[] = [];
  for (const section of sections) {
    try {
      results.push(await runSection(section, db, scale, profile));
    } catch (error) {
      console.error(error);
      failures.push({ section, error: error instanceof Error ? error.message : String(error) });
    }
  }
  const indexCreate = compareIndexCreate(results);
  if (indexCreate) results.push(indexCreate);
  const report: RunReport = {
    machine: machine(),
    command: ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
    loadAverage: { start: loadAverageAtStart, end: loadAverage() },
    database: db,
    databaseVersion: await databaseVersion(db),
    strapiVersion: (results[0] as { strapiVersion?: string } | undefined)?.strapiVersion ?? 'unknown',
    scale,
    ...provenance(ROOT),
    distBuiltAt:
      distAtStart === statSync(distServer).mtime.toISOString()
        ? distAtStart
        : `${distAtStart}, rebuilt during the run at ${statSync(distServer).mtime.toISOString()}`,
    seconds: (Date.now() - started) / 1000,
    sections: results,
    failures,
  };
  const name =
    option('name') !== undefined
      ? `${today()}-${option('name')}-${db}`
      : `${today()}-${db}${scale !== 1 ? `-scale${scale}` : ''}${only ? `-${sections.join('-')}` : ''}`;
  const files = writeReport(path.join(ROOT, 'bench', 'results'), name, report);
  console.log(renderConsole(report));
  console.log(`\nwritten: ${path.relative(ROOT, files.md)}, ${path.relative(ROOT, files.json)}`);
  if (failures.length > 0) process.exitCode = 1;
};

/** The create cost with the index option against without, from the interleaved create sections of this run. */
const compareIndexCreate = (results: SectionResult[]): SectionResult | undefined => {
  const rates = (variant: string) =>
    results
      .filter((result) => result.section === `index-create-${variant}`)
      .map((result) => (result.data as { rps: number }).rps);
  const plain = rates('plain');
  const indexed = rates('indexed');
  if (plain.length === 0 || indexed.length === 0) return undefined;
  const ratio = Math.round((median(plain) / median(indexed)) * 1000) / 1000;
  return {
    section: 'index-create',
    title: 'Create cost with indexedAttributes against without',
    figures: [
      { label: 'POST /Users at 4 connections without the option (per process)', value: `${plain.join(', ')} req/s` },
      { label: 'same with the option (3 index rows per user)', value: `${indexed.join(', ')} req/s` },
    ],
    targets: [target('time per create with / without the option (median req/s)', ratio, '×', '<=', 1.05)],
    data: { plain, indexed, ratio },
    notes: ['Each variant runs in its own process on a fresh database; the processes alternate.'],
  };
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
