import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';

/** Which database the integration tests run on: SCIM_TEST_DB=sqlite (default) | postgres | mysql. */
export type TestDatabaseClient = 'sqlite' | 'postgres' | 'mysql';

export interface TestDatabase {
  client: TestDatabaseClient;
  /** The Strapi `DATABASE_*` variables that point the playground at this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

export const ARTIFACTS_DIR = path.resolve(__dirname, '..', '..', '.artifacts');

export const selectedClient = (): TestDatabaseClient => {
  const value = (process.env.SCIM_TEST_DB ?? 'sqlite').toLowerCase();
  if (value === 'sqlite' || value === 'postgres' || value === 'mysql') return value;
  if (value === 'mariadb') return 'mysql';
  throw new Error(`SCIM_TEST_DB must be sqlite, postgres or mysql, not "${value}"`);
};

const uniqueName = () => `scim_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;

const PG = {
  host: process.env.PGHOST ?? '127.0.0.1',
  port: Number(process.env.PGPORT ?? 5432),
  user: process.env.PGUSER ?? 'postgres',
};
const MY = {
  host: process.env.MYSQL_HOST ?? '127.0.0.1',
  port: Number(process.env.MYSQL_PORT ?? 3306),
  user: process.env.MYSQL_USER ?? 'root',
};

const createPostgres = async (): Promise<TestDatabase> => {
  const { Client } = await import('pg');
  const name = uniqueName();
  const admin = new Client({ ...PG, database: 'postgres' });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    client: 'postgres',
    env: {
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: PG.host,
      DATABASE_PORT: String(PG.port),
      DATABASE_NAME: name,
      DATABASE_USERNAME: PG.user,
      DATABASE_PASSWORD: '',
    },
    async drop() {
      const client = new Client({ ...PG, database: 'postgres' });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
};

const createMysql = async (): Promise<TestDatabase> => {
  const mysql = await import('mysql2/promise');
  const name = uniqueName();
  const admin = await mysql.createConnection({ ...MY, password: '' });
  await admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return {
    client: 'mysql',
    env: {
      DATABASE_CLIENT: 'mysql',
      DATABASE_HOST: MY.host,
      DATABASE_PORT: String(MY.port),
      DATABASE_NAME: name,
      DATABASE_USERNAME: MY.user,
      DATABASE_PASSWORD: '',
    },
    async drop() {
      const connection = await mysql.createConnection({ ...MY, password: '' });
      await connection.query(`DROP DATABASE IF EXISTS ${name}`);
      await connection.end();
    },
  };
};

const createSqlite = (): TestDatabase => {
  const file = path.join(ARTIFACTS_DIR, `${uniqueName()}.db`);
  return {
    client: 'sqlite',
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file },
    drop() {
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
      return Promise.resolve();
    },
  };
};

/** A fresh, empty database for one test file. */
export const createTestDatabase = async (client: TestDatabaseClient = selectedClient()): Promise<TestDatabase> => {
  if (client === 'postgres') return createPostgres();
  if (client === 'mysql') return createMysql();
  return createSqlite();
};
