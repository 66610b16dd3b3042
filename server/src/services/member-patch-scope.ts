import { isScimError } from '../scim/errors';
import { parsePatchPath, type Filter, type PatchPath } from '../scim/filter';
import type { PatchOperation } from '../scim/patch';
import { GROUP_SCHEMA_URN } from '../scim/schema';

/**
 * Which current members a Group PATCH must see for applyPatch to give the same result as on the whole
 * member list. Identity providers add and remove a few members of groups of thousands; those operations
 * only depend on whether the members they name are in the group, so only those are loaded:
 * - `add` to `members` (with a path, or path-less `{"members": [...]}`): the ids added;
 * - `remove` of `members` with a value array (Entra): the ids listed;
 * - `remove` of `members[value eq "x"]` (or `x or y`, Entra/Okta): the ids in the filter.
 * Anything else that touches members (`replace`, a bare `remove`, other filters, sub-attribute paths)
 * needs every member: `all`. Operations on other attributes need none.
 */
export type MemberScope = { kind: 'none' } | { kind: 'some'; ids: string[] } | { kind: 'all' };

type Need = string[] | 'all';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const targetsMembers = ({ attributePath }: PatchPath): boolean =>
  attributePath.attribute.toLowerCase() === 'members' &&
  (attributePath.urn === undefined || attributePath.urn.toLowerCase() === GROUP_SCHEMA_URN.toLowerCase());

/** Member ids in an add or remove value: a list, one object, or a bare id (Microsoft's tests). */
const idsInValue = (value: unknown): Need => {
  const elements = Array.isArray(value) ? value : [value];
  const ids: string[] = [];
  for (const element of elements) {
    if (typeof element === 'string') ids.push(element);
    else if (isPlainObject(element) && typeof element.value === 'string') ids.push(element.value);
    else return 'all';
  }
  return ids;
};

/** `value eq "x"`, possibly joined by `or`: the ids it can select; anything else selects by other means. */
const idsInFilter = (filter: Filter): Need => {
  if (filter.op === 'or') {
    const left = idsInFilter(filter.left);
    const right = idsInFilter(filter.right);
    return left === 'all' || right === 'all' ? 'all' : [...left, ...right];
  }
  const isValueEquality =
    filter.op === 'eq' &&
    filter.path.urn === undefined &&
    filter.path.subAttribute === undefined &&
    filter.path.attribute.toLowerCase() === 'value' &&
    typeof filter.value === 'string';
  return isValueEquality ? [filter.value as string] : 'all';
};

const needOfPath = (op: PatchOperation['op'], path: PatchPath, value: unknown, hasValue: boolean): Need => {
  if (!targetsMembers(path)) return [];
  if (path.attributePath.subAttribute !== undefined) return 'all';
  if (op === 'add') return path.valueFilter ? 'all' : idsInValue(value);
  if (op === 'remove') {
    if (path.valueFilter) return idsInFilter(path.valueFilter);
    return hasValue ? idsInValue(value) : 'all';
  }
  return 'all';
};

const needOf = (operation: PatchOperation): Need => {
  const hasValue = operation.value !== undefined;
  if (operation.path !== undefined)
    return needOfPath(operation.op, parsePatchPath(operation.path), operation.value, hasValue);
  // A path-less add or replace: each key of the value is a path (a malformed value is applyPatch's 400).
  if (!isPlainObject(operation.value)) return [];
  const needs = Object.keys(operation.value).map((key) =>
    needOfPath(operation.op, parsePatchPath(key), (operation.value as Record<string, unknown>)[key], true),
  );
  return needs.includes('all') ? 'all' : needs.flat();
};

export const memberScopeOf = (operations: readonly PatchOperation[]): MemberScope => {
  const ids = new Set<string>();
  for (const operation of operations) {
    let need: Need;
    try {
      need = needOf(operation);
    } catch (error) {
      // An unparsable path or key: load everything and let applyPatch give (or not give) the error.
      if (!isScimError(error)) throw error;
      need = 'all';
    }
    if (need === 'all') return { kind: 'all' };
    for (const id of need) ids.add(id);
  }
  return ids.size === 0 ? { kind: 'none' } : { kind: 'some', ids: [...ids] };
};
