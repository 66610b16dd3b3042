/**
 * Runs the compiler's JsonPredicates (attributes without a column) in the database: each becomes
 * `id IN (SELECT id FROM <table>, <elements of the attribute> WHERE <condition on one element>)`,
 * with the JSON functions of SQLite, PostgreSQL (jsonb) or MySQL/MariaDB. Strapi's query engine
 * accepts a knex raw query as the value of `$in`.
 *
 * Every test is made two-valued (`CASE WHEN ... THEN 1 ELSE 0 END = 1`) so `not` inside brackets keeps
 * elements whose sub-attribute is missing, as RFC 7644's `not` does. Strings are compared byte-wise
 * (binary collations), lower-cased by the database when the attribute is not caseExact; substring tests
 * use position functions, not LIKE, so no wildcard or LIKE case rule applies. On SQLite a LIKE over the stored
 * text only narrows the rows first (sqlitePrefilter): it keeps every row the test can match.
 * Attribute names come from the schema, never from the client; values are always bound.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import {
  JSON_PREDICATE_KEY,
  type JsonCondition,
  type JsonPredicate,
  type JsonTest,
  type WhereClause,
} from '../../scim/filter';
import { qualifiedTable } from './qualified-table';

export type Dialect = 'sqlite' | 'postgres' | 'mysql';

/** A JSON location: how to read its type and its text in one dialect. */
export interface Location {
  /** Normalised JSON type: 'string', 'boolean-true', 'boolean-false', 'null', 'other' or 'absent'. */
  kind: string;
  text: string;
}

/** The normalised kind of a JSON value from its dialect type name; 'absent' when there is no value at all. */
const kindOf = (type: string, cases: string): string =>
  `(CASE WHEN ${type} IS NULL THEN 'absent' ELSE (CASE ${type} ${cases} ELSE 'other' END) END)`;

const SAFE_NAME = /^[A-Za-z0-9:._$-]+$/;

const assertName = (name: string): string => {
  if (!SAFE_NAME.test(name)) throw new Error(`Unexpected attribute name ${JSON.stringify(name)}`);
  return name;
};

/** `$."a"."b"` for SQLite and MySQL JSON paths. */
const jsonPath = (keys: string[]): string => `$${keys.map((key) => `."${assertName(key)}"`).join('')}`;
const sqlString = (text: string): string => `'${text.replaceAll("'", "''")}'`;

const SQLITE_KINDS = `WHEN 'text' THEN 'string' WHEN 'true' THEN 'boolean-true' WHEN 'false' THEN 'boolean-false' WHEN 'null' THEN 'null'`;

const sqliteLocation = (base: string, keys: string[]): Location => {
  const path = sqlString(jsonPath(keys));
  const type = `json_type(${base}, ${path})`;
  return {
    kind: kindOf(type, SQLITE_KINDS),
    text: `json_extract(${base}, ${path})`,
  };
};

const postgresLocation = (base: string, keys: string[]): Location => {
  const value = keys.reduce((json, key) => `(${json} -> ${sqlString(assertName(key))})`, base);
  return {
    kind: kindOf(
      `jsonb_typeof(${value})`,
      `WHEN 'string' THEN 'string' WHEN 'null' THEN 'null' WHEN 'boolean' THEN (CASE WHEN ${value} = 'true'::jsonb THEN 'boolean-true' ELSE 'boolean-false' END)`,
    ),
    text: `(${value} #>> '{}')`,
  };
};

const mysqlLocation = (base: string, keys: string[]): Location => {
  const value = keys.length === 0 ? base : `JSON_EXTRACT(${base}, ${sqlString(jsonPath(keys))})`;
  return {
    kind: kindOf(
      `JSON_TYPE(${value})`,
      `WHEN 'STRING' THEN 'string' WHEN 'NULL' THEN 'null' WHEN 'BOOLEAN' THEN (CASE WHEN JSON_UNQUOTE(${value}) = 'true' THEN 'boolean-true' ELSE 'boolean-false' END)`,
    ),
    text: `CONVERT(JSON_UNQUOTE(${value}) USING utf8mb4) COLLATE utf8mb4_bin`,
  };
};

