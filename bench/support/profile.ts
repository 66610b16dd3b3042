/**
 * CPU profile of one window of the section process (node:inspector, no restart needed), and a summary of
 * where the self time went: by function and by package. Used with `--profile` to explain a missed target.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';
import { round } from './stats';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  /** Share of self time (percent) per package / area. */
  byArea: { area: string; percent: number }[];
  /** The functions with the most self time. */
  topFunctions: { name: string; where: string; percent: number }[];
}

const post = <T>(session: Session, method: string, params?: object): Promise<T> =>
  new Promise((resolve, reject) =>
    session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))),
  );

const areaOf = (url: string, functionName: string): string => {
  if (!url) return functionName.startsWith('(') ? functionName : '(native / V8)';
  const modules = url.split('node_modules/');
  if (modules.length > 1) {
    const rest = modules[modules.length - 1];
    const parts = rest.split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.includes('/dist/server/')) return 'strapi-plugin-scim (dist/server)';
  if (url.startsWith('node:')) return 'node core';
  return url
    .replace(/^file:\/\//, '')
    .split('/')
    .slice(-2)
    .join('/');
};

type CallFrame = ProfileNode['callFrame'];

/** Weights (self time, bytes) ranked by package / area and by function, as shares of their total. */
const rank = (weighed: { callFrame: CallFrame; weight: number }[], top: number) => {
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, { name: string; where: string; weight: number }>();
  let total = 0;
  for (const { callFrame, weight } of weighed) {
    if (weight === 0) continue;
    total += weight;
    const { functionName, url, lineNumber } = callFrame;
    const area = areaOf(url, functionName);
    byArea.set(area, (byArea.get(area) ?? 0) + weight);
    const where = url
      ? `${url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, 'dist/')}:${lineNumber + 1}`
      : '';
    const key = `${functionName}|${where}`;
    const entry = byFunction.get(key) ?? { name: functionName || '(anonymous)', where, weight: 0 };
    entry.weight += weight;
    byFunction.set(key, entry);
  }
  const share = (weight: number) => round((100 * weight) / (total || 1), 1);
  return {
    total,
    byArea: [...byArea.entries()]
      .sort((x, y) => y[1] - x[1])
      .slice(0, 15)
      .map(([area, weight]) => ({ area, percent: share(weight) })),
    topFunctions: [...byFunction.values()]
      .sort((x, y) => y.weight - x.weight)
      .slice(0, top)
      .map((entry) => ({ name: entry.name, where: entry.where, percent: share(entry.weight) })),
  };
};

export const summarize = (profile: CpuProfile, file: string, top = 25): ProfileSummary => {
  const selfTime = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i += 1) {
    selfTime.set(profile.samples[i], (selfTime.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const { total, byArea, topFunctions } = rank(
    profile.nodes.map((node) => ({ callFrame: node.callFrame, weight: selfTime.get(node.id) ?? 0 })),
    top,
  );
  return { file, totalMs: round(total / 1000, 0), byArea, topFunctions };
};

export const PROFILE_DIR = path.resolve(__dirname, '..', '.tmp', 'profiles');

/**
 * Runs `work` between `start` and `stop` on an inspector session of this process (stopping also when it
 * throws), and writes what `stop` returns to `<PROFILE_DIR>/<file>`; returns the result and the file's path.
 */
const inspectDuring = async <T, Profile>(
  file: string,
  start: (session: Session) => Promise<void>,
  stop: (session: Session) => Promise<Profile>,
  work: () => Promise<T>,
): Promise<{ result: T; profile: Profile; file: string }> => {
  const session = new Session();
  session.connect();
  await start(session);
  const finish = async () => {
    try {
      return await stop(session);
    } finally {
      session.disconnect();
    }
  };
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await finish();
    throw error;
  }
  const profile = await finish();
  mkdirSync(PROFILE_DIR, { recursive: true });
  const written = path.join(PROFILE_DIR, file);
  writeFileSync(written, JSON.stringify(profile));
  return { result, profile, file: path.relative(path.resolve(__dirname, '..', '..'), written) };
};

/** Profiles this process while `work` runs; writes `<name>.cpuprofile` (open it in Chrome DevTools). */
export const profileDuring = async <T>(
  name: string,
  work: () => Promise<T>,
): Promise<{ result: T; summary: ProfileSummary }> => {
  const { result, profile, file } = await inspectDuring(
    `${name}.cpuprofile`,
    async (session) => {
      await post(session, 'Profiler.enable');
      await post(session, 'Profiler.setSamplingInterval', { interval: 200 });
      await post(session, 'Profiler.start');
    },
    async (session) => (await post<{ profile: CpuProfile }>(session, 'Profiler.stop')).profile,
    work,
  );
  return { result, summary: summarize(profile, file) };
};

interface SamplingHeapNode {
  callFrame: CallFrame;
  selfSize: number;
  children: SamplingHeapNode[];
}

export interface AllocationSummary {
  file: string;
  /** Bytes sampled in all (V8 samples one allocation per ~32 KiB, weighting each by its interval). */
  totalMiB: number;
  byArea: { area: string; percent: number }[];
  topFunctions: { name: string; where: string; percent: number }[];
}

const summarizeAllocations = (head: SamplingHeapNode, file: string, top = 20): AllocationSummary => {
  const nodes: SamplingHeapNode[] = [];
  for (const stack = [head]; stack.length > 0;) {
    const node = stack.pop() as SamplingHeapNode;
    nodes.push(node);
    stack.push(...node.children);
  }
  const { total, byArea, topFunctions } = rank(
    nodes.map((node) => ({ callFrame: node.callFrame, weight: node.selfSize })),
    top,
  );
  return { file, totalMiB: round(total / 1024 / 1024, 1), byArea, topFunctions };
};

/**
 * What this process allocates while `work` runs (V8's sampling heap profiler, garbage included: the allocation
 * rate, not what is retained); writes `<name>.heapprofile` (open it in Chrome DevTools, Memory).
 */
export const allocationsDuring = async <T>(
  name: string,
  work: () => Promise<T>,
): Promise<{ result: T; summary: AllocationSummary }> => {
  const { result, profile, file } = await inspectDuring(
    `${name}.heapprofile`,
    async (session) => {
      await post(session, 'HeapProfiler.enable');
      await post(session, 'HeapProfiler.startSampling', {
        samplingInterval: 32 * 1024,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: process.env.BENCH_ALLOCATIONS_PROMOTED_ONLY !== '1',
      });
    },
    async (session) =>
      (await post<{ profile: { head: SamplingHeapNode } }>(session, 'HeapProfiler.stopSampling')).profile,
    work,
  );
  return { result, summary: summarizeAllocations(profile.head, file) };
};
