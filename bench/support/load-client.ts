/**
 * The HTTP client, in a process of its own so that its CPU and memory never count as the server's: the
 * section process forks it and sends it jobs over IPC (see load.ts). Loopback only: every job targets the
 * origin the section gives it, which is always http://127.0.0.1:<port>.
 */
import http from 'node:http';
import autocannon from 'autocannon';
import { addMembers, displayNameFilter, groupBody, userBody, userName, userNameFilter } from './scim-bodies';
import { percentile, round } from './stats';

export type Pattern =
  | { type: 'fixed'; method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; path: string; body?: unknown }
  | { type: 'lookup'; usersPath: string; userNames: string[]; seed: number }
  | { type: 'createUser'; usersPath: string; namePrefix: string }
  /** Strapi's own POST /admin/users (an admin's token as the job's authorization), one new email a request. */
  | { type: 'createAdminUser'; namePrefix: string; roleId: number }
  /**
   * GET `usersPath?filter=<template>` for random n in [0, size): `%N%` in the template becomes n, `%E%` the
   * employee number userBody gives user n (100000 + n); `query` is appended (e.g. `&count=100`).
   */
  | { type: 'filter'; usersPath: string; template: string; size: number; seed: number; query?: string };

export interface CannonJob {
  kind: 'cannon';
  origin: string;
  authorization: string;
  connections: number;
  /** Hard bounds: the run stops at whichever comes first. */
  durationSeconds: number;
  maxRequests: number;
  pattern: Pattern;
}

export interface CannonResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
}

export interface SequenceRequest {
  method: string;
  path: string;
  body?: unknown;
}

export interface SequenceJob {
  kind: 'sequence';
  origin: string;
  authorization: string;
  requests: SequenceRequest[];
}

export interface SequenceResult {
  ms: number[];
  statuses: number[];
  bytes: number[];
}

export interface SyncJob {
  kind: 'sync';
  origin: string;
  authorization: string;
  endpointPath: string;
  prefix: string;
  users: number;
  groups: number;
  groupSize: number;
  patchSize: number;
  concurrency: number;
  /** Each phase stops taking new work after its budget; what was done is reported and the rest extrapolated. */
  userPhaseBudgetSeconds: number;
  groupPhaseBudgetSeconds: number;
}

export interface SyncResult {
  /** Measured time, or (when a phase ran out of budget) measured time extrapolated to the whole sync. */
  seconds: number;
  completed: boolean;
  usersDone: number;
  groupsDone: number;
  measuredSeconds: number;
  userPhaseSeconds: number;
  groupPhaseSeconds: number;
  /** Epoch ms: start, end of the user phase, end. */
  timestamps: [number, number, number];
  requests: number;
  failures: number;
  firstFailures: string[];
  latency: Record<string, { count: number; p50: number; p95: number }>;
}

export type Job = CannonJob | SequenceJob | SyncJob;

const JSON_TYPE = 'application/scim+json';

