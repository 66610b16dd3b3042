import { ScimError } from '../errors';
import type { AttributeDefinition } from '../schema';
import {
  equalityTerms,
  isEmptyElement,
  isMembers,
  isPlainObject,
  matchingIndexes,
  sameElement,
  settlePrimary,
  type JsonObject,
} from './elements';
import { assertImmutableKept, assertSubAttributesKept, isManagerValue } from './mutability';
import { readAttribute, readList, writeAttribute, writeList } from './resource-access';
import type { AttributeTarget } from './resolve-target';
import type { PatchContext } from './types';
import { normalizeElement, normalizeList, normalizeTargetValue } from './values';

export type SettingOp = 'add' | 'replace';

type ApplySetting = (
  context: PatchContext,
  resource: JsonObject,
  target: AttributeTarget,
  op: SettingOp,
  value: unknown,
) => void;

/** add on a multi-valued attribute appends what is not there yet (RFC 7644 §3.5.2.1); a known member is a no-op. */
const appendElements = (context: PatchContext, resource: JsonObject, target: AttributeTarget, value: unknown): void => {
  const elements = normalizeList(context, target, value);
  if (elements === undefined) return;
  const list = readList(resource, target);
  const touched = new Set<unknown>();
  for (const element of elements) {
    if (list.some((existing) => sameElement(target, existing, element))) continue;
    list.push(element);
    touched.add(element);
  }
  if (touched.size === 0) return;
  settlePrimary(list, touched);
  writeList(resource, target, list);
};

/** replace without a filter replaces the whole list (RFC 7644 §3.5.2.3); an empty list is kept, as on PUT. */
const replaceList = (context: PatchContext, resource: JsonObject, target: AttributeTarget, value: unknown): void => {
  const elements = normalizeList(context, target, value);
  if (elements === undefined) {
    writeAttribute(resource, target, undefined);
    return;
  }
  const unique = isMembers(target)
    ? elements.filter((element, index) => elements.findIndex((other) => sameElement(target, other, element)) === index)
    : elements;
  writeAttribute(resource, target, unique);
};

/**
 * A complex single value: the given sub-attributes replace or add, the others stay (RFC 7644 §3.5.2.1
 * and §3.5.2.3). A different `value` (another manager) names another referent, so it replaces the whole object.
 */
const setSingleValue = (context: PatchContext, resource: JsonObject, target: AttributeTarget, value: unknown): void => {
  const next = normalizeTargetValue(context, target, value);
  const current = readAttribute(resource, target);
  let written = next;
  if (isPlainObject(current) && isPlainObject(next)) {
    const otherReferent = next.value !== undefined && current.value !== undefined && next.value !== current.value;
    written = otherReferent ? next : { ...current, ...next };
  }
  assertImmutableKept(target.attribute, target.attributeLabel, current, written);
  writeAttribute(resource, target, written);
};

/** `attr.sub` of a single-valued complex attribute such as name.givenName or manager.value. */
const setSubAttribute = (
  context: PatchContext,
  resource: JsonObject,
  target: AttributeTarget,
  sub: AttributeDefinition,
  value: unknown,
): void => {
  const next = normalizeTargetValue(context, target, value);
  if (next === undefined && isManagerValue(target)) {
    writeAttribute(resource, target, undefined);
    return;
  }
  const current = readAttribute(resource, target);
  const object: JsonObject = isPlainObject(current) ? { ...current } : {};
  assertImmutableKept(sub, target.label, object[sub.name], next);
  if (next === undefined) delete object[sub.name];
  else object[sub.name] = next;
  writeAttribute(resource, target, Object.keys(object).length === 0 ? undefined : object);
};

/** The element a filtered add/replace creates when nothing matches (Entra's `emails[type eq "work"].value`). */
const createElement = (context: PatchContext, target: AttributeTarget, value: unknown): JsonObject | undefined => {
  let base: JsonObject = {};
  if (target.filter) {
    const terms = equalityTerms(target.filter, target.attribute);
    if (!terms) throw ScimError.badRequest('noTarget', `No value of '${target.attributeLabel}' matches the filter`);
    context.log.fire('patch-filtered-add-creates-element');
    base = terms;
  }
  if (target.sub) {
    const next = normalizeTargetValue(context, target, value);
    if (next === undefined) return undefined;
    return normalizeElement(context, target, { ...base, [target.sub.name]: next });
  }
  return normalizeElement(context, target, { ...base, ...normalizeElement(context, target, value) });
};

/** `attr[filter]`, `attr[filter].sub` and `attr.sub` of a multi-valued attribute (every element when there is no filter). */
const setElements: ApplySetting = (context, resource, target, op, value) => {
  const list = readList(resource, target);
  const indexes = matchingIndexes(context, target, list);
  const touched = new Set<unknown>();
  if (indexes.length === 0) {
    const created = createElement(context, target, value);
    if (created === undefined) return;
    list.push(created);
    touched.add(created);
  } else {
    const sub = target.sub;
    const next = sub ? normalizeTargetValue(context, target, value) : normalizeElement(context, target, value);
    for (const index of indexes) {
      const before = list[index];
      if (!isPlainObject(before)) continue;
      let after: JsonObject;
      if (sub) {
        after = { ...before };
        if (next === undefined) delete after[sub.name];
        else after[sub.name] = next;
      } else {
        after = op === 'add' ? { ...before, ...(next as JsonObject) } : { ...(next as JsonObject) };
      }
      assertSubAttributesKept(target, before, after);
      list[index] = after;
      touched.add(after);
    }
  }
  settlePrimary(list, touched);
  writeList(
    resource,
    target,
    list.filter((element) => !isEmptyElement(element)),
  );
};

/** add or replace at a resolved path. */
export const applySetting: ApplySetting = (context, resource, target, op, value) => {
  if (target.attribute.multiValued) {
    if (target.filter || target.sub) setElements(context, resource, target, op, value);
    else if (op === 'add') appendElements(context, resource, target, value);
    else replaceList(context, resource, target, value);
    return;
  }
  if (target.sub) setSubAttribute(context, resource, target, target.sub, value);
  else setSingleValue(context, resource, target, value);
};
