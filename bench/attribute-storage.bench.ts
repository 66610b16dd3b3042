/**
 * How should filters on attributes without a column of their own run in the database (issue #16)?
 * Compares, on tables shaped like scim_users, a lookup on the indexed `user_name_key` column with
 * (a) the database's JSON functions over the stored resource and (b) an attribute index table
 * (one row per stored leaf value: user, path, element, lower-cased text, indexed on path + text),
 * and what (b) adds to a create. No Strapi: plain knex, so each figure is the query alone.
 *
 *   node -r ./scripts/register-ts.js bench/attribute-storage.bench.ts [--users=20000] [--db=sqlite|postgres|both]
 *
 * PostgreSQL: 127.0.0.1:5432, user postgres, a scratch database `scim_attribute_bench` (dropped and recreated).
 * Results: bench/results/<date>-attribute-storage.{md,json}.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { percentile, round } from './support/stats';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const argument = (name: string, fallback: string): string =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const USERS = Number(argument('users', '20000'));
const LOOKUPS = 60;
const CREATES = 300;

type Db = 'sqlite' | 'postgres';

const resourceOf = (i: number) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
  id: `id-${i}`,
  externalId: `ext-${i}`,
  userName: `User${i}@Contoso.com`,
  name: { givenName: `Given${i % 997}`, familyName: `Family${i % 1999}` },
  displayName: `User ${i}`,
  title: ['Engineer', 'Manager', 'Tour Guide', 'Clerk'][i % 4],
  active: i % 10 !== 0,
  emails: [
    { type: 'work', value: `Ann${i}@Contoso.com`, primary: true },
    { type: 'home', value: `ann${i}@home.example` },
  ],
  phoneNumbers: [{ type: 'mobile', value: `+1 555 ${String(i).padStart(7, '0')}` }],
  addresses: [{ type: 'work', postalCode: String(10000 + (i % 9000)), country: 'US' }],
  [ENTERPRISE]: { employeeNumber: `E${i}`, department: `Dept${i % 50}`, manager: { value: `id-${i >> 4}` } },
});

interface AttributeRow {
  path: string;
  element: number;
  text_key: string;
}

/** Every leaf value of a resource as index rows: `emails.value` for each element, extension paths with their URN. */
const attributeRowsOf = (resource: Record<string, unknown>): AttributeRow[] => {
  const rows: AttributeRow[] = [];
  const leaf = (key: string, element: number, value: unknown) => {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return;
    rows.push({ path: key.toLowerCase(), element, text_key: String(value).toLowerCase() });
  };
  const walk = (prefix: string, container: Record<string, unknown>) => {
    for (const [name, value] of Object.entries(container)) {
      if (name === 'schemas' || name === 'id') continue;
      if (name.startsWith('urn:')) {
        walk(`${name}:`, value as Record<string, unknown>);
        continue;
      }
      const elements = Array.isArray(value) ? value : [value];
      elements.forEach((element, index) => {
        if (element !== null && typeof element === 'object') {
          for (const [sub, subValue] of Object.entries(element as Record<string, unknown>))
            leaf(`${prefix}${name}.${sub}`, index, subValue);
        } else leaf(`${prefix}${name}`, index, element);
      });
    }
  };
  walk('', resource);
  return rows;
};

const connect = (db: Db, directory: string): Knex =>
  db === 'sqlite'
    ? knexFactory({
        client: 'better-sqlite3',
        connection: { filename: path.join(directory, 'bench.db') },
        useNullAsDefault: true,
      })
    : knexFactory({
        client: 'pg',
        connection: { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'scim_attribute_bench' },
      });

