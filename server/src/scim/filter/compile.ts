/**
 * Compiles a filter into a Strapi 5 query-engine where-object. It builds plain objects only; the store
 * passes the result to `strapi.db.query(uid).findMany({ where })`.
 *
 * Semantics follow the evaluator (`evaluate.ts`), which tests use as the oracle:
 * - A comparison is false for a row whose column is NULL, as in SQL. Under `not`, SQL's NOT would turn
 *   that unknown into unknown and drop the row, while RFC 7644 `not` keeps it; so inside a `not` every
 *   comparison also requires `$notNull`, which makes it a plain true/false.
 * - A relation condition `{ emails: { value: ... } }` becomes a LEFT JOIN and reads "some element
 *   matches". Each relation key gets its own join in Strapi, so `emails[type eq "work" and value co "x"]`
 *   compiles to one relation object (both conditions on the same element) and `emails.type eq "work"
 *   and emails.value co "x"` to two (any elements). "No element matches" needs NOT EXISTS, which a
 *   where-object cannot express, so a relation under `not` (and `eq null` on one) is refused with 400.
 * - LIKE wildcards: Strapi 5.54's query engine (`@strapi/database` dist/query/helpers/where.js,
 *   `escapeLike` / `likeEscapeClause`) escapes `%`, `_` and `\` in `$contains`, `$startsWith` and
 *   `$endsWith` values itself and adds `ESCAPE '\'` on SQLite (strapi/strapi#26476). Values are
 *   therefore passed through unescaped: escaping them here too would search for the backslashes.
 *   Older Strapi 5 releases used the value as a raw pattern; `likeWildcards: 'reject'` refuses
 *   such values instead of letting `_` match any character.
 */
import type { QuirkLog } from '../quirks';
import type { AttributePath, AttributeFilter, Filter, LogicalFilter, ValuePathFilter } from './ast';
import { isAttributeFilter, isComparison, makeAttributePath, qualifySubAttributePath } from './ast';
import { attributePathKey, printAttributePath } from './attribute-path';
import { isSubstringOperator, isTextType, literalOperand } from './operand';
import { compileJsonExpression, compileJsonValuePath } from './compile-json';
import type { JsonAttributeResolver } from './json-predicate';
import { invalidFilter } from './syntax-error';
import type {
  ColumnCondition,
  ColumnMap,
  ColumnOperator,
  FilterableAttribute,
  WhereClause,
  WhereScalar,
} from './where-clause';
import { isRelationMapping, LIST_SEPARATOR } from './where-clause';

export interface CompileOptions {
  columns: ColumnMap;
  /** The core schema URN of the resource type; paths qualified with it are looked up without it. */
  coreSchema?: string;
  /** Whether the query engine escapes LIKE wildcards (Strapi >= 5.54) or such values are refused. */
  likeWildcards?: 'escapedByEngine' | 'reject';
  /**
   * The database's LIKE ignores case (SQLite, for ASCII). Then `sw` on a case-exact column compiles to a
   * binary range instead, and `co`/`ew`, which no range can express, are refused rather than answered wrongly.
   */
  likeIgnoresCase?: boolean;
  /** Where tolerated dialects (a boolean compared with "true") are reported. */
  log?: QuirkLog;
  /**
   * Attributes without a column: when given, they compile to JSON predicates over the stored resource
   * (`compile-json.ts`) instead of a 400 "not filterable".
   */
  jsonAttributes?: JsonAttributeResolver;
}

interface CompileContext {
  readonly columns: ReadonlyMap<string, FilterableAttribute>;
  readonly coreSchema?: string;
  readonly rejectLikeWildcards: boolean;
  readonly likeIgnoresCase: boolean;
  readonly log?: QuirkLog;
  readonly jsonAttributes?: JsonAttributeResolver;
  /** Inside a `not`: comparisons must be two-valued. */
  readonly negated: boolean;
  /** Inside `attr[...]`: paths are sub-attributes of `parent`, stored through `relation` if set. */
  readonly valuePath?: { parent: AttributePath; relation?: string };
}

const OPERATOR_FOR: Record<AttributeFilter['op'], ColumnOperator> = {
  eq: '$eq',
  ne: '$ne',
  co: '$contains',
  sw: '$startsWith',
  ew: '$endsWith',
  gt: '$gt',
  ge: '$gte',
  lt: '$lt',
  le: '$lte',
  pr: '$notNull',
};
const LIKE_WILDCARDS = /[%_\\]/;

