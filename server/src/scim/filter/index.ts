/** SCIM filters and PATCH paths: parse, print, evaluate in memory, compile to a Strapi where-object. */
export type {
  AttributeFilter,
  AttributePath,
  AttributeResolver,
  ComparisonFilter,
  ComparisonOperator,
  Filter,
  LiteralValue,
  LogicalFilter,
  LogicalOperator,
  NotFilter,
  PresenceFilter,
  ValuePathFilter,
} from './ast';
export {
  COMPARISON_OPERATORS,
  isAttributeFilter,
  isComparison,
  makeAttributePath,
  qualifySubAttributePath,
} from './ast';
export { attributePathKey, printAttributePath, readAttributePath } from './attribute-path';
export { compileFilter, type CompileOptions } from './compile';
export {
  JSON_PREDICATE_KEY,
  type JsonAttributeResolver,
  type JsonCondition,
  type JsonPredicate,
  type JsonTest,
} from './json-predicate';
export { matches, matchesElement } from './evaluate';
export { parseDateTime } from './operand';
export { DEFAULT_FILTER_LIMITS, parseFilter, type FilterLimits } from './parser';
export { parsePatchPath, type PatchPath } from './path';
export { printFilter, printLiteral, printPatchPath } from './printer';
export { decodeFilterQueryValue, readFilterParameter } from './query-string';
export { FilterSyntaxError } from './syntax-error';
export { LIST_SEPARATOR, listColumnValue } from './where-clause';
export type {
  ColumnCondition,
  ColumnMap,
  ColumnMapping,
  ColumnOperator,
  FilterableAttribute,
  RelationColumnMapping,
  WhereClause,
  WhereScalar,
} from './where-clause';
