import {
  deepEqual,
  isEmptyElement,
  isMembers,
  isPlainObject,
  matchingIndexes,
  sameElement,
  type JsonObject,
} from './elements';
import type { AttributeDefinition } from '../schema';
import { assertImmutableKept, isManagerValue } from './mutability';
import { readAttribute, readList, writeAttribute, writeList } from './resource-access';
import type { AttributeTarget } from './resolve-target';
import type { PatchContext } from './types';
import { normalizeList } from './values';

/**
 * remove (RFC 7644 §3.5.2.2). A filter that matches nothing, or an attribute that has no value, is a
 * no-op: the state the client asked for already holds (see docs/decisions/scim-patch.md).
 */

/** `attr[filter]`, `attr[filter].sub`, and `attr.sub` of a multi-valued attribute (every element). */
const removeFromElements = (context: PatchContext, resource: JsonObject, target: AttributeTarget): void => {
  const list = readList(resource, target);
  const indexes = new Set(matchingIndexes(context, target, list));
  if (indexes.size === 0) return;
  const sub = target.sub;
  if (!sub && target.filter && isMembers(target)) context.log.fire('patch-remove-members-filter-path');
  const kept = list.flatMap((element, index) => {
    if (!indexes.has(index)) return [element];
    if (!sub || !isPlainObject(element)) return [];
    assertImmutableKept(sub, target.label, element[sub.name], undefined);
    const { [sub.name]: _removed, ...rest } = element;
    return isEmptyElement(rest) ? [] : [rest];
  });
  writeList(resource, target, kept);
};

/** An element matches a listed one when every sub-attribute the client gave is equal; members match by id. */
const matchesListed = (target: AttributeTarget, element: unknown, listed: unknown): boolean => {
  if (isMembers(target)) return sameElement(target, element, listed);
  if (!isPlainObject(element) || !isPlainObject(listed)) return deepEqual(element, listed);
  return Object.keys(listed).every((key) => deepEqual(element[key], listed[key]));
};

/** Entra's `{"op":"Remove","path":"members","value":[{"value":id}]}` removes the listed values only. */
const removeListedElements = (
  context: PatchContext,
  resource: JsonObject,
  target: AttributeTarget,
  value: unknown,
): void => {
  context.log.fire('patch-remove-members-by-value-array');
  const listed = normalizeList(context, target, value) ?? [];
  const list = readList(resource, target);
  const kept = list.filter((element) => !listed.some((item) => matchesListed(target, element, item)));
  if (kept.length !== list.length) writeList(resource, target, kept);
};

/** `attr.sub` of a single-valued complex attribute; clearing manager.value clears the manager. */
const removeSubAttribute = (resource: JsonObject, target: AttributeTarget, sub: AttributeDefinition): void => {
  const current = readAttribute(resource, target);
  if (!isPlainObject(current) || current[sub.name] === undefined) return;
  assertImmutableKept(sub, target.label, current[sub.name], undefined);
  if (isManagerValue(target)) {
    writeAttribute(resource, target, undefined);
    return;
  }
  const { [sub.name]: _removed, ...rest } = current;
  writeAttribute(resource, target, Object.keys(rest).length === 0 ? undefined : rest);
};

export const applyRemove = (
  context: PatchContext,
  resource: JsonObject,
  target: AttributeTarget,
  value: unknown,
): void => {
  const { attribute } = target;
  if (attribute.multiValued && (target.filter || target.sub)) {
    removeFromElements(context, resource, target);
  } else if (target.sub) {
    removeSubAttribute(resource, target, target.sub);
  } else if (attribute.multiValued && attribute.type === 'complex' && value !== undefined && value !== null) {
    removeListedElements(context, resource, target, value);
  } else {
    assertImmutableKept(attribute, target.attributeLabel, readAttribute(resource, target), undefined);
    writeAttribute(resource, target, undefined);
  }
};
