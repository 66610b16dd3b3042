/**
 * Run: npm run build && npm run bench:stall [-- --label <name>] [-- --seconds 5] [-- --rounds 3]   (~80 s)
 *
 * Does hostile input stall the server for everyone else? The playground runs in this process (SQLite);
 * a load client (another process) sends, in two phases of one run, (a) ordinary POST /Users creates and
 * (b) hostile creates whose userName is "a@", 40,000 dots and " x" (2.5 s of backtracking each with the
 * former email pattern), alternating for a few rounds. During each phase a probe (a third process) sends GET /ServiceProviderConfig every
 * 5 ms and records how long each waited. Both phases run in production mode and in test mode (the
 * plugin's productionMode setting). Target: the worst probe wait during hostile creates is no worse than
 * during ordinary creates.
 *
 * Results are appended to bench/results/<date>-hostile-stall.{json,md}, one row per label and mode, so
 * one file holds the figures of the code before the fix (label "before") and after it ("after"); the
 * plugin runs from dist/, so build the code to measure first.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { adminApi } from '../tests/integration/support/admin-api';
import { startBenchApp } from './support/bench-app';
import { startLoadClient, type CannonResult } from './support/load';
import { describeMachine, machine, today, type Machine } from './support/measure';
import { provenance } from './support/report';
import { startStallProbe, type ProbeResult } from './support/stall-probe';
import { userBody } from './support/scim-bodies';
import { median, round } from './support/stats';

const ROOT = path.join(__dirname, '..');
const argument = (name: string, fallback: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
};
const LABEL = argument('label', 'current');
const PHASE_SECONDS = Number(argument('seconds', '5'));
/** Phases alternate normal, hostile, normal, ... so that a burst of load from elsewhere hits both alike. */
const ROUNDS = Number(argument('rounds', '3'));
const CONNECTIONS = 4;
const PROBE_INTERVAL_MS = 5;
const HOSTILE_USER_NAME = `a@${'.'.repeat(40_000)} x`;

interface Phase {
  load: Pick<CannonResult, 'requests' | 'rps' | 'p50' | 'p99' | 'statuses'>;
  probe: ProbeResult;
  loadAverage: number[];
}

/** The rounds of one kind of load: the worst wait of all, the median of the rounds' worst and p99 waits. */
interface Phases {
  rounds: Phase[];
  worst: number;
  medianWorst: number;
  medianP99: number;
  rps: number;
  statuses: Record<string, number>;
  loadAverage: number[];
}

interface Run {
  label: string;
  mode: 'production' | 'test';
  date: string;
  commit: string | null;
  uncommittedServerFiles: number | null;
  distBuiltAt: string | null;
  normal: Phases;
  hostile: Phases;
  /** worst wait during hostile creates / worst wait during normal creates */
  worstRatio: number;
  medianWorstRatio: number;
  p99Ratio: number;
  targetMet: boolean;
}

const summarize = (rounds: Phase[]): Phases => {
  const statuses: Record<string, number> = {};
  for (const round of rounds)
    for (const [status, count] of Object.entries(round.load.statuses))
      statuses[status] = (statuses[status] ?? 0) + count;
  return {
    rounds,
    worst: Math.max(...rounds.map((r) => r.probe.worst)),
    medianWorst: median(rounds.map((r) => r.probe.worst)),
    medianP99: median(rounds.map((r) => r.probe.p99)),
    rps: round(median(rounds.map((r) => r.load.rps)), 1),
    statuses,
    loadAverage: rounds[rounds.length - 1].loadAverage,
  };
};

interface Results {
  machine: Machine;
  runs: Run[];
}

const loadAverage = () => loadavg().map((value) => round(value, 2));