export function compileFilter(filter: Filter, options: CompileOptions): WhereClause {
  const columns = new Map(Object.entries(options.columns).map(([key, mapping]) => [key.toLowerCase(), mapping]));
  return compile(filter, {
    columns,
    coreSchema: options.coreSchema?.toLowerCase(),
    rejectLikeWildcards: options.likeWildcards === 'reject',
    likeIgnoresCase: options.likeIgnoresCase === true,
    log: options.log,
    jsonAttributes: options.jsonAttributes,
    negated: false,
  });
}

function compile(filter: Filter, context: CompileContext): WhereClause {
  switch (filter.op) {
    case 'and':
    case 'or':
      return compileLogical(filter, context);
    case 'not':
      return { $not: compile(filter.filter, { ...context, negated: true }) };
    case 'valuePath':
      return compileValuePath(filter, context);
    default:
      return compileAttributeExpression(filter, context);
  }
}

/** `a and b and c` is one `$and` array, not a nest of pairs; `x eq 1 or x eq 2` becomes `$in`. */
function compileLogical(filter: LogicalFilter, context: CompileContext): WhereClause {
  const operands: Filter[] = [];
  const collect = (node: Filter): void => {
    if (node.op === filter.op) {
      collect(node.left);
      collect(node.right);
    } else {
      operands.push(node);
    }
  };
  collect(filter);
  const clauses = operands.map((operand) => compile(operand, context));
  if (filter.op === 'and') return { $and: clauses };
  const merged = mergeEqualitiesIntoIn(clauses);
  return merged.length === 1 ? merged[0] : { $or: merged };
}

function compileValuePath(filter: ValuePathFilter, context: CompileContext): WhereClause {
  if (context.valuePath) throw invalidFilter('A value filter cannot contain another value filter');
  const pathText = printAttributePath(filter.path);
  const leaves = attributeLeaves(filter.filter);
  const mappings = leaves.map((leaf) => findMapping(qualifySubAttributePath(filter.path, leaf.path), context));
  // A list column answers one plain comparison on its own; anything else needs the elements themselves.
  const plainComparison = isComparison(filter.filter) && filter.filter.value !== null;
  const needsElements = mappings.some(
    (mapping) => mapping === undefined || (mapping.list === true && !plainComparison),
  );
  if (needsElements && context.jsonAttributes) return compileJsonValuePath(filter, context.jsonAttributes, context.log);
  const relations = new Set<string | undefined>();
  for (const leaf of leaves) {
    const mapping = lookup(qualifySubAttributePath(filter.path, leaf.path), context);
    relations.add(isRelationMapping(mapping) ? mapping.relation : undefined);
  }
  if (relations.size > 1)
    throw invalidFilter(`The attribute "${pathText}" is not filterable with this combination of sub-attributes`);
  const [relation] = relations;
  if (relation === undefined) {
    // A single-valued complex attribute stored in columns: the brackets only group.
    return compile(filter.filter, { ...context, valuePath: { parent: filter.path } });
  }
  if (context.negated) throw notOverRelation(pathText);
  const inner = compile(filter.filter, { ...context, negated: false, valuePath: { parent: filter.path, relation } });
  if (!canMatchNullRow(filter.filter)) return nestUnderRelation(relation, inner);
  // The LEFT JOIN yields one all-NULL row for a resource without elements; `not` or `eq null` would match it.
  return nestUnderRelation(relation, { $and: [{ id: { $notNull: true } }, inner] });
}

function compileAttributeExpression(filter: AttributeFilter, context: CompileContext): WhereClause {
  const valuePath = context.valuePath;
  const path = valuePath ? qualifySubAttributePath(valuePath.parent, filter.path) : filter.path;
  const pathText = printAttributePath(path);
  if (!valuePath && context.jsonAttributes && !hasColumns(path, context)) {
    return compileJsonExpression(filter, context.jsonAttributes, context.log);
  }
  if (filter.op === 'pr' && path.subAttribute === undefined && !context.columns.has(mapKey(path, context))) {
    return compileComplexPresence(path, context);
  }
  const mapping = lookup(path, context);
  const relation = isRelationMapping(mapping) ? mapping.relation : undefined;
  // Inside a relation's brackets the columns are the joined row's own; the caller adds the join.
  const joinedHere = relation !== undefined && valuePath?.relation !== relation;
  const meansNoValue = filter.op === 'eq' && filter.value === null;
  if (joinedHere && (context.negated || meansNoValue)) throw notOverRelation(pathText);
  const alternatives = columnConditions(filter, mapping, pathText, context);
  const clause: WhereClause =
    alternatives.length === 1
      ? { [mapping.column]: alternatives[0] }
      : { $or: alternatives.map((condition) => ({ [mapping.column]: condition })) };
  return joinedHere ? nestUnderRelation(relation, clause) : clause;
}

