import { Client } from 'pg';
import type { TestDatabase } from '../../integration/support/test-database';

/** A direct PostgreSQL connection to the test database, for the invariant checks. */
export const connectToTestDatabase = async (database: TestDatabase): Promise<Client> => {
  const client = new Client({
    host: database.env.DATABASE_HOST,
    port: Number(database.env.DATABASE_PORT),
    user: database.env.DATABASE_USERNAME,
    database: database.env.DATABASE_NAME,
  });
  await client.connect();
  return client;
};
