/**
 * What the compiler emits for an attribute that has no column: a condition on the elements of one
 * attribute of the stored JSON resource. The store turns it into SQL for its database
 * (`services/store/json-filter-sql.ts`); see docs/decisions/filter-storage-whole-schema.md.
 */
import type { AttributeDefinition } from '../schema/types';
import type { AttributePath, ComparisonOperator } from './ast';

/** The key of the where-object entry that holds a JsonPredicate. */
export const JSON_PREDICATE_KEY = '$scimJson';

export type JsonTest =
  /** Has a value: not null, not the empty string. */
  | { kind: 'present' }
  | { kind: 'boolean'; value: boolean }
  /** `value` is already lower-cased when `caseExact` is false; the stored text is lower-cased in SQL. */
  | { kind: 'string'; op: ComparisonOperator; value: string; caseExact: boolean };

export type JsonCondition =
  /** A test on the element itself (`sub` absent, a simple attribute) or on one of its sub-attributes. */
  | { op: 'test'; sub?: string; test: JsonTest }
  | { op: 'and' | 'or'; left: JsonCondition; right: JsonCondition }
  | { op: 'not'; condition: JsonCondition };

/**
 * "Some element of `attribute` satisfies `condition`". Names are the schema's canonical ones;
 * `container` is the extension URN the attribute lives under, absent for the core schema.
 */
export interface JsonPredicate {
  container?: string;
  attribute: string;
  multiValued: boolean;
  complex: boolean;
  condition: JsonCondition;
}

/**
 * Where an attribute without a column lives in the stored resource: its extension URN (absent for the
 * core schema), its definition, and the definition of the sub-attribute the path names, if any.
 * Undefined when the path names no attribute of the schema, or names it in a way the stored resource
 * cannot be searched for (an extension attribute without its URN).
 */
export type JsonAttributeResolver = (
  path: AttributePath,
) => { container?: string; attribute: AttributeDefinition; sub?: AttributeDefinition } | undefined;