const main = async () => {
  const bench = await startBenchApp('sqlite');
  const origin = new URL(bench.endpoint).origin;
  const endpointPath = new URL(bench.endpoint).pathname;
  const client = startLoadClient(origin, bench.authorization);
  const api = adminApi(bench.app.baseUrl, await bench.app.login());
  const runs: Run[] = [];
  try {
    for (const mode of ['production', 'test'] as const) {
      const settings = await api.call('PUT', '/scim/settings', { productionMode: mode === 'production' });
      if (settings.status !== 200) throw new Error(`switching to ${mode} mode failed: ${settings.status}`);
      const phase = async (pattern: Parameters<typeof client.cannon>[0]['pattern']): Promise<Phase> => {
        const probe = startStallProbe({
          origin,
          authorization: bench.authorization,
          path: `${endpointPath}/ServiceProviderConfig`,
          intervalMs: PROBE_INTERVAL_MS,
          durationMs: PHASE_SECONDS * 1000,
        });
        const load = await client.cannon({
          connections: CONNECTIONS,
          durationSeconds: PHASE_SECONDS,
          maxRequests: 1_000_000,
          pattern,
        });
        const probed = await probe;
        return {
          load: { requests: load.requests, rps: load.rps, p50: load.p50, p99: load.p99, statuses: load.statuses },
          probe: probed,
          loadAverage: loadAverage(),
        };
      };
      const startedAt = new Date().toISOString();
      const normalRounds: Phase[] = [];
      const hostileRounds: Phase[] = [];
      for (let index = 1; index <= ROUNDS; index += 1) {
        process.stdout.write(`${LABEL}, ${mode} mode, round ${index}: normal creates, then hostile creates\n`);
        normalRounds.push(
          await phase({ type: 'createUser', usersPath: `${endpointPath}/Users`, namePrefix: `stall-${mode}-${index}` }),
        );
        hostileRounds.push(
          await phase({
            type: 'fixed',
            method: 'POST',
            path: `${endpointPath}/Users`,
            // No usable email: the former code then ran the email pattern on the userName.
            body: { ...userBody('hostile', 1), emails: [], userName: HOSTILE_USER_NAME },
          }),
        );
      }
      const normal = summarize(normalRounds);
      const hostile = summarize(hostileRounds);
      const { commit, uncommittedServerFiles } = provenance(ROOT);
      const distFile = path.join(ROOT, 'dist', 'server', 'index.js');
      runs.push({
        label: LABEL,
        mode,
        date: startedAt,
        commit,
        uncommittedServerFiles,
        distBuiltAt: existsSync(distFile) ? statSync(distFile).mtime.toISOString() : null,
        normal,
        hostile,
        worstRatio: round(hostile.worst / normal.worst, 2),
        medianWorstRatio: round(hostile.medianWorst / normal.medianWorst, 2),
        p99Ratio: round(hostile.medianP99 / normal.medianP99, 2),
        targetMet: hostile.worst <= normal.worst,
      });
    }
  } finally {
    client.close();
    await bench.stop();
  }
  report(runs);
  process.exit(0);
};

const report = (newRuns: Run[]) => {
  const dir = path.join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const name = `${today()}-hostile-stall`;
  const jsonFile = path.join(dir, `${name}.json`);
  const previous = existsSync(jsonFile) ? (JSON.parse(readFileSync(jsonFile, 'utf8')) as Results) : null;
  const kept = (previous?.runs ?? []).filter(
    (run) => !newRuns.some((added) => added.label === run.label && added.mode === run.mode),
  );
  const results: Results = { machine: machine(), runs: [...kept, ...newRuns] };
  writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
  const markdown = renderMarkdown(results);
  writeFileSync(path.join(dir, `${name}.md`), markdown);
  process.stdout.write(`${markdown}\nwrote ${jsonFile} and .md\n`);
};

const renderMarkdown = ({ machine: m, runs }: Results): string => {
  const lines = [
    '# Does hostile input stall the server?',
    '',
    `- Machine: ${describeMachine(m)}`,
    `- \`npm run bench:stall -- --label <label>\`: the playground on SQLite; ${CONNECTIONS} connections send POST /Users for ${PHASE_SECONDS} s per phase, ${ROUNDS} rounds of (a) ordinary creates, then (b) creates whose userName is "a@", 40,000 dots and " x"; meanwhile a probe process sends GET /ServiceProviderConfig every ${PROBE_INTERVAL_MS} ms (one at a time: the next as soon as the previous answer is in, if that is later) and records each wait (from when it was due to its answer).`,
    "- Target: the worst probe wait during hostile creates is no worse than during ordinary creates (ratio <= 1). On a shared machine one outlier decides the worst of all rounds, so the median of the rounds' worst waits is shown beside it.",
    '',
    '| label | mode | probe worst of all rounds: normal / hostile (ms) | ratio | median of round worsts: normal / hostile (ms) | ratio | median p99: normal / hostile (ms) | ratio | load, median req/s: normal / hostile | hostile statuses | load average (1/5/15 min) after the last normal / hostile phase | started, commit, dist built | met |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|---|:---:|',
    ...runs.map(
      (r) =>
        `| ${r.label} | ${r.mode} | ${r.normal.worst} / ${r.hostile.worst} | ${r.worstRatio} | ${r.normal.medianWorst} / ${r.hostile.medianWorst} | ${r.medianWorstRatio} | ${r.normal.medianP99} / ${r.hostile.medianP99} | ${r.p99Ratio} | ${r.normal.rps} / ${r.hostile.rps} | ${JSON.stringify(r.hostile.statuses)} | ${r.normal.loadAverage.join(' / ')}; ${r.hostile.loadAverage.join(' / ')} | ${r.date}, ${r.commit?.slice(0, 7) ?? '?'}${r.uncommittedServerFiles ? ` +${r.uncommittedServerFiles} uncommitted server file(s)` : ''}, dist ${r.distBuiltAt ?? '?'} | ${r.targetMet ? 'yes' : '**no**'} |`,
    ),
    '',
  ];
  return lines.join('\n');
};

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
