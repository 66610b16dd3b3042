import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * The environment a site owner's shell would give npm: ours, less the `npm_*` variables that `npm run` sets for
 * this repository (`npm_config_local_prefix` and friends would point a nested npm at the wrong project). The npm
 * cache and config files are the machine's own, so installs are served from the shared cache.
 */
export const cleanEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('npm_') && key !== 'npm_config_cache' && key !== 'npm_config_userconfig') continue;
    if (key === 'INIT_CWD' || key === 'NODE_ENV') continue;
    env[key] = value;
  }
  return { ...env, ...extra };
};

export interface CommandResult {
  code: number | null;
  /** stdout and stderr, interleaved as printed. */
  output: string;
  stdout: string;
}

/** Kills the whole process group: npm starts strapi, which may start workers of its own. */
const killGroup = async (child: ChildProcess, graceMs = 10_000) => {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise((done) => child.once('exit', done));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timedOut = await Promise.race([exited.then(() => false), sleep(graceMs).then(() => true)]);
  if (timedOut) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    await Promise.race([exited, sleep(2_000)]);
  }
};

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  stdout: () => string;
  exited: Promise<number | null>;
  stop: () => Promise<void>;
}

/** Starts a command in its own process group, keeping what it prints. */
export const start = (
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): RunningProcess => {
  const chunks: string[] = [];
  const stdout: string[] = [];
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => {
    chunks.push(String(chunk));
    stdout.push(String(chunk));
  });
  child.stderr.on('data', (chunk) => chunks.push(String(chunk)));
  const exited = new Promise<number | null>((done) => {
    child.once('error', (error) => {
      chunks.push(`\n${command} failed to start: ${error.message}\n`);
      done(-1);
    });
    child.once('exit', (code) => done(code));
  });
  return { child, output: () => chunks.join(''), stdout: () => stdout.join(''), exited, stop: () => killGroup(child) };
};

/** Runs a command to completion (or kills it after `timeoutMs`) and returns its exit code and output. */
export const run = async (
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<CommandResult> => {
  const started = start(command, args, options);
  const timer = sleep(options.timeoutMs).then(() => 'timeout' as const);
  const outcome = await Promise.race([started.exited, timer]);
  if (outcome === 'timeout') {
    await started.stop();
    return {
      code: null,
      output: `${started.output()}\n(killed after ${options.timeoutMs} ms)`,
      stdout: started.stdout(),
    };
  }
  return { code: outcome, output: started.output(), stdout: started.stdout() };
};

/** Runs a command and throws with the end of its output unless it exits 0; returns what it printed on stdout. */
export const runOrThrow = async (
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<string> => {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.code}:\n${tail(result.output)}`);
  }
  return result.stdout;
};

export const tail = (text: string, chars = 4000) => (text.length > chars ? `…${text.slice(-chars)}` : text);

export const freePort = () =>
  new Promise<number>((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no free port')),
      );
    });
  });
