import { ScimError, isScimError } from '../errors';
import type { AttributeResolver, Filter } from '../filter';
import { matchesElement, printAttributePath } from '../filter';
import { findAttribute, findByName, type AttributeDefinition } from '../schema';
import type { AttributeTarget } from './resolve-target';
import type { PatchContext } from './types';

/** Helpers for the elements of multi-valued complex attributes (emails, members, ...). */

export type JsonObject = Record<string, unknown>;

export const isPlainObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `Array.isArray` typed as a JSON value's array: its elements are unknown, not `any`. */
export const isList = (value: unknown): value is unknown[] => Array.isArray(value);

/** Structural equality of JSON values; object key order does not matter, array order does. */
export const deepEqual = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => deepEqual(item, b[index]))
    );
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && deepEqual(a[key], b[key]))
  );
};

/** A copy of a JSON value; the input resource is never written to. */
export const cloneJson = <T>(value: T): T => {
  if (isList(value)) return value.map((item) => cloneJson(item)) as T;
  if (!isPlainObject(value)) return value;
  const copy: JsonObject = {};
  for (const key of Object.keys(value)) copy[key] = cloneJson(value[key]);
  return copy as T;
};

export const isMembers = (target: AttributeTarget): boolean =>
  target.extension === undefined && target.attribute.name === 'members';

/** Group members are one membership per id; other elements are the same when they are equal. */
export const sameElement = (target: AttributeTarget, a: unknown, b: unknown): boolean =>
  isMembers(target) && isPlainObject(a) && isPlainObject(b) ? a.value === b.value : deepEqual(a, b);

export const resolverFor =
  (context: PatchContext): AttributeResolver =>
  (path) =>
    findAttribute(context.resourceType, printAttributePath(path))?.attribute;

/** Indexes of the elements the target's `[filter]` selects; a filter the evaluator refuses is an invalid path. */
export const matchingIndexes = (context: PatchContext, target: AttributeTarget, list: readonly unknown[]): number[] => {
  const filter = target.filter;
  if (!filter) return list.map((_, index) => index);
  const resolve = resolverFor(context);
  try {
    return list.flatMap((element, index) =>
      matchesElement(filter, element, target.attributePath, resolve, context.log) ? [index] : [],
    );
  } catch (error) {
    if (isScimError(error) && error.scimType === 'invalidFilter')
      throw ScimError.badRequest('invalidPath', error.detail);
    throw error;
  }
};

/**
 * The sub-attribute values a filter made only of `eq` comparisons joined by `and` pins down, e.g.
 * `{ type: 'work' }` for `[type eq "work"]`; undefined when the filter does not describe one element.
 */
export const equalityTerms = (filter: Filter, attribute: AttributeDefinition): JsonObject | undefined => {
  if (filter.op === 'and') {
    const left = equalityTerms(filter.left, attribute);
    const right = equalityTerms(filter.right, attribute);
    if (!left || !right) return undefined;
    const clash = Object.keys(right).some((key) => key in left && !deepEqual(left[key], right[key]));
    return clash ? undefined : { ...left, ...right };
  }
  if (filter.op !== 'eq' || filter.value === null) return undefined;
  const sub = findByName(attribute.subAttributes, filter.path.attribute);
  return sub ? { [sub.name]: filter.value } : undefined;
};

/**
 * RFC 7644 §3.5.2: setting `primary` to true on one value SHALL set it to false on the others.
 * `touched` are the elements the operation wrote.
 */
export const settlePrimary = (list: unknown[], touched: ReadonlySet<unknown>): void => {
  const newPrimary = list.some((element) => touched.has(element) && isPlainObject(element) && element.primary === true);
  if (!newPrimary) return;
  for (const element of list) {
    if (!touched.has(element) && isPlainObject(element) && element.primary === true) element.primary = false;
  }
};

/** An element with nothing left in it is gone (RFC 7644 §3.5.2.2: its sub-attributes are unassigned). */
export const isEmptyElement = (element: unknown): boolean =>
  isPlainObject(element) && Object.keys(element).length === 0;