/** Exact latencies: autocannon's histogram keeps whole milliseconds, too coarse for 1-3 ms requests. */
const runCannon = (job: CannonJob): Promise<CannonResult> =>
  new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    const pattern = job.pattern;
    // Strapi's body parser reads application/json, not the SCIM type.
    const contentType = pattern.type === 'createAdminUser' ? 'application/json' : JSON_TYPE;
    const headers: Record<string, string> = { authorization: job.authorization, 'content-type': contentType };
    let counter = 0;
    let random = pattern.type === 'lookup' || pattern.type === 'filter' ? pattern.seed : 1;
    const nextRandom = () => {
      // xorshift32: deterministic, so every run of a size asks for the same sequence of names.
      random ^= random << 13;
      random ^= random >>> 17;
      random ^= random << 5;
      return (random >>> 0) / 0x1_0000_0000;
    };
    let request: Record<string, unknown>;
    if (pattern.type === 'fixed') {
      request = {
        method: pattern.method,
        path: pattern.path,
        ...(pattern.body === undefined ? {} : { body: JSON.stringify(pattern.body) }),
      };
    } else if (pattern.type === 'lookup') {
      const names = pattern.userNames;
      request = {
        method: 'GET',
        path: pattern.usersPath,
        setupRequest: (req: Record<string, unknown>) => ({
          ...req,
          path: `${pattern.usersPath}?${userNameFilter(names[Math.floor(nextRandom() * names.length)])}`,
        }),
      };
    } else if (pattern.type === 'createAdminUser') {
      request = {
        method: 'POST',
        path: '/admin/users',
        setupRequest: (req: Record<string, unknown>) => {
          counter += 1;
          const email = userName(pattern.namePrefix, counter);
          const body = { email, firstname: `Given${counter}`, lastname: 'Admin', roles: [pattern.roleId] };
          return { ...req, body: JSON.stringify(body) };
        },
      };
    } else if (pattern.type === 'filter') {
      request = {
        method: 'GET',
        path: pattern.usersPath,
        setupRequest: (req: Record<string, unknown>) => {
          const n = Math.floor(nextRandom() * pattern.size);
          const filter = pattern.template.replaceAll('%N%', String(n)).replaceAll('%E%', String(100000 + n));
          return { ...req, path: `${pattern.usersPath}?filter=${encodeURIComponent(filter)}${pattern.query ?? ''}` };
        },
      };
    } else {
      request = {
        method: 'POST',
        path: pattern.usersPath,
        setupRequest: (req: Record<string, unknown>) => {
          counter += 1;
          return { ...req, body: JSON.stringify(userBody(pattern.namePrefix, counter)) };
        },
      };
    }
    const started = process.hrtime.bigint();
    let done = 0;
    const instance = autocannon(
      {
        url: job.origin,
        connections: job.connections,
        duration: job.durationSeconds,
        headers,
        requests: [request as never],
        timeout: 30,
      },
      (error: Error | null, result: autocannon.Result) => {
        if (error) {
          reject(error);
          return;
        }
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        resolve({
          requests: latencies.length,
          seconds: round(seconds, 3),
          rps: round(latencies.length / seconds, 1),
          p50: round(percentile(latencies, 50), 3),
          p95: round(percentile(latencies, 95), 3),
          p99: round(percentile(latencies, 99), 3),
          statuses,
          errors: result.errors,
          timeouts: result.timeouts,
        });
      },
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      statuses[statusCode] = ((statuses[statusCode] as number | undefined) ?? 0) + 1;
      done += 1;
      if (done === job.maxRequests) instance.stop();
    });
  });

interface Reply {
  status: number;
  text: string;
  ms: number;
}