/** The type and text of the JSON value at `keys` under `base` (a JSON column or element). */
export const locateJson = (dialect: Dialect, base: string, keys: string[]): Location =>
  ({ sqlite: sqliteLocation, postgres: postgresLocation, mysql: mysqlLocation })[dialect](base, keys);

/** A string compared byte-wise, as the filters compare them. */
export const binaryText = (dialect: Dialect, text: string): string =>
  dialect === 'postgres' ? `(${text}) COLLATE "C"` : text;

export interface ElementSource {
  /** Extra FROM items after the table (aliased `t`). */
  from: string;
  /** Condition that the element exists (and is an object, for a complex attribute). */
  guard: string;
  /** The location of a sub-attribute of the element, or of the element itself. */
  at: (sub?: string) => Location;
}

function elementSource(dialect: Dialect, predicate: JsonPredicate): ElementSource {
  const keys = [...(predicate.container === undefined ? [] : [predicate.container]), predicate.attribute];
  const locate = (base: string, path: string[]) => locateJson(dialect, base, path);
  const objectKind = { sqlite: "'object'", postgres: "'object'", mysql: "'OBJECT'" }[dialect];
  const rawType = (location: string) =>
    ({ sqlite: `json_type(${location})`, postgres: `jsonb_typeof(${location})`, mysql: `JSON_TYPE(${location})` })[
      dialect
    ];
  if (!predicate.multiValued) {
    const at = (sub?: string) => locate('t.resource', sub === undefined ? keys : [...keys, sub]);
    if (!predicate.complex) return { from: '', guard: '1 = 1', at };
    const own = {
      sqlite: `json_type(t.resource, ${sqlString(jsonPath(keys))})`,
      postgres: rawType(keys.reduce((json, key) => `(${json} -> ${sqlString(key)})`, 't.resource')),
      mysql: rawType(`JSON_EXTRACT(t.resource, ${sqlString(jsonPath(keys))})`),
    }[dialect];
    return { from: '', guard: `${own} = ${objectKind}`, at };
  }
  switch (dialect) {
    case 'sqlite':
      return {
        from: `, json_each(t.resource, ${sqlString(jsonPath(keys))}) AS e`,
        guard: predicate.complex ? `e.type = 'object'` : '1 = 1',
        at: (sub) =>
          sub === undefined
            ? {
                kind: kindOf('e.type', SQLITE_KINDS),
                text: 'e.atom',
              }
            : sqliteLocation('e.value', [sub]),
      };
    case 'postgres': {
      const array = keys.reduce((json, key) => `(${json} -> ${sqlString(key)})`, 't.resource');
      return {
        from: `, jsonb_array_elements(CASE WHEN jsonb_typeof(${array}) = 'array' THEN ${array} ELSE '[]'::jsonb END) AS e(value)`,
        guard: predicate.complex ? `jsonb_typeof(e.value) = 'object'` : '1 = 1',
        at: (sub) => postgresLocation('e.value', sub === undefined ? [] : [sub]),
      };
    }
    case 'mysql': {
      const path = sqlString(`${jsonPath(keys)}[*]`);
      const element = `JSON_EXTRACT(t.resource, CONCAT(${sqlString(jsonPath(keys))}, '[', e.i - 1, ']'))`;
      return {
        from: `, JSON_TABLE(t.resource, ${path} COLUMNS (i FOR ORDINALITY)) AS e`,
        guard: predicate.complex ? `JSON_TYPE(${element}) = 'OBJECT'` : '1 = 1',
        at: (sub) => mysqlLocation(element, sub === undefined ? [] : [sub]),
      };
    }
  }
}

const lengthFunction: Record<Dialect, string> = { sqlite: 'length', postgres: 'char_length', mysql: 'CHAR_LENGTH' };
const positionOf: Record<Dialect, (haystack: string) => string> = {
  sqlite: (haystack) => `instr(${haystack}, ?)`,
  postgres: (haystack) => `strpos(${haystack}, ?)`,
  mysql: (haystack) => `LOCATE(?, ${haystack})`,
};