const preparePostgres = async () => {
  const admin = knexFactory({
    client: 'pg',
    connection: { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' },
  });
  await admin.raw('DROP DATABASE IF EXISTS scim_attribute_bench');
  await admin.raw('CREATE DATABASE scim_attribute_bench');
  await admin.destroy();
};

const createTables = async (knex: Knex, db: Db) => {
  await knex.schema.createTable('users', (table) => {
    table.increments('id');
    table.string('scim_id').notNullable().unique();
    table.string('user_name_key').notNullable().unique();
    if (db === 'postgres') table.jsonb('resource').notNullable();
    else table.text('resource').notNullable();
  });
  await knex.schema.createTable('attrs', (table) => {
    table.increments('id');
    table.integer('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    table.string('path').notNullable();
    table.integer('element').notNullable();
    table.string('text_key', 255);
    table.index(['path', 'text_key']);
    table.index(['user_id']);
  });
};

const userRow = (i: number) => {
  const resource = resourceOf(i);
  return { scim_id: resource.id, user_name_key: resource.userName.toLowerCase(), resource: JSON.stringify(resource) };
};

const seed = async (knex: Knex) => {
  const batch = 500;
  for (let start = 0; start < USERS; start += batch) {
    await knex.transaction(async (trx) => {
      const users = Array.from({ length: Math.min(batch, USERS - start) }, (_, k) => userRow(start + k));
      const inserted: { id: number }[] = await trx('users').insert(users).returning('id');
      const attributes = inserted.flatMap(({ id }, k) =>
        attributeRowsOf(resourceOf(start + k)).map((row) => ({ ...row, user_id: id })),
      );
      for (let offset = 0; offset < attributes.length; offset += 100)
        await trx('attrs').insert(attributes.slice(offset, offset + 100));
    });
  }
  await knex.raw('ANALYZE');
};

type Lookup = (knex: Knex, i: number) => Knex.QueryBuilder | Knex.Raw;

const lookups = (db: Db): Record<string, { lookup: Lookup; expected: (i: number) => number }> => {
  const one = () => 1;
  const employeeNumber =
    db === 'sqlite'
      ? `lower(json_extract(resource, '$."${ENTERPRISE}".employeeNumber'))`
      : `lower(resource->'${ENTERPRISE}'->>'employeeNumber')`;
  const workEmail =
    db === 'sqlite'
      ? `EXISTS (SELECT 1 FROM json_each(users.resource, '$.emails') e
          WHERE lower(json_extract(e.value, '$.type')) = 'work' AND lower(json_extract(e.value, '$.value')) = ?)`
      : `EXISTS (SELECT 1 FROM jsonb_array_elements(CASE jsonb_typeof(resource->'emails') WHEN 'array'
          THEN resource->'emails' ELSE '[]'::jsonb END) e WHERE lower(e->>'type') = 'work' AND lower(e->>'value') = ?)`;
  const department =
    db === 'sqlite'
      ? `lower(json_extract(resource, '$."${ENTERPRISE}".department'))`
      : `lower(resource->'${ENTERPRISE}'->>'department')`;
  return {
    'userName eq (indexed column)': {
      lookup: (knex, i) => knex('users').select('id').where('user_name_key', `user${i}@contoso.com`),
      expected: one,
    },
    'employeeNumber eq, JSON function': {
      lookup: (knex, i) =>
        knex('users')
          .select('id')
          .whereRaw(`${employeeNumber} = ?`, [`e${i}`]),
      expected: one,
    },
    'employeeNumber eq, attribute index': {
      lookup: (knex, i) =>
        knex('users')
          .select('id')
          .whereIn(
            'id',
            knex('attrs')
              .select('user_id')
              .where({ path: `${ENTERPRISE}:employeenumber`.toLowerCase(), text_key: `e${i}` }),
          ),
      expected: one,
    },
    'emails[type eq "work"].value eq, JSON function': {
      lookup: (knex, i) =>
        knex('users')
          .select('id')
          .whereRaw(workEmail, [`ann${i}@contoso.com`]),
      expected: one,
    },
    'emails[type eq "work"].value eq, attribute index (self-join on element)': {
      lookup: (knex, i) =>
        knex('users')
          .select('id')
          .whereIn(
            'id',
            knex('attrs as v')
              .select('v.user_id')
              .join('attrs as t', function joinSameElement() {
                this.on('t.user_id', '=', 'v.user_id').andOn('t.element', '=', 'v.element');
              })
              .where({ 'v.path': 'emails.value', 'v.text_key': `ann${i}@contoso.com` })
              .where({ 't.path': 'emails.type', 't.text_key': 'work' }),
          ),
      expected: one,
    },
    'department eq (2 %), page of 100 + count, JSON function': {
      lookup: (knex, i) =>
        knex.raw(
          `SELECT (SELECT count(*) FROM users WHERE ${department} = ?) AS total,
             (SELECT count(*) FROM (SELECT id FROM users WHERE ${department} = ? ORDER BY id LIMIT 100) page) AS page_rows`,
          [`dept${i % 50}`, `dept${i % 50}`],
        ),
      expected: () => Math.min(100, Math.floor(USERS / 50)),
    },
    'department eq (2 %), page of 100 + count, attribute index': {
      lookup: (knex, i) => {
        const ids = `SELECT user_id FROM attrs WHERE path = ? AND text_key = ?`;
        const key = `${ENTERPRISE}:department`.toLowerCase();
        return knex.raw(
          `SELECT (SELECT count(*) FROM users WHERE id IN (${ids})) AS total,
             (SELECT count(*) FROM (SELECT id FROM users WHERE id IN (${ids}) ORDER BY id LIMIT 100) page) AS page_rows`,
          [key, `dept${i % 50}`, key, `dept${i % 50}`],
        );
      },
      expected: () => Math.min(100, Math.floor(USERS / 50)),
    },
  };
};

/** Rows a builder returned, or the `page_rows` of a raw page-and-count query. */
const rowCount = (result: unknown): number => {
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  const first = rows[0] as { page_rows?: number | string } | undefined;
  return first?.page_rows === undefined ? rows.length : Number(first.page_rows);
};

const timeLookups = async (knex: Knex, db: Db) => {
  const results: Record<string, { p50: number; p95: number }> = {};
  for (const [label, { lookup, expected }] of Object.entries(lookups(db))) {
    const samples: number[] = [];
    for (let round_ = 0; round_ < LOOKUPS + 5; round_ += 1) {
      const i = Math.floor(Math.random() * USERS);
      const started = process.hrtime.bigint();
      const result: unknown = await lookup(knex, i);
      const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
      const count = rowCount(result);
      if (count !== expected(i)) throw new Error(`${label}: ${count} rows for user ${i}`);
      if (round_ >= 5) samples.push(elapsed);
    }
    results[label] = { p50: round(percentile(samples, 50), 3), p95: round(percentile(samples, 95), 3) };
  }
  return results;
};

/** The attributes a site would name for indexing (its IdP's matching attributes): two rows per user. */
const CONFIGURED_PATHS = new Set(['emails.value', `${ENTERPRISE}:employeenumber`.toLowerCase()]);

type CreateMode = 'column only' | 'configured index rows' | 'every leaf indexed';
const CREATE_MODES: CreateMode[] = ['column only', 'configured index rows', 'every leaf indexed'];

const indexRowsFor = (mode: CreateMode, i: number): AttributeRow[] => {
  if (mode === 'column only') return [];
  const rows = attributeRowsOf(resourceOf(i));
  return mode === 'every leaf indexed' ? rows : rows.filter((row) => CONFIGURED_PATHS.has(row.path));
};

/** One create per transaction, as the write pipeline does: the user row alone, or with index rows. */
const timeCreates = async (knex: Knex) => {
  let next = USERS;
  const run = async (mode: CreateMode) => {
    const started = process.hrtime.bigint();
    for (let k = 0; k < CREATES; k += 1) {
      const i = next;
      next += 1;
      await knex.transaction(async (trx) => {
        const [{ id }] = await trx('users').insert(userRow(i)).returning<{ id: number }[]>('id');
        const rows = indexRowsFor(mode, i);
        if (rows.length > 0) await trx('attrs').insert(rows.map((row) => ({ ...row, user_id: id })));
      });
    }
    return Number(process.hrtime.bigint() - started) / 1e6 / CREATES;
  };
  const samples = new Map<CreateMode, number[]>(CREATE_MODES.map((mode) => [mode, []]));
  for (let roundIndex = 0; roundIndex < 6; roundIndex += 1) {
    // Rotate which goes first, so a slow start (cold cache, fsync) is not charged to one mode.
    for (let slot = 0; slot < CREATE_MODES.length; slot += 1) {
      const mode = CREATE_MODES[(roundIndex + slot) % CREATE_MODES.length];
      samples.get(mode)?.push(await run(mode));
    }
  }
  return Object.fromEntries(
    CREATE_MODES.map((mode) => [mode, round(percentile(samples.get(mode) ?? [], 50), 3)]),
  ) as Record<CreateMode, number>;
};

const benchOne = async (db: Db) => {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'scim-attr-bench-'));
  if (db === 'postgres') await preparePostgres();
  const knex = connect(db, directory);
  try {
    await createTables(knex, db);
    const seedStarted = Date.now();
    await seed(knex);
    const seedSeconds = round((Date.now() - seedStarted) / 1000, 1);
    const [{ n }] = await knex('attrs').count<{ n: number | string }[]>({ n: '*' });
    const lookupsMs = await timeLookups(knex, db);
    const creates = await timeCreates(knex);
    return { db, users: USERS, attributeRows: Number(n), seedSeconds, lookupsMs, creates };
  } finally {
    await knex.destroy();
    rmSync(directory, { recursive: true, force: true });
  }
};

