/** The section's handle on the client process (load-client.ts): fork once, send jobs, await results. */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { CannonJob, CannonResult, Job, SequenceJob, SequenceResult, SyncJob, SyncResult } from './load-client';

export type { CannonResult, SequenceResult, SyncResult } from './load-client';

type Without<T> = Omit<T, 'kind' | 'origin' | 'authorization'>;

export interface LoadClient {
  cannon(job: Without<CannonJob>): Promise<CannonResult>;
  sequence(job: Without<SequenceJob>): Promise<SequenceResult>;
  sync(job: Without<SyncJob>): Promise<SyncResult>;
  close(): void;
}

export const startLoadClient = (origin: string, authorization: string): LoadClient => {
  const child: ChildProcess = fork(path.join(__dirname, 'load-client.ts'), [], {
    execArgv: ['-r', path.resolve(__dirname, '..', '..', 'scripts', 'register-ts.js')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  child.on('message', (message: { id: number; result?: unknown; error?: string }) => {
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(`load client: ${message.error}`));
    else waiter.resolve(message.result);
  });
  child.on('exit', (code) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`load client exited (${code})`));
    pending.clear();
  });
  const send = <R>(job: Job): Promise<R> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: (value) => resolve(value as R), reject });
      child.send({ id, job });
    });
  const base = { origin, authorization };
  return {
    cannon: (job) => send({ ...base, kind: 'cannon', ...job }),
    sequence: (job) => send({ ...base, kind: 'sequence', ...job }),
    sync: (job) => send({ ...base, kind: 'sync', ...job }),
    close: () => {
      if (child.connected) child.disconnect();
      if (child.pid && child.exitCode === null) child.kill();
    },
  };
};