/** SQL (with `?` placeholders) and bindings for one test, before it is made two-valued. */
function testSql(dialect: Dialect, location: Location, test: JsonTest): { sql: string; bindings: unknown[] } {
  switch (test.kind) {
    case 'present':
      return {
        sql: `(${location.kind} IN ('boolean-true', 'boolean-false', 'other') OR (${location.kind} = 'string' AND ${lengthFunction[dialect]}(${location.text}) > 0))`,
        bindings: [],
      };
    case 'boolean':
      return { sql: `${location.kind} = ?`, bindings: [test.value ? 'boolean-true' : 'boolean-false'] };
    case 'string': {
      const text = binaryText(dialect, test.caseExact ? location.text : `lower(${location.text})`);
      const isString = `${location.kind} = 'string'`;
      const length = lengthFunction[dialect];
      const { value } = test;
      const compare = (sql: string, bindings: unknown[]) => ({ sql: `(${isString} AND ${sql})`, bindings });
      if (value === '' && (test.op === 'co' || test.op === 'sw' || test.op === 'ew')) return compare('1 = 1', []);
      switch (test.op) {
        case 'co':
          return compare(`${positionOf[dialect](text)} > 0`, [value]);
        case 'sw':
          return compare(`substr(${text}, 1, ${length}(?)) = ?`, [value, value]);
        case 'ew':
          return compare(
            `${length}(${text}) >= ${length}(?) AND substr(${text}, ${length}(${text}) - ${length}(?) + 1) = ?`,
            [value, value, value],
          );
        default: {
          const operator = { eq: '=', ne: '<>', gt: '>', ge: '>=', lt: '<', le: '<=' }[test.op];
          return compare(`${text} ${operator} ?`, [value]);
        }
      }
    }
  }
}

export function conditionSql(
  dialect: Dialect,
  source: ElementSource,
  condition: JsonCondition,
): { sql: string; bindings: unknown[] } {
  switch (condition.op) {
    case 'and':
    case 'or': {
      const left = conditionSql(dialect, source, condition.left);
      const right = conditionSql(dialect, source, condition.right);
      return {
        sql: `(${left.sql} ${condition.op.toUpperCase()} ${right.sql})`,
        bindings: [...left.bindings, ...right.bindings],
      };
    }
    case 'not': {
      const inner = conditionSql(dialect, source, condition.condition);
      return { sql: `(NOT ${inner.sql})`, bindings: inner.bindings };
    }
    case 'test': {
      const { sql, bindings } = testSql(dialect, source.at(condition.sub), condition.test);
      return { sql: `((CASE WHEN ${sql} THEN 1 ELSE 0 END) = 1)`, bindings };
    }
  }
}

export const dialectOf = (strapi: Core.Strapi): Dialect => {
  const client = strapi.db.dialect.client;
  if (client === 'sqlite') return 'sqlite';
  if (client === 'postgres') return 'postgres';
  return 'mysql';
};

/** A text some string test of the condition requires, whatever else holds: its value appears in the element. */
interface Needle {
  value: string;
}

/**
 * Whether JSON.stringify writes some character of `text` escaped (a quote, a backslash, a control character, a
 * lone surrogate; a surrogate pair is let go too): such a value does not appear as itself in the stored text.
 */
const escapedInJson = (text: string): boolean => {
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code === 0x22 || code === 0x5c || code < 0x20 || (code >= 0xd800 && code <= 0xdfff)) return true;
  }
  return false;
};

/** The longest value that every element satisfying `condition` must contain (`and` keeps either side's). */
function requiredNeedle(condition: JsonCondition): Needle | undefined {
  if (condition.op === 'and') {
    const [left, right] = [requiredNeedle(condition.left), requiredNeedle(condition.right)];
    return (left?.value.length ?? 0) >= (right?.value.length ?? 0) ? left : right;
  }
  if (condition.op !== 'test' || condition.test.kind !== 'string') return undefined;
  const { op, value } = condition.test;
  if (!['eq', 'co', 'sw', 'ew'].includes(op) || value === '' || escapedInJson(value)) return undefined;
  return { value };
}

