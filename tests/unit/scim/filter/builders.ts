/** Terse AST builders for the filter tests. */
import type { AttributePath, ComparisonOperator, Filter, LiteralValue } from '../../../../server/src/scim/filter';
import { readAttributePath } from '../../../../server/src/scim/filter';

export const path = (text: string): AttributePath => {
  const parsed = readAttributePath(text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
};
export const cmp = (text: string, op: ComparisonOperator, value: LiteralValue): Filter => ({
  op,
  path: path(text),
  value,
});
export const pr = (text: string): Filter => ({ op: 'pr', path: path(text) });
export const and = (left: Filter, right: Filter): Filter => ({ op: 'and', left, right });
export const or = (left: Filter, right: Filter): Filter => ({ op: 'or', left, right });
export const not = (filter: Filter): Filter => ({ op: 'not', filter });
export const valuePath = (text: string, filter: Filter): Filter => ({ op: 'valuePath', path: path(text), filter });
