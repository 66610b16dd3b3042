/**
 * Prints a filter in canonical form: lower-case operators and keywords, single spaces, JSON literals,
 * and parentheses only where the left-associative, and-before-or reading would otherwise build a
 * different tree. `parseFilter(printFilter(ast))` deep-equals `ast`.
 */
import type { Filter, LiteralValue } from './ast';
import { printAttributePath } from './attribute-path';
import type { PatchPath } from './path';

export const printLiteral = (value: LiteralValue): string => {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`A filter cannot hold the number ${value}`);
    return Object.is(value, -0) ? '-0' : String(value);
  }
  return String(value);
};

const parenthesized = (text: string): string => `(${text})`;

export function printFilter(filter: Filter): string {
  switch (filter.op) {
    case 'pr':
      return `${printAttributePath(filter.path)} pr`;
    case 'not':
      return `not ${parenthesized(printFilter(filter.filter))}`;
    case 'valuePath':
      return `${printAttributePath(filter.path)}[${printFilter(filter.filter)}]`;
    case 'and': {
      // A left `or` would otherwise swallow us; a right `and`/`or` would re-associate to the left.
      const left = filter.left.op === 'or' ? parenthesized(printFilter(filter.left)) : printFilter(filter.left);
      const right =
        filter.right.op === 'or' || filter.right.op === 'and'
          ? parenthesized(printFilter(filter.right))
          : printFilter(filter.right);
      return `${left} and ${right}`;
    }
    case 'or': {
      const right = filter.right.op === 'or' ? parenthesized(printFilter(filter.right)) : printFilter(filter.right);
      return `${printFilter(filter.left)} or ${right}`;
    }
    default:
      return `${printAttributePath(filter.path)} ${filter.op} ${printLiteral(filter.value)}`;
  }
}

export function printPatchPath(patchPath: PatchPath): string {
  const { attributePath, valueFilter } = patchPath;
  if (valueFilter === undefined) return printAttributePath(attributePath);
  const { subAttribute, ...attribute } = attributePath;
  const selected = `${printAttributePath(attribute)}[${printFilter(valueFilter)}]`;
  return subAttribute === undefined ? selected : `${selected}.${subAttribute}`;
}
