/**
 * Tier 2 of docs/decisions/filter-storage-whole-schema.md: a JsonPredicate whose tests are all equalities on
 * leaves with ready index rows becomes `SELECT owner_ref FROM scim_attribute_index ...`, one index probe per
 * test; the tests of one conjunction are joined on the element number, so `emails[type eq "work"].value eq "x"`
 * needs both on the same email. Any other predicate returns undefined and runs through the JSON functions.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { JsonCondition, JsonPredicate } from '../../scim/filter';
import type { ResourceTypeId } from '../../scim/schema';
import { ATTRIBUTE_INDEX_UID } from './attribute-index';
import { leafKey, type IndexedLeaf } from './indexed-attributes';
import { dialectOf } from './json-filter-sql';
import { isStorableKey } from './storable-text';
import { qualifiedTable } from './qualified-table';

/** What a list filter may use of the index: the leaves of its resource type whose back-fill is complete. */
export interface ReadyIndex {
  resourceType: ResourceTypeId;
  leaves: ReadonlyMap<string, IndexedLeaf>;
}

interface Probe {
  path: string;
  valueKey: string;
  coarse: boolean;
}

/** One equality answered by the index rows of a ready leaf, or undefined. */
function probeOf(predicate: JsonPredicate, condition: JsonCondition, ready: ReadyIndex): Probe | undefined {
  if (condition.op !== 'test') return undefined;
  const leaf = ready.leaves.get(leafKey(predicate.container, predicate.attribute, condition.sub));
  if (leaf === undefined) return undefined;
  const { test } = condition;
  if (test.kind === 'boolean')
    return leaf.type === 'boolean' ? { path: leaf.key, valueKey: String(test.value), coarse: true } : undefined;
  if (test.kind !== 'string' || test.op !== 'eq' || leaf.type === 'boolean' || leaf.caseExact !== test.caseExact)
    return undefined;
  // The index holds no value that cannot be stored, so such a literal cannot be looked up in it.
  return isStorableKey(test.value) ? { path: leaf.key, valueKey: test.value, coarse: leaf.coarse } : undefined;
}

const conjunction = (predicate: JsonPredicate, condition: JsonCondition, ready: ReadyIndex): Probe[] | undefined => {
  if (condition.op === 'and') {
    const left = conjunction(predicate, condition.left, ready);
    const right = left && conjunction(predicate, condition.right, ready);
    return left && right && [...left, ...right];
  }
  const probe = probeOf(predicate, condition, ready);
  return probe && [probe];
};

/** "Some element satisfies a or b" is "some element satisfies a, or some satisfies b": one SELECT per branch. */
const disjunction = (predicate: JsonPredicate, condition: JsonCondition, ready: ReadyIndex): Probe[][] | undefined => {
  if (condition.op === 'or') {
    const left = disjunction(predicate, condition.left, ready);
    const right = left && disjunction(predicate, condition.right, ready);
    return left && right && [...left, ...right];
  }
  const probes = conjunction(predicate, condition, ready);
  return probes && [probes];
};

export function indexPredicateSubquery(
  strapi: Core.Strapi,
  predicate: JsonPredicate,
  ready: ReadyIndex,
): Knex.Raw | undefined {
  if (ready.leaves.size === 0) return undefined;
  const branches = disjunction(predicate, predicate.condition, ready);
  if (branches === undefined) return undefined;
  const table = qualifiedTable(strapi, ATTRIBUTE_INDEX_UID);
  const selects: string[] = [];
  const bindings: unknown[] = [];
  // SQLite and MySQL join in the order written here (CROSS JOIN, STRAIGHT_JOIN) and start from the probe most
  // likely to be selective: `emails.type = 'work'` holds for nearly every user, the email itself for one.
  // A joined probe reaches its rows through the owner index; on SQLite, whose planner has no statistics here, the
  // unary `+` keeps it from preferring the lookup index on (path, value_key), which `emails.type = 'work'` defeats.
  const dialect = dialectOf(strapi);
  const join = { sqlite: 'CROSS JOIN', postgres: 'JOIN', mysql: 'STRAIGHT_JOIN' }[dialect];
  const unindexed = dialect === 'sqlite' ? '+' : '';
  for (const unordered of branches) {
    const probes = [...unordered.filter((probe) => !probe.coarse), ...unordered.filter((probe) => probe.coarse)];
    const joins = probes
      .slice(1)
      .map(
        (_, at) =>
          ` ${join} ?? AS p${at + 1} ON p${at + 1}.resource_type = p0.resource_type AND p${at + 1}.owner_ref = p0.owner_ref AND p${at + 1}.element = p0.element`,
      );
    const tests = probes.map((_, at) =>
      at === 0
        ? 'p0.path = ? AND p0.value_key = ?'
        : `${unindexed}p${at}.path = ? AND ${unindexed}p${at}.value_key = ?`,
    );
    selects.push(
      `SELECT p0.owner_ref FROM ?? AS p0${joins.join('')} WHERE p0.resource_type = ? AND ${tests.join(' AND ')}`,
    );
    bindings.push(
      ...probes.map(() => table),
      ready.resourceType,
      ...probes.flatMap((probe) => [probe.path, probe.valueKey]),
    );
  }
  return strapi.db.connection.raw(selects.join(' UNION '), bindings as Knex.RawBinding[]);
}