const render = (reports: Awaited<ReturnType<typeof benchOne>>[]): string => {
  const lines = [
    `# Attribute storage: JSON functions vs attribute index (${new Date().toISOString().slice(0, 10)})`,
    '',
    `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; ${LOOKUPS} lookups each (p50 / p95 ms), random users.`,
    '',
  ];
  for (const report of reports) {
    lines.push(
      `## ${report.db}: ${report.users} users, ${report.attributeRows} attribute rows (seeded in ${report.seedSeconds} s)`,
      '',
      '| query | p50 ms | p95 ms |',
      '|---|---|---|',
    );
    for (const [label, { p50, p95 }] of Object.entries(report.lookupsMs)) lines.push(`| ${label} | ${p50} | ${p95} |`);
    const base = report.creates['column only'];
    lines.push('', `Create, one transaction each, median of 6 rounds × ${CREATES}:`, '');
    for (const mode of CREATE_MODES) {
      const perCreate = report.creates[mode];
      lines.push(
        `- ${mode}: ${perCreate} ms (${mode === 'column only' ? 'baseline' : `${perCreate >= base ? '+' : ''}${round(perCreate - base, 3)} ms`})`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
};

const main = async () => {
  const which = argument('db', 'both');
  const dbs: Db[] = which === 'both' ? ['sqlite', 'postgres'] : [which as Db];
  const reports = [];
  for (const db of dbs) reports.push(await benchOne(db));
  const markdown = render(reports);
  process.stdout.write(`${markdown}\n`);
  const base = path.join(__dirname, 'results', `${new Date().toISOString().slice(0, 10)}-attribute-storage`);
  writeFileSync(`${base}.md`, `${markdown}\n`);
  writeFileSync(`${base}.json`, `${JSON.stringify(reports, null, 2)}\n`);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
