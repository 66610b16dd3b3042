/**
 * Which operators an attribute type accepts and what the literal means for that type. The evaluator
 * and the database compiler share these rules, so both refuse and accept the same filters.
 */
import type { QuirkLog } from '../quirks';
import type { AttributeType } from '../schema/types';
import type { ComparisonOperator, LiteralValue } from './ast';
import { invalidFilter } from './syntax-error';

/** A literal made comparable: strings stay strings, dateTimes become epoch milliseconds. */
export type Operand = string | number | boolean;

const ORDERING: ReadonlySet<ComparisonOperator> = new Set(['gt', 'ge', 'lt', 'le']);
const SUBSTRING: ReadonlySet<ComparisonOperator> = new Set(['co', 'sw', 'ew']);
const TEXT_TYPES: ReadonlySet<AttributeType> = new Set(['string', 'reference']);

export const isOrderingOperator = (op: ComparisonOperator): boolean => ORDERING.has(op);
export const isSubstringOperator = (op: ComparisonOperator): boolean => SUBSTRING.has(op);
export const isTextType = (type: AttributeType): boolean => TEXT_TYPES.has(type);

/**
 * RFC 7644 §3.4.2.2: gt/ge/lt/le on boolean and binary attributes fail with invalidFilter. co/sw/ew
 * only have a meaning on text, and a database cannot run LIKE on a number or timestamp column, so they
 * are refused on other types too.
 */
export function checkOperatorForType(op: ComparisonOperator, type: AttributeType, pathText: string): void {
  if (type === 'complex') throw invalidFilter(`"${pathText}" is complex: compare one of its sub-attributes`);
  if (isOrderingOperator(op) && (type === 'boolean' || type === 'binary')) {
    throw invalidFilter(`"${op}" cannot compare the ${type} attribute "${pathText}"`);
  }
  if (isSubstringOperator(op) && !isTextType(type)) {
    throw invalidFilter(`"${op}" cannot compare the ${type} attribute "${pathText}"`);
  }
}

/**
 * Turns the literal of `path op literal` into an Operand for the attribute's type, or refuses it.
 * Booleans also accept the strings "true"/"false" in any case (Entra ID writes "True" elsewhere), which
 * fires `filter-string-boolean` into `log`. `null` is handled by the callers (`eq null` means "has no value").
 */
export function literalOperand(
  op: ComparisonOperator,
  literal: Exclude<LiteralValue, null>,
  type: AttributeType,
  pathText: string,
  log?: QuirkLog,
): Operand {
  checkOperatorForType(op, type, pathText);
  const refuse = (): never => {
    throw invalidFilter(`"${pathText}" is of type ${type}; ${JSON.stringify(literal)} is not a valid ${type} value`);
  };
  switch (type) {
    case 'boolean': {
      const value = asBoolean(literal);
      if (value === undefined) return refuse();
      if (typeof literal === 'string') log?.fire('filter-string-boolean');
      return value;
    }
    case 'integer':
    case 'decimal':
      return typeof literal === 'number' ? literal : refuse();
    case 'dateTime': {
      const time = typeof literal === 'string' ? parseDateTime(literal) : undefined;
      return time === undefined ? refuse() : time;
    }
    default:
      return typeof literal === 'string' ? literal : refuse();
  }
}

/** A stored attribute value as an Operand of its declared type; `undefined` when it does not fit. */
export function attributeOperand(value: unknown, type: AttributeType): Operand | undefined {
  switch (type) {
    case 'boolean':
      return asBoolean(value);
    case 'integer':
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    case 'dateTime':
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
      return typeof value === 'string' ? parseDateTime(value) : undefined;
    default:
      return typeof value === 'string' ? value : undefined;
  }
}

const asBoolean = (value: unknown): boolean | undefined => {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const lower = value.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
};

// xsd:dateTime (RFC 7643 §2.3.5); a value without a zone is read as UTC, not as server-local time.
const XSD_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/** Epoch milliseconds of an xsd:dateTime, or `undefined` when the text is not one. */
export function parseDateTime(text: string): number | undefined {
  const match = XSD_DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction = '', zone = 'Z'] = match;
  // Date.parse reads exactly three fraction digits reliably; finer precision is dropped.
  const millis = (fraction || '.000').slice(0, 4).padEnd(4, '0');
  const time = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}${millis}${zone}`);
  return Number.isNaN(time) ? undefined : time;
}

export const compareOperands = (op: ComparisonOperator, actual: Operand, expected: Operand): boolean => {
  switch (op) {
    case 'eq':
      return actual === expected;
    case 'ne':
      return actual !== expected;
    case 'co':
      return String(actual).includes(String(expected));
    case 'sw':
      return String(actual).startsWith(String(expected));
    case 'ew':
      return String(actual).endsWith(String(expected));
    case 'gt':
      return actual > expected;
    case 'ge':
      return actual >= expected;
    case 'lt':
      return actual < expected;
    case 'le':
      return actual <= expected;
  }
};
