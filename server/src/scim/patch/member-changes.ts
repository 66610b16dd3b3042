import { schemasOf, type ResourceTypeId } from '../schema';
import { deepEqual, isPlainObject, type JsonObject } from './elements';
import type { PatchChanges } from './types';

/**
 * What a PATCH changed, found by comparing the resource before and after rather than by replaying the
 * operations: a replace that writes the value already there changes nothing, and a members replace
 * becomes exactly the removals and additions the store must make.
 */

const NOT_ATTRIBUTES = new Set(['schemas', 'id', 'meta']);

/** Member ids (`members.value`) in list order, each once. */
export const memberIds = (resource: JsonObject): string[] => {
  const members = resource.members;
  if (!Array.isArray(members)) return [];
  const ids = members.flatMap((member) =>
    isPlainObject(member) && typeof member.value === 'string' ? [member.value] : [],
  );
  return [...new Set(ids)];
};

const changedKeys = (before: JsonObject, after: JsonObject, skip: (key: string) => boolean): string[] => {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.filter((key) => !skip(key) && !deepEqual(before[key], after[key]));
};

const asObject = (value: unknown): JsonObject => (isPlainObject(value) ? value : {});

export const diffResources = (resourceType: ResourceTypeId, before: JsonObject, after: JsonObject): PatchChanges => {
  const extensions = new Set(schemasOf(resourceType).extensions.map((schema) => schema.id));
  const attributes = changedKeys(before, after, (key) => NOT_ATTRIBUTES.has(key) || extensions.has(key));
  for (const urn of extensions) {
    for (const key of changedKeys(asObject(before[urn]), asObject(after[urn]), () => false))
      attributes.push(`${urn}:${key}`);
  }
  const oldIds = memberIds(before);
  const newIds = memberIds(after);
  const oldSet = new Set(oldIds);
  const newSet = new Set(newIds);
  return {
    attributes,
    membersAdded: newIds.filter((id) => !oldSet.has(id)),
    membersRemoved: oldIds.filter((id) => !newSet.has(id)),
  };
};
