/**
 * The shapes the database compiler works with: the column map the store supplies and the plain
 * where-object it returns for `strapi.db.query(uid).findMany({ where })`.
 */
import type { AttributeType } from '../schema/types';
import type { JsonPredicate } from './json-predicate';

/** The subset of Strapi 5 query-engine column operators the compiler emits. */
export type ColumnOperator =
  | '$eq'
  | '$ne'
  | '$lt'
  | '$lte'
  | '$gt'
  | '$gte'
  | '$contains'
  | '$startsWith'
  | '$endsWith'
  | '$null'
  | '$notNull'
  | '$in';

export type WhereScalar = string | number | boolean | null;
export type ColumnCondition = { [operator in ColumnOperator]?: WhereScalar | WhereScalar[] };

/**
 * `{ column: ColumnCondition }`, `{ relation: WhereClause }` (a join), one of the group keys
 * `$and` / `$or` (arrays) and `$not`, or `{ $scimJson: JsonPredicate }` for an attribute without a column.
 */
export interface WhereClause {
  [key: string]: WhereClause | WhereClause[] | ColumnCondition | JsonPredicate;
}

/** A filterable attribute stored in a column of the resource's own table. */
export interface ColumnMapping {
  column: string;
  /** The SCIM type, which decides the operators allowed and how the literal is converted. */
  type: AttributeType;
  /** The column holds a lower-cased copy, so text literals are lower-cased before comparing. */
  normalized?: boolean;
  /**
   * The column holds every value of a multi-valued sub-attribute (`emails.value`), each framed by
   * LIST_SEPARATOR (see `listColumnValue`), so "some element matches" is one LIKE on the row itself.
   * Only eq, co, sw, ew and pr can be answered that way.
   */
  list?: boolean;
}

/** Frames the values of a list column: "\na\nb\n". */
export const LIST_SEPARATOR = '\n';

/** The stored text of a list column, or null when there is no value; separators inside a value become spaces. */
export const listColumnValue = (values: readonly string[]): string | null => {
  const cleaned = values.map((value) => value.split(LIST_SEPARATOR).join(' ')).filter((value) => value !== '');
  return cleaned.length === 0 ? null : `${LIST_SEPARATOR}${cleaned.join(LIST_SEPARATOR)}${LIST_SEPARATOR}`;
};

/**
 * A filterable sub-attribute of a multi-valued attribute, stored in `column` of the rows reached
 * through the Strapi relation `relation` (dotted for a chain, e.g. `memberships.member`).
 */
export interface RelationColumnMapping extends ColumnMapping {
  relation: string;
}

export type FilterableAttribute = ColumnMapping | RelationColumnMapping;

/**
 * Keys are attribute paths as SCIM writes them, matched case-insensitively: `userName`,
 * `name.familyName`, `emails.value`, and URN-qualified keys for extension attributes
 * (`urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber`). A complex attribute
 * compared as a whole (`emails co "x"`) uses its `.value` entry.
 */
export type ColumnMap = Readonly<Record<string, FilterableAttribute>>;

export const isRelationMapping = (mapping: FilterableAttribute): mapping is RelationColumnMapping =>
  'relation' in mapping && typeof mapping.relation === 'string';
