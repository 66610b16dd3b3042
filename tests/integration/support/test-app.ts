import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { ARTIFACTS_DIR, createTestDatabase, type TestDatabase } from './test-database';

export const PLAYGROUND_DIR = path.resolve(__dirname, '..', '..', '..', 'playground');

/** The playground's first Super Admin (see playground/src/super-admin.js). */
export const SUPER_ADMIN = { email: 'admin@example.com', password: 'Playground-Admin-1' };

export interface TestApp {
  strapi: Core.Strapi;
  baseUrl: string;
  database: TestDatabase;
  /** Logs in to the admin panel and returns the access token. */
  login(email?: string, password?: string): Promise<string>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Extra environment for this app (e.g. ENCRYPTION_KEY: ''), restored on stop. */
  env?: Record<string, string>;
}

const applyEnv = (values: Record<string, string>): (() => void) => {
  const previous = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  Object.assign(process.env, values);
  return () => {
    for (const [key, value] of Object.entries(previous)) {
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- assigning undefined to process.env would store the string 'undefined'
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
};

/** Stops the app, if beforeAll got as far as starting it. */
export const stopTestApp = async (app: TestApp | undefined): Promise<void> => {
  await app?.stop();
};

/**
 * Boots the playground in this process on a fresh database and listens on a free port on 127.0.0.1. The
 * plugin is loaded from the repository's build (`npm run build` first). One app per test file.
 */
export const startTestApp = async (options: StartOptions = {}): Promise<TestApp> => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const database = await createTestDatabase();
  const restoreEnv = applyEnv({ LOG_LEVEL: 'error', PLAYGROUND_QUIET: 'true', ...database.env, ...options.env });
  const { createStrapi } = await import('@strapi/strapi');
  const instance = createStrapi({
    appDir: PLAYGROUND_DIR,
    distDir: PLAYGROUND_DIR,
    autoReload: false,
    serveAdminPanel: false,
  });
  let strapi: Core.Strapi;
  try {
    strapi = await instance.load();
  } catch (error) {
    // A boot the test expects to fail (a refused config) leaves no database, environment or listener behind.
    await instance.destroy().catch(() => undefined);
    await database.drop();
    restoreEnv();
    throw error;
  }
  strapi.server.mount();
  await new Promise<void>((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', () => resolve()));
  const { port } = strapi.server.httpServer.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  return {
    strapi,
    baseUrl,
    database,
    async login(email = SUPER_ADMIN.email, password = SUPER_ADMIN.password) {
      const response = await fetch(`${baseUrl}/admin/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      if (response.status !== 200) throw new Error(`admin login failed: ${response.status} ${await response.text()}`);
      const body = (await response.json()) as { data: { token: string } };
      return body.data.token;
    },
    async stop() {
      await strapi.destroy();
      await database.drop();
      restoreEnv();
    },
  };
};