const makeHttp = (origin: string, authorization: string, sockets: number, timeoutSeconds = 120) => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const { hostname, port } = new URL(origin);
  if (hostname !== '127.0.0.1') throw new Error(`the bench client only talks to 127.0.0.1, not ${hostname}`);
  const call = (method: string, path: string, body?: unknown): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      const started = process.hrtime.bigint();
      const req = http.request(
        {
          agent,
          host: hostname,
          port: Number(port),
          method,
          path,
          headers: {
            authorization,
            accept: JSON_TYPE,
            ...(payload ? { 'content-type': JSON_TYPE, 'content-length': payload.length } : {}),
          },
          timeout: timeoutSeconds * 1000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              text: Buffer.concat(chunks).toString('utf8'),
              ms: Number(process.hrtime.bigint() - started) / 1e6,
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutSeconds}s: ${method} ${path}`)));
      req.on('error', reject);
      req.end(payload);
    });
  return { call, close: () => agent.destroy() };
};

const runSequence = async (job: SequenceJob): Promise<SequenceResult> => {
  const client = makeHttp(job.origin, job.authorization, 1, 300);
  const result: SequenceResult = { ms: [], statuses: [], bytes: [] };
  try {
    for (const request of job.requests) {
      const reply = await client.call(request.method, request.path, request.body);
      result.ms.push(round(reply.ms, 3));
      result.statuses.push(reply.status);
      result.bytes.push(Buffer.byteLength(reply.text));
    }
  } finally {
    client.close();
  }
  return result;
};

/** N workers pulling from one index queue: bounded concurrency; no new item starts after `deadline`. Returns items done. */
const pool = async (count: number, concurrency: number, deadline: number, work: (index: number) => Promise<void>) => {
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count && Date.now() < deadline) {
        await work(next++);
        done += 1;
      }
    }),
  );
  return done;
};

/**
 * An Entra ID style initial cycle: every user is looked up by userName and created; then every group is
 * looked up by displayName (excludedAttributes=members), created empty, and filled by PATCHes of `patchSize`.
 */
const runSync = async (job: SyncJob): Promise<SyncResult> => {
  const client = makeHttp(job.origin, job.authorization, job.concurrency, 120);
  const latencies: Record<string, number[]> = {};
  const failures: string[] = [];
  let failureCount = 0;
  let requests = 0;
  const call = async (label: string, method: string, path: string, expected: number, body?: unknown) => {
    const reply = await client.call(method, `${job.endpointPath}${path}`, body);
    requests += 1;
    (latencies[label] ??= []).push(reply.ms);
    if (reply.status !== expected) {
      failureCount += 1;
      if (failures.length < 5) failures.push(`${method} ${path} -> ${reply.status} ${reply.text.slice(0, 300)}`);
      return null;
    }
    return reply.text ? (JSON.parse(reply.text) as Record<string, unknown>) : {};
  };
  const userIds = new Array<string>(job.users);
  const started = Date.now();
  try {
    const usersDone = await pool(job.users, job.concurrency, started + job.userPhaseBudgetSeconds * 1000, async (i) => {
      const found = await call('user lookup', 'GET', `/Users?${userNameFilter(userName(job.prefix, i))}`, 200);
      if (found && found.totalResults !== 0) {
        failureCount += 1;
        return;
      }
      const created = await call('user create', 'POST', '/Users', 201, userBody(job.prefix, i));
      if (created) userIds[i] = created.id as string;
    });
    const usersFinished = Date.now();
    const groupsDone = await pool(
      job.groups,
      job.concurrency,
      usersFinished + job.groupPhaseBudgetSeconds * 1000,
      async (j) => {
        const name = `${job.prefix} Group ${j}`;
        await call('group lookup', 'GET', `/Groups?${displayNameFilter(name)}&excludedAttributes=members`, 200);
        const created = await call('group create', 'POST', '/Groups', 201, groupBody(name));
        if (!created) return;
        const members: string[] = [];
        for (let k = 0; k < job.groupSize; k += 1) {
          const id = userIds[(j * job.groupSize + k) % Math.max(1, usersDone)];
          if (id) members.push(id);
        }
        for (let start = 0; start < members.length; start += job.patchSize) {
          await call(
            'group member patch',
            'PATCH',
            `/Groups/${String(created.id)}`,
            204,
            addMembers(members.slice(start, start + job.patchSize)),
          );
        }
      },
    );
    const finished = Date.now();
    const userPhase = (usersFinished - started) / 1000;
    const groupPhase = (finished - usersFinished) / 1000;
    const completed = usersDone === job.users && groupsDone === job.groups;
    const extrapolated =
      userPhase * (job.users / Math.max(1, usersDone)) + groupPhase * (job.groups / Math.max(1, groupsDone));
    return {
      seconds: round(completed ? userPhase + groupPhase : extrapolated, 2),
      completed,
      usersDone,
      groupsDone,
      measuredSeconds: round(userPhase + groupPhase, 2),
      userPhaseSeconds: round(userPhase, 2),
      groupPhaseSeconds: round(groupPhase, 2),
      timestamps: [started, usersFinished, finished],
      requests,
      failures: failureCount,
      firstFailures: failures,
      latency: Object.fromEntries(
        Object.entries(latencies).map(([label, values]) => [
          label,
          { count: values.length, p50: round(percentile(values, 50), 2), p95: round(percentile(values, 95), 2) },
        ]),
      ),
    };
  } finally {
    client.close();
  }
};

const handle = (job: Job): Promise<unknown> => {
  if (!job.origin.startsWith('http://127.0.0.1:')) throw new Error(`refusing non-loopback origin ${job.origin}`);
  if (job.kind === 'cannon') return runCannon(job);
  if (job.kind === 'sequence') return runSequence(job);
  return runSync(job);
};

process.on('message', (message: { id: number; job: Job }) => {
  Promise.resolve()
    .then(() => handle(message.job))
    .then(
      (result) => process.send?.({ id: message.id, result }),
      (error: unknown) =>
        process.send?.({
          id: message.id,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        }),
    );
});
process.on('disconnect', () => process.exit(0));