/** One condition, or two alternatives for "text has no value" (NULL or empty string). */
function columnConditions(
  filter: AttributeFilter,
  mapping: FilterableAttribute,
  pathText: string,
  context: CompileContext,
): ColumnCondition[] {
  const text = isTextType(mapping.type);
  const hasValue = presenceCondition(mapping);
  if (filter.op === 'pr') return [hasValue];
  if (filter.value === null) {
    if (filter.op === 'ne') return [hasValue];
    if (filter.op === 'eq') return text ? [{ $null: true }, { $eq: '' }] : [{ $null: true }];
    throw invalidFilter(`Only "eq" and "ne" can compare "${pathText}" with null`);
  }
  const literal = literalOperand(filter.op, filter.value, mapping.type, pathText, context.log);
  let value: WhereScalar;
  if (mapping.type === 'dateTime') value = new Date(literal as number).toISOString();
  else if (text && mapping.normalized) value = String(literal).toLowerCase();
  else value = literal;
  const usesLike = isSubstringOperator(filter.op) || mapping.list === true;
  if (usesLike && context.rejectLikeWildcards && LIKE_WILDCARDS.test(String(value))) {
    throw invalidFilter(`"${filter.op}" cannot search for %, _ or \\ in "${pathText}" on this server`);
  }
  if (mapping.list) {
    const condition = listCondition(filter.op, String(value), pathText);
    return [context.negated ? { $notNull: true, ...condition } : condition];
  }
  const condition =
    text && !mapping.normalized && context.likeIgnoresCase && isSubstringOperator(filter.op)
      ? caseExactSubstringCondition(filter.op, String(value), pathText)
      : { [OPERATOR_FOR[filter.op]]: value };
  return [context.negated ? { $notNull: true, ...condition } : condition];
}

/** A list column (see `ColumnMapping.list`): the framed value searched with LIKE. */
function listCondition(op: AttributeFilter['op'], value: string, pathText: string): ColumnCondition {
  if (value === '' || value.includes(LIST_SEPARATOR)) {
    throw invalidFilter(`The value compared with "${pathText}" must be non-empty and cannot contain a line break`);
  }
  switch (op) {
    case 'eq':
      return { $contains: `${LIST_SEPARATOR}${value}${LIST_SEPARATOR}` };
    case 'co':
      return { $contains: value };
    case 'sw':
      return { $contains: `${LIST_SEPARATOR}${value}` };
    case 'ew':
      return { $contains: `${value}${LIST_SEPARATOR}` };
    default:
      throw invalidFilter(
        `"${op}" is not supported on the multi-valued attribute "${pathText}"; use eq, co, sw, ew or pr`,
      );
  }
}

/** Highest code point: every string that starts with `prefix` sorts below `prefix + MAX_CHAR` byte-wise. */
const MAX_CHAR = String.fromCodePoint(0x10ffff);

function caseExactSubstringCondition(op: AttributeFilter['op'], value: string, pathText: string): ColumnCondition {
  if (op === 'sw') return { $gte: value, $lt: value + MAX_CHAR };
  throw invalidFilter(
    `"${op}" on the case-exact attribute "${pathText}" is not supported on this database, whose LIKE ignores case; use "eq" or "sw"`,
  );
}

/** The column-map key of a path: without the URN when that is the resource's core schema. */
function mapKey(path: AttributePath, context: CompileContext): string {
  const isCore = path.urn !== undefined && path.urn.toLowerCase() === context.coreSchema;
  return attributePathKey(isCore ? makeAttributePath(path.attribute, path.subAttribute) : path);
}

/** The mapping of a path; a complex attribute without its own entry is compared through `.value`. */
function findMapping(path: AttributePath, context: CompileContext): FilterableAttribute | undefined {
  const key = mapKey(path, context);
  return (
    context.columns.get(key) ?? (path.subAttribute === undefined ? context.columns.get(`${key}.value`) : undefined)
  );
}

function lookup(path: AttributePath, context: CompileContext): FilterableAttribute {
  const mapping = findMapping(path, context);
  if (mapping === undefined) throw notFilterable(path);
  return mapping;
}

/** Whether a path has a column of its own, or (a complex attribute) columns for sub-attributes. */
function hasColumns(path: AttributePath, context: CompileContext): boolean {
  if (findMapping(path, context) !== undefined) return true;
  const prefix = `${mapKey(path, context)}.`;
  return path.subAttribute === undefined && [...context.columns.keys()].some((key) => key.startsWith(prefix));
}