/**
 * On SQLite, a row whose stored text does not contain the needle cannot match: a LIKE over the text skips parsing
 * the JSON of nearly every row of a lookup. SQLite's LIKE folds ASCII case as `lower` does (a superset for a
 * caseExact needle, which the test itself then decides), and reads the text without copying it: about three
 * times faster than `instr(lower(...))` over 100,000 resources.
 */
const sqlitePrefilter = (predicate: JsonPredicate): { sql: string; bindings: unknown[] } => {
  const needle = requiredNeedle(predicate.condition);
  if (needle === undefined) return { sql: '', bindings: [] };
  const escaped = needle.value.replaceAll('%', '\\%').replaceAll('_', '\\_');
  return { sql: `t.resource LIKE ? ESCAPE '\\' AND `, bindings: [`%${escaped}%`] };
};

/** The ids of `uid`'s rows with some element of the predicate's attribute satisfying its condition. */
export function jsonPredicateSubquery(strapi: Core.Strapi, uid: string, predicate: JsonPredicate): Knex.Raw {
  const dialect = dialectOf(strapi);
  const source = elementSource(dialect, predicate);
  const condition = conditionSql(dialect, source, predicate.condition);
  const prefilter = dialect === 'sqlite' ? sqlitePrefilter(predicate) : { sql: '', bindings: [] };
  const table = qualifiedTable(strapi, uid);
  return strapi.db.connection.raw(
    `SELECT t.id FROM ?? AS t${source.from} WHERE ${prefilter.sql}${source.guard} AND ${condition.sql}`,
    [table, ...prefilter.bindings, ...condition.bindings] as Knex.RawBinding[],
  );
}

type WhereValue = WhereClause[keyof WhereClause];

/** Whether the where-object holds a JsonPredicate anywhere. */
export function hasJsonPredicate(where: WhereClause): boolean {
  return Object.entries(where).some(([key, value]) => {
    if (key === JSON_PREDICATE_KEY) return true;
    if (Array.isArray(value)) return value.some((clause) => hasJsonPredicate(clause));
    return !isColumnCondition(value) && hasJsonPredicate(value as WhereClause);
  });
}

/**
 * The where-object with every JsonPredicate replaced by `{ id: { $in: subquery } }`, for Strapi's query engine:
 * the subquery `indexed` gives (the attribute index, index-filter-sql.ts) where it gives one, on the JSON
 * functions otherwise.
 */
export function resolveJsonPredicates(
  strapi: Core.Strapi,
  uid: string,
  where: WhereClause,
  indexed: (predicate: JsonPredicate) => Knex.Raw | undefined = () => undefined,
): Record<string, unknown> {
  const visit = (value: WhereValue): unknown => {
    if (Array.isArray(value)) return value.map((clause) => visitClause(clause));
    return visitClause(value as WhereClause);
  };
  const visitClause = (clause: WhereClause): Record<string, unknown> => {
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(clause)) {
      if (key === JSON_PREDICATE_KEY) {
        const predicate = value as JsonPredicate;
        result.id = { $in: indexed(predicate) ?? jsonPredicateSubquery(strapi, uid, predicate) };
      } else if (key === '$and' || key === '$or' || key === '$not' || !isColumnCondition(value)) {
        result[key] = visit(value);
      } else {
        result[key] = value;
      }
    }
    return result;
  };
  return visitClause(where);
}

/** A column condition has only operator keys (`$eq`, `$in`, ...); a nested clause has column, relation or group keys. */
const isColumnCondition = (value: WhereValue): boolean =>
  !Array.isArray(value) && Object.keys(value).every((key) => key.startsWith('$') && key !== JSON_PREDICATE_KEY);
