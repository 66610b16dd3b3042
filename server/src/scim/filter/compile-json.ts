/**
 * The compiler's path for attributes without a column: the filter becomes a JsonPredicate over the
 * stored resource ("some element of the attribute satisfies this"), which the store runs as
 * `id IN (subquery)`. `not` around it is then plain two-valued negation, as RFC 7644 wants.
 * Semantics follow the evaluator: a complex attribute compared as a whole is compared through `value`,
 * `pr` on a complex attribute means some element has some sub-attribute with a value, and `eq null` is
 * "has no value".
 */
import type { QuirkLog } from '../quirks';
import type { AttributeDefinition } from '../schema/types';
import type { AttributeFilter, AttributePath, Filter, ValuePathFilter } from './ast';
import { isAttributeFilter, qualifySubAttributePath } from './ast';
import { printAttributePath } from './attribute-path';
import type { JsonAttributeResolver, JsonCondition, JsonPredicate, JsonTest } from './json-predicate';
import { JSON_PREDICATE_KEY } from './json-predicate';
import { isTextType, literalOperand } from './operand';
import { invalidFilter } from './syntax-error';
import type { WhereClause } from './where-clause';

const SEARCHABLE_TYPES = new Set(['string', 'reference', 'boolean']);

const notFilterable = (path: AttributePath, reason = '') =>
  invalidFilter(`The attribute "${printAttributePath(path)}" is not filterable${reason}`);

const marker = (predicate: JsonPredicate): WhereClause => ({ [JSON_PREDICATE_KEY]: predicate });

const predicateOf = (
  found: NonNullable<ReturnType<JsonAttributeResolver>>,
  condition: JsonCondition,
): JsonPredicate => ({
  ...(found.container === undefined ? {} : { container: found.container }),
  attribute: found.attribute.name,
  multiValued: found.attribute.multiValued,
  complex: found.attribute.type === 'complex',
  condition,
});

const anyOf = (conditions: JsonCondition[]): JsonCondition =>
  conditions.reduce((left, right) => ({ op: 'or', left, right }));

/** `pr` on a complex element: one of its simple sub-attributes has a value. */
const complexPresence = (attribute: AttributeDefinition, path: AttributePath): JsonCondition => {
  const subs = (attribute.subAttributes ?? []).filter((sub) => SEARCHABLE_TYPES.has(sub.type));
  if (subs.length === 0) throw notFilterable(path);
  return anyOf(subs.map((sub) => ({ op: 'test', sub: sub.name, test: { kind: 'present' } })));
};

/** The test of one comparison on a value of `definition`'s type; null literals are handled by the caller. */
function testOf(
  filter: AttributeFilter,
  definition: AttributeDefinition,
  path: AttributePath,
  log?: QuirkLog,
): JsonTest {
  if (filter.op === 'pr') return { kind: 'present' };
  const pathText = printAttributePath(path);
  if (filter.value === null) throw invalidFilter(`Only "eq" and "ne" can compare "${pathText}" with null`);
  const literal = literalOperand(filter.op, filter.value, definition.type, pathText, log);
  if (definition.type === 'boolean')
    return { kind: 'boolean', value: filter.op === 'eq' ? literal === true : literal !== true };
  if (!isTextType(definition.type)) throw notFilterable(path, ` with "${filter.op}": its type is ${definition.type}`);
  const text = String(literal);
  return {
    kind: 'string',
    op: filter.op,
    value: definition.caseExact ? text : text.toLowerCase(),
    caseExact: definition.caseExact,
  };
}

/** One leaf inside an element: a test on `sub` (or on the element itself), `eq null` as "no value". */
function leafCondition(
  filter: AttributeFilter,
  sub: AttributeDefinition | undefined,
  definition: AttributeDefinition,
  path: AttributePath,
  log?: QuirkLog,
): JsonCondition {
  const at = sub === undefined ? {} : { sub: sub.name };
  if (filter.op !== 'pr' && filter.value === null && (filter.op === 'eq' || filter.op === 'ne')) {
    const present: JsonCondition = { op: 'test', ...at, test: { kind: 'present' } };
    return filter.op === 'ne' ? present : { op: 'not', condition: present };
  }
  return { op: 'test', ...at, test: testOf(filter, definition, path, log) };
}

/** `attr op value`, `attr.sub op value`, `attr pr` on an attribute without a column. */
export function compileJsonExpression(
  filter: AttributeFilter,
  resolve: JsonAttributeResolver,
  log?: QuirkLog,
): WhereClause {
  const found = resolve(filter.path);
  if (found === undefined) throw notFilterable(filter.path);
  const { attribute } = found;
  let sub = found.sub;
  if (attribute.type === 'complex' && sub === undefined) {
    if (filter.op === 'pr') return marker(predicateOf(found, complexPresence(attribute, filter.path)));
    // RFC 7643 §2.4: compared as a whole through its "value" sub-attribute.
    sub = attribute.subAttributes?.find((candidate) => candidate.name === 'value');
    if (sub === undefined)
      throw invalidFilter(`"${printAttributePath(filter.path)}" is complex: compare one of its sub-attributes`);
  }
  const definition = sub ?? attribute;
  if (!SEARCHABLE_TYPES.has(definition.type)) throw notFilterable(filter.path, `: its type is ${definition.type}`);
  const isNullTest = filter.op !== 'pr' && filter.value === null;
  if (isNullTest && filter.op === 'eq') {
    // "Has no value" is "no element has one", outside the element loop.
    const present = leafCondition({ op: 'pr', path: filter.path }, sub, definition, filter.path, log);
    return { $not: marker(predicateOf(found, present)) };
  }
  return marker(predicateOf(found, leafCondition(filter, sub, definition, filter.path, log)));
}

/** `attr[filter]`: every condition of the brackets on the same element. */
export function compileJsonValuePath(
  filter: ValuePathFilter,
  resolve: JsonAttributeResolver,
  log?: QuirkLog,
): WhereClause {
  const found = resolve(filter.path);
  if (found === undefined || found.sub !== undefined) throw notFilterable(filter.path);
  if (found.attribute.type !== 'complex')
    throw invalidFilter(`"${printAttributePath(filter.path)}" is not complex: '[ ]' needs sub-attributes`);
  const condition = (inner: Filter): JsonCondition => {
    if (inner.op === 'and' || inner.op === 'or')
      return { op: inner.op, left: condition(inner.left), right: condition(inner.right) };
    if (inner.op === 'not') return { op: 'not', condition: condition(inner.filter) };
    if (!isAttributeFilter(inner)) throw invalidFilter('A value filter cannot contain another value filter');
    const path = qualifySubAttributePath(filter.path, inner.path);
    const sub = resolve(path)?.sub;
    if (sub === undefined) throw notFilterable(path);
    if (!SEARCHABLE_TYPES.has(sub.type)) throw notFilterable(path, `: its type is ${sub.type}`);
    return leafCondition(inner, sub, sub, path, log);
  };
  return marker(predicateOf(found, condition(filter.filter)));
}
