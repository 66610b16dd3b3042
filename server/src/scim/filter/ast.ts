/**
 * Typed syntax tree of an RFC 7644 §3.4.2.2 filter.
 *
 * Optional properties are left out rather than set to `undefined`, so two trees for the same text
 * are deep-equal under any equality check.
 */
import type { AttributeDefinition } from '../schema/types';

export type ComparisonOperator = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';
export type LogicalOperator = 'and' | 'or';

export const COMPARISON_OPERATORS: readonly ComparisonOperator[] = [
  'eq',
  'ne',
  'co',
  'sw',
  'ew',
  'gt',
  'ge',
  'lt',
  'le',
];

/** A JSON literal of the filter; dateTime values stay strings and are interpreted by the attribute's type. */
export type LiteralValue = string | number | boolean | null;

/**
 * `urn:...:User:name.givenName` is `{ urn: 'urn:...:User', attribute: 'name', subAttribute: 'givenName' }`.
 * Names keep the case they were written in; SCIM attribute names compare case-insensitively.
 */
export interface AttributePath {
  urn?: string;
  attribute: string;
  subAttribute?: string;
}

export interface ComparisonFilter {
  op: ComparisonOperator;
  path: AttributePath;
  value: LiteralValue;
}

export interface PresenceFilter {
  op: 'pr';
  path: AttributePath;
}

export interface LogicalFilter {
  op: LogicalOperator;
  left: Filter;
  right: Filter;
}

export interface NotFilter {
  op: 'not';
  filter: Filter;
}

/**
 * `emails[type eq "work" and value co "@example.com"]`: the inner filter applies to one element at a time.
 * Paths inside `filter` are sub-attribute names of `path` (`{ attribute: 'type' }`), never URN-qualified.
 */
export interface ValuePathFilter {
  op: 'valuePath';
  path: AttributePath;
  filter: Filter;
}

export type AttributeFilter = ComparisonFilter | PresenceFilter;
export type Filter = ComparisonFilter | PresenceFilter | LogicalFilter | NotFilter | ValuePathFilter;

/**
 * Gives the characteristics of the attribute a path names, or `undefined` when the schema has no such
 * attribute. For a path with a sub-attribute it returns the sub-attribute's definition. Lookups are
 * expected to ignore case, as SCIM attribute names do.
 */
export type AttributeResolver = (path: AttributePath) => AttributeDefinition | undefined;

export const isComparison = (filter: Filter): filter is ComparisonFilter =>
  (COMPARISON_OPERATORS as readonly string[]).includes(filter.op);

export const isAttributeFilter = (filter: Filter): filter is AttributeFilter =>
  filter.op === 'pr' || isComparison(filter);

/** The path of a sub-attribute filter inside `parent[...]`, seen from the resource. */
export const qualifySubAttributePath = (parent: AttributePath, inner: AttributePath): AttributePath =>
  makeAttributePath(parent.attribute, inner.attribute, parent.urn);

export const makeAttributePath = (attribute: string, subAttribute?: string, urn?: string): AttributePath => ({
  ...(urn === undefined ? {} : { urn }),
  attribute,
  ...(subAttribute === undefined ? {} : { subAttribute }),
});
