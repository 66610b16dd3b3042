import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

const PG = {
  host: process.env.PGHOST ?? '127.0.0.1',
  port: Number(process.env.PGPORT ?? 5432),
  user: process.env.PGUSER ?? 'postgres',
};

export interface ThrowawayDatabase {
  name: string;
  /** The `DATABASE_*` variables the template's config/database.js reads. */
  env: Record<string, string>;
  drop: () => Promise<void>;
}

const withAdminClient = async (work: (client: Client) => Promise<unknown>) => {
  const client = new Client({ ...PG, database: 'postgres' });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
};

/** A PostgreSQL database of its own for one run; `drop` ends its connections and removes it. */
export const createDatabase = async (): Promise<ThrowawayDatabase> => {
  const name = `scim_fresh_app_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
  return {
    name,
    env: {
      DATABASE_HOST: PG.host,
      DATABASE_PORT: String(PG.port),
      DATABASE_NAME: name,
      DATABASE_USERNAME: PG.user,
      DATABASE_PASSWORD: process.env.PGPASSWORD ?? '',
    },
    drop: () => withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
};
