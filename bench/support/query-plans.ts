/**
 * The SQL a piece of work runs (knex's `query` event) and its plan: EXPLAIN QUERY PLAN on SQLite,
 * EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL. Evidence for the results Markdown, never used for timing.
 */
import type { Core } from '@strapi/strapi';

export interface CapturedQuery {
  sql: string;
  bindings: unknown[];
}

export interface QueryPlan extends CapturedQuery {
  plan: string[];
}

export const captureQueries = async (strapi: Core.Strapi, work: () => Promise<unknown>): Promise<CapturedQuery[]> => {
  const captured: CapturedQuery[] = [];
  const connection = strapi.db.connection as unknown as {
    on(event: 'query', listener: (data: { sql: string; bindings?: unknown[] }) => void): void;
    off(event: 'query', listener: (data: { sql: string; bindings?: unknown[] }) => void): void;
  };
  const listener = (data: { sql: string; bindings?: unknown[] }) => {
    captured.push({ sql: data.sql, bindings: data.bindings ?? [] });
  };
  // The listener sees every statement of the app: let the requests of a previous load run finish first.
  await new Promise((resolve) => setTimeout(resolve, 500));
  connection.on('query', listener);
  try {
    await work();
  } finally {
    connection.off('query', listener);
  }
  return captured;
};

const isReadOnly = (sql: string) => /^\s*select\b/i.test(sql);

export const explain = async (strapi: Core.Strapi, query: CapturedQuery): Promise<QueryPlan> => {
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client;
  if (!isReadOnly(query.sql)) return { ...query, plan: ['(write: not explained)'] };
  try {
    if (client === 'sqlite') {
      const rows = await knex.raw<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${query.sql}`, query.bindings as never);
      return { ...query, plan: rows.map((row) => row.detail) };
    }
    // knex hands PostgreSQL its positional form ($1, $2, ...); knex.raw wants `?` back.
    const sql = query.sql.replace(/\$\d+/g, '?');
    const result = await knex.raw<{ rows: Record<string, string>[] }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
      query.bindings as never,
    );
    return { ...query, sql, plan: result.rows.map((row) => row['QUERY PLAN']) };
  } catch (error) {
    return { ...query, plan: [`(EXPLAIN failed: ${(error as Error).message})`] };
  }
};

export const explainAll = async (strapi: Core.Strapi, queries: CapturedQuery[]): Promise<QueryPlan[]> => {
  const plans: QueryPlan[] = [];
  for (const query of queries) plans.push(await explain(strapi, query));
  return plans;
};

/** Shortens long IN lists and values so a plan stays readable in Markdown. */
export const printableSql = (query: CapturedQuery): string => {
  const sql = query.sql.replace(/\?(,\s*\?){8,}/g, '?, ?, … ?');
  const bindings =
    query.bindings.length > 8 ? [...query.bindings.slice(0, 4), `… ${query.bindings.length} bindings`] : query.bindings;
  return `${sql}  -- ${JSON.stringify(bindings)}`;
};
