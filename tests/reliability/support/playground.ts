import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { PLAYGROUND_DIR, SUPER_ADMIN } from '../../integration/support/test-app';

const STRAPI_BIN = path.join(path.dirname(require.resolve('@strapi/strapi/package.json')), 'bin', 'strapi.js');

/** A free TCP port on the loopback interface. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export interface PlaygroundProcess {
  baseUrl: string;
  child: ChildProcess;
  /** The last lines the process wrote, for a failure message. */
  output(): string;
  /** SIGKILL: no shutdown hooks, open transactions are cut where they are. */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL if it is still up after 10 s. */
  stop(): Promise<void>;
  login(): Promise<string>;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

/**
 * `strapi start` of the playground as a child process (no admin panel build needed), on the database given
 * by `env` (DATABASE_*), listening on 127.0.0.1. Resolves once /_health answers.
 */
export const startPlayground = async (env: Record<string, string>): Promise<PlaygroundProcess> => {
  const port = await freePort();
  const child = spawn(process.execPath, [STRAPI_BIN, 'start'], {
    cwd: PLAYGROUND_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      SERVE_ADMIN_PANEL: 'false',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'error',
      PLAYGROUND_QUIET: 'true',
      STRAPI_TELEMETRY_DISABLED: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf-8').split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const output = () => lines.join('\n');

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the playground exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/_health`);
      if (response.status === 204) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the playground did not come up in 90 s:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return {
    baseUrl,
    child,
    output,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    },
    async login() {
      const response = await fetch(`${baseUrl}/admin/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(SUPER_ADMIN),
      });
      if (response.status !== 200) throw new Error(`admin login failed: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { data: { token: string } }).data.token;
    },
  };
};
