/**
 * Run: node -r ./scripts/register-ts.js bench/libraries/compare-redos-checkers.ts   (~1 min)
 *
 * What each ReDoS checker says about every regular expression in server/src (found by the TypeScript
 * compiler, as the unit test finds them) and about a few known cases, and how long it takes: recheck with
 * its native binary (recheck-linux-x64) and with its pure JavaScript (Scala.js) backend, and safe-regex2
 * (star height), on the patterns, the replacement considered for the email pattern and two textbook cases
 * (exponential, quadratic). Writes bench/results/<date>-compare-redos-checkers.{md,json}.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadavg } from 'node:os';
import { check } from 'recheck';
import safeRegex from 'safe-regex2';
import { findPatterns } from '../../tests/unit/server/support/regex-inventory';
import { describeMachine, machine, today } from '../support/measure';

const ROOT = path.join(__dirname, '..', '..');

/** Known cases beside the tree's own: the replacements considered, and textbook exponential/quadratic ones. */
const EXTRA = [
  { where: 'candidate email, first dot split', source: '^[^\\s@]+@[^\\s@.]+\\.[^\\s@]+$', flags: '' },
  { where: 'textbook exponential', source: '^(a+)+$', flags: '' },
  { where: 'textbook quadratic', source: '\\s*#\\s*$', flags: '' },
];

type Verdict = { status: string; complexity?: string; attack?: string; ms: number; error?: string };

const runRecheck = async (backend: 'native' | 'pure', source: string, flags: string): Promise<Verdict> => {
  process.env.RECHECK_BACKEND = backend;
  const started = performance.now();
  const result = await check(source, flags, { timeout: 10_000 });
  const ms = performance.now() - started;
  return {
    status: result.status,
    complexity: result.status === 'vulnerable' || result.status === 'safe' ? result.complexity.type : undefined,
    attack: result.status === 'vulnerable' ? result.attack.pattern : undefined,
    error: result.status === 'unknown' ? result.error.kind : undefined,
    ms,
  };
};

const runSafeRegex = (source: string, flags: string): Verdict => {
  const started = performance.now();
  let status: string;
  try {
    status = safeRegex(new RegExp(source, flags)) ? 'safe' : 'vulnerable';
  } catch (error) {
    status = `error: ${(error as Error).message}`;
  }
  return { status, ms: performance.now() - started };
};

const main = async () => {
  const patterns = [...findPatterns(ROOT, 'server/src').filter((p) => !p.dynamic), ...EXTRA];
  const rows: { where: string; pattern: string; native: Verdict; pure: Verdict; safeRegex2: Verdict }[] = [];
  const totals = { native: 0, pure: 0, safeRegex2: 0 };
  // The native agent is started once (its start-up is counted in the first pattern's time).
  for (const pattern of patterns) {
    const native = await runRecheck('native', pattern.source, pattern.flags);
    const pure = await runRecheck('pure', pattern.source, pattern.flags);
    const sr = runSafeRegex(pattern.source, pattern.flags);
    totals.native += native.ms;
    totals.pure += pure.ms;
    totals.safeRegex2 += sr.ms;
    rows.push({ where: pattern.where, pattern: `/${pattern.source}/${pattern.flags}`, native, pure, safeRegex2: sr });
    process.stdout.write('.');
  }
  process.stdout.write('\n');
  const m = machine();
  const lines = [
    `# ReDoS checkers on the patterns of server/src (${today()})`,
    '',
    `- Machine: ${describeMachine(m)}; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}`,
    `- Total time: recheck native ${Math.round(totals.native)} ms, recheck pure JS ${Math.round(totals.pure)} ms, safe-regex2 ${totals.safeRegex2.toFixed(1)} ms`,
    '',
    '| where | pattern | recheck (native) | recheck (pure JS) | safe-regex2 |',
    '|---|---|---|---|---|',
    ...rows.map((r) => {
      const cell = (v: Verdict) =>
        `${v.status}${v.complexity ? ` (${v.complexity})` : ''}${v.error ? ` (${v.error})` : ''}, ${Math.round(v.ms)} ms`;
      return `| ${r.where} | \`${r.pattern.replace(/\|/g, '\\|')}\` | ${cell(r.native)} | ${cell(r.pure)} | ${r.safeRegex2.status} |`;
    }),
    '',
  ];
  const markdown = lines.join('\n');
  console.log(markdown);
  const dir = path.join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const name = `${today()}-compare-redos-checkers`;
  writeFileSync(path.join(dir, `${name}.md`), markdown);
  writeFileSync(
    path.join(dir, `${name}.json`),
    `${JSON.stringify({ machine: m, loadAverage: loadavg(), totals, rows }, null, 2)}\n`,
  );
  process.exit(0);
};

void main();
