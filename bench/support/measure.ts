/**
 * Timing helpers shared by the benchmarks: ops/s as the median of 5 timed runs, candidates interleaved
 * run by run (A B C, A B C, ...) so that drift of a shared 2-core machine hits every candidate alike.
 * Figures are only meant to be compared as ratios within one run of one script.
 */
import os from 'node:os';

export interface Candidate {
  name: string;
  /** One operation; `i` is the iteration number, so inputs can cycle through a list. */
  run: (i: number) => unknown;
  /** Operations per timed run when this candidate is too slow for the common count. */
  iterations?: number;
}

export interface AsyncCandidate {
  name: string;
  run: (i: number) => Promise<unknown>;
  iterations?: number;
}

export interface Measurement {
  name: string;
  iterations: number;
  /** ops/s of each timed run, in the order they ran. */
  runs: number[];
  /** Median of `runs`. */
  opsPerSecond: number;
}

export const RUNS = 5;

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Every result is kept here, so the JIT cannot drop the work as dead code. */
let sink: unknown;
export const lastSink = (): unknown => sink;

const timeLoop = (candidate: Candidate, iterations: number): number => {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i += 1) sink = candidate.run(i);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return iterations / seconds;
};

/** Warms every candidate up, then times `runs` interleaved rounds of `iterations` operations each. */
export function measure(candidates: Candidate[], iterations: number, runs = RUNS): Measurement[] {
  const count = (candidate: Candidate) => candidate.iterations ?? iterations;
  for (const candidate of candidates) timeLoop(candidate, Math.min(count(candidate), 20_000));
  const samples = candidates.map(() => [] as number[]);
  for (let round = 0; round < runs; round += 1) {
    candidates.forEach((candidate, index) => samples[index].push(timeLoop(candidate, count(candidate))));
  }
  return candidates.map((candidate, index) => ({
    name: candidate.name,
    iterations: count(candidate),
    runs: samples[index],
    opsPerSecond: median(samples[index]),
  }));
}

const timeAsyncLoop = async (candidate: AsyncCandidate, iterations: number): Promise<number> => {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i += 1) sink = await candidate.run(i);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return iterations / seconds;
};

/** `measure` for candidates that return a promise (scimmy's PatchOp.apply); each call is awaited. */
export async function measureAsync(
  candidates: AsyncCandidate[],
  iterations: number,
  runs = RUNS,
): Promise<Measurement[]> {
  const count = (candidate: AsyncCandidate) => candidate.iterations ?? iterations;
  for (const candidate of candidates) await timeAsyncLoop(candidate, Math.min(count(candidate), 5_000));
  const samples = candidates.map(() => [] as number[]);
  for (let round = 0; round < runs; round += 1) {
    for (const [index, candidate] of candidates.entries())
      samples[index].push(await timeAsyncLoop(candidate, count(candidate)));
  }
  return candidates.map((candidate, index) => ({
    name: candidate.name,
    iterations: count(candidate),
    runs: samples[index],
    opsPerSecond: median(samples[index]),
  }));
}

export interface Machine {
  date: string;
  node: string;
  platform: string;
  cpuModel: string;
  cores: number;
  memoryGiB: number;
}

export const machine = (): Machine => ({
  date: new Date().toISOString(),
  node: process.version,
  platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
});

export const describeMachine = (m: Machine): string =>
  `${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB, ${m.platform}, Node ${m.node}, ${m.date}`;

export const formatOps = (ops: number): string => Math.round(ops).toLocaleString('en-US');

/** Markdown table of measurements, with each candidate's speed relative to the first (the baseline). */
export function measurementTable(measurements: Measurement[], baseline = measurements[0]): string {
  const rows = measurements.map((m) => {
    const ratio = m.opsPerSecond / baseline.opsPerSecond;
    const spread = `${formatOps(Math.min(...m.runs))} – ${formatOps(Math.max(...m.runs))}`;
    return `| ${m.name} | ${formatOps(m.iterations)} | ${formatOps(m.opsPerSecond)} | ${spread} | ${ratio.toFixed(2)}× |`;
  });
  return [
    `| candidate | operations per run | ops/s (median of ${baseline.runs.length} runs) | min – max of the runs | vs. ${baseline.name} |`,
    '|---|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

/** `YYYY-MM-DD` of today (UTC), for result file names. */
export const today = (): string => new Date().toISOString().slice(0, 10);