/**
 * `emails pr` on a complex attribute: some element has some non-empty sub-attribute, i.e. one joined
 * row (or the resource's own columns) where any of the mapped sub-attribute columns has a value.
 */
function compileComplexPresence(path: AttributePath, context: CompileContext): WhereClause {
  const prefix = `${mapKey(path, context)}.`;
  const mappings = [...context.columns].filter(([key]) => key.startsWith(prefix)).map(([, mapping]) => mapping);
  const relations = new Set(mappings.map((mapping) => (isRelationMapping(mapping) ? mapping.relation : undefined)));
  if (mappings.length === 0 || relations.size > 1) throw notFilterable(path);
  const [relation] = relations;
  if (relation !== undefined && context.negated) throw notOverRelation(printAttributePath(path));
  const clauses = mappings.map((mapping) => ({ [mapping.column]: presenceCondition(mapping) }));
  const clause = clauses.length === 1 ? clauses[0] : { $or: clauses };
  return relation === undefined ? clause : nestUnderRelation(relation, clause);
}

const presenceCondition = (mapping: FilterableAttribute): ColumnCondition =>
  isTextType(mapping.type) ? { $notNull: true, $ne: '' } : { $notNull: true };

function nestUnderRelation(relation: string, clause: WhereClause): WhereClause {
  // Strapi reads a lone `$not` under a relation as a condition on the related id, so keep it in `$and`.
  const body: WhereClause = '$not' in clause ? { $and: [clause] } : clause;
  return relation
    .split('.')
    .reverse()
    .reduce<WhereClause>((inner, name) => ({ [name]: inner }), body);
}

interface ColumnEquality {
  column: string;
  value: Exclude<WhereScalar, null>;
  guarded: boolean;
}

/** `{ column: { $eq: v } }`, possibly with the `$notNull` guard, or undefined for any other clause. */
function readColumnEquality(clause: WhereClause): ColumnEquality | undefined {
  const keys = Object.keys(clause);
  if (keys.length !== 1 || keys[0].startsWith('$')) return undefined;
  const condition = clause[keys[0]] as ColumnCondition;
  const operators = Object.keys(condition);
  const guarded = operators.length === 2 && condition.$notNull === true;
  const value = condition.$eq;
  if ((operators.length !== 1 && !guarded) || value === undefined || value === null || Array.isArray(value))
    return undefined;
  return { column: keys[0], value, guarded };
}

type EqualityGroup = ColumnEquality & { values: WhereScalar[] };

/** Groups `{ col: { $eq: v } }` operands of an `$or` on the same column into one `$in`. */
function mergeEqualitiesIntoIn(clauses: WhereClause[]): WhereClause[] {
  const groups = new Map<string, EqualityGroup>();
  const slots: ({ clause: WhereClause } | { group: EqualityGroup })[] = [];
  for (const clause of clauses) {
    const equality = readColumnEquality(clause);
    if (equality === undefined) {
      slots.push({ clause });
      continue;
    }
    const groupKey = `${equality.guarded ? 'guarded ' : ''}${equality.column}`;
    const group = groups.get(groupKey);
    if (group === undefined) {
      const created: EqualityGroup = { ...equality, values: [equality.value] };
      groups.set(groupKey, created);
      slots.push({ group: created });
    } else if (!group.values.includes(equality.value)) {
      group.values.push(equality.value);
    }
  }
  return slots.map((slot) => {
    if ('clause' in slot) return slot.clause;
    const { column, values, guarded } = slot.group;
    const condition: ColumnCondition = values.length === 1 ? { $eq: values[0] } : { $in: values };
    return { [column]: guarded ? { $notNull: true, ...condition } : condition };
  });
}

function attributeLeaves(filter: Filter): AttributeFilter[] {
  if (isAttributeFilter(filter)) return [filter];
  if (filter.op === 'not') return attributeLeaves(filter.filter);
  if (filter.op === 'valuePath') return [];
  return [...attributeLeaves(filter.left), ...attributeLeaves(filter.right)];
}

const canMatchNullRow = (filter: Filter): boolean => {
  if (filter.op === 'not') return true;
  if (filter.op === 'and' || filter.op === 'or') return canMatchNullRow(filter.left) || canMatchNullRow(filter.right);
  return filter.op === 'eq' && filter.value === null;
};

const notFilterable = (path: AttributePath) =>
  invalidFilter(`The attribute "${printAttributePath(path)}" is not filterable`);

const notOverRelation = (pathText: string) =>
  invalidFilter(`"not" and "eq null" over the multi-valued attribute "${pathText}" are not supported in a filter`);
