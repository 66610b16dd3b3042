/**
 * The stall probe, in a process of its own (a probe in the server's process would be stalled with it and
 * not see the stall): every `intervalMs` (or as soon as the previous answer is in) it sends one GET and
 * records how long it waited, from the moment it was due to its answer. Forked by startStallProbe.
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { percentile, round } from './stats';

export interface ProbeJob {
  origin: string;
  authorization: string;
  path: string;
  intervalMs: number;
  durationMs: number;
}

export interface ProbeResult {
  probes: number;
  failures: number;
  statuses: Record<string, number>;
  p50: number;
  p99: number;
  worst: number;
}

const runProbe = async (job: ProbeJob): Promise<ProbeResult> => {
  const { hostname, port } = new URL(job.origin);
  if (hostname !== '127.0.0.1') throw new Error(`the probe only talks to 127.0.0.1, not ${hostname}`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const waits: number[] = [];
  const statuses: Record<string, number> = {};
  let failures = 0;
  const probe = (dueAt: number) =>
    new Promise<void>((resolve) => {
      const req = http.request(
        {
          agent,
          host: hostname,
          port: Number(port),
          method: 'GET',
          path: job.path,
          headers: { authorization: job.authorization },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            waits.push(performance.now() - dueAt);
            statuses[res.statusCode ?? 0] = ((statuses[res.statusCode ?? 0] as number | undefined) ?? 0) + 1;
            resolve();
          });
        },
      );
      req.on('error', () => {
        failures += 1;
        resolve();
      });
      req.end();
    });
  // One probe in flight at a time (probes sent regardless of answers would queue behind each other and measure
  // the probe's own load); each is due `intervalMs` after the previous one was due, or at once when that has passed.
  const started = performance.now();
  for (let due = started; due < started + job.durationMs;) {
    const delay = due - performance.now();
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    await probe(due);
    due = Math.max(due + job.intervalMs, performance.now());
  }
  agent.destroy();
  return {
    probes: waits.length,
    failures,
    statuses,
    p50: round(percentile(waits, 50), 1),
    p99: round(percentile(waits, 99), 1),
    worst: round(Math.max(0, ...waits), 1),
  };
};

/** Forks the probe process for one job and resolves with its result. */
export const startStallProbe = (job: ProbeJob): Promise<ProbeResult> =>
  new Promise((resolve, reject) => {
    const child = fork(__filename, [], {
      execArgv: ['-r', path.resolve(__dirname, '..', '..', 'scripts', 'register-ts.js')],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('message', (message: { result?: ProbeResult; error?: string }) => {
      child.disconnect();
      if (message.error) reject(new Error(`stall probe: ${message.error}`));
      else if (message.result) resolve(message.result);
      else reject(new Error('stall probe: answered neither a result nor an error'));
    });
    child.once('exit', (code) => reject(new Error(`stall probe exited (${code})`)));
    child.send(job);
  });

if (require.main === module) {
  process.once('message', (job: ProbeJob) => {
    runProbe(job).then(
      (result) => process.send?.({ result }),
      (error: unknown) =>
        process.send?.({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
}
