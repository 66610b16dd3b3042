import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '../../..');
const START_TIMEOUT_MS = 180_000;

export interface PlaygroundServer {
  baseUrl: string;
  stop: () => Promise<void>;
  log: () => string;
}

const freePort = () =>
  new Promise<number>((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Kills the whole process group: npm starts strapi, which may start workers of its own. */
const killGroup = async (child: ChildProcess) => {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise((done) => child.once('exit', done));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timedOut = await Promise.race([exited.then(() => false), sleep(10_000).then(() => true)]);
  if (timedOut) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
};

export interface PlaygroundOptions {
  /** Extra environment, e.g. PUBLIC_URL or SCIM_SMTP_PORT (see playground/config). */
  env?: Record<string, string>;
}

/**
 * Starts the already built playground (`npm run --workspace playground start`) on a free port and a fresh SQLite
 * file, and resolves once Strapi answers its health check.
 */
export const startPlayground = async (options: PlaygroundOptions = {}): Promise<PlaygroundServer> => {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'scim-e2e-db-'));
  const output: string[] = [];
  const child = spawn('npm', ['run', '--workspace', 'playground', 'start'], {
    cwd: REPO_ROOT,
    detached: true,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_FILENAME: join(dataDir, 'data.db'),
      BROWSER: 'none',
      // Shown read-only on the General page (the browser test reads it there).
      SCIM_ATTRIBUTE_MAPPINGS: JSON.stringify([{ path: 'preferredLanguage', field: 'preferedLanguage' }]),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => output.push(String(chunk)));
  child.stderr.on('data', (chunk) => output.push(String(chunk)));

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await killGroup(child);
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`${baseUrl}/_health`);
      if (response.status < 500) return { baseUrl, stop, log: () => output.join('') };
    } catch {
      /* not listening yet */
    }
    await sleep(1000);
  }
  await stop();
  throw new Error(`The playground did not start on port ${port}:\n${output.join('').slice(-4000)}`);
};
