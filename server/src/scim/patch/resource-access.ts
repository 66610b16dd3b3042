import type { AttributeTarget } from './resolve-target';
import { isList, isPlainObject, type JsonObject } from './elements';

/** Reads and writes one top-level attribute of the working copy, in the core object or its extension object. */

export const readAttribute = (resource: JsonObject, target: AttributeTarget): unknown => {
  const container = target.extension === undefined ? resource : resource[target.extension];
  if (!isPlainObject(container)) return undefined;
  return Object.prototype.hasOwnProperty.call(container, target.attribute.name)
    ? container[target.attribute.name]
    : undefined;
};

/** Writes the attribute; `undefined` unassigns it, and an extension object left empty is dropped. */
export const writeAttribute = (resource: JsonObject, target: AttributeTarget, value: unknown): void => {
  const name = target.attribute.name;
  if (target.extension === undefined) {
    if (value === undefined) delete resource[name];
    else resource[name] = value;
    return;
  }
  const urn = target.extension;
  const existing = resource[urn];
  const container: JsonObject = isPlainObject(existing) ? existing : {};
  if (value === undefined) delete container[name];
  else container[name] = value;
  if (Object.keys(container).length === 0) delete resource[urn];
  else resource[urn] = container;
};

/** The current list of a multi-valued attribute (a fresh array; elements are the working copy's own). */
export const readList = (resource: JsonObject, target: AttributeTarget): unknown[] => {
  const value = readAttribute(resource, target);
  return isList(value) ? [...value] : [];
};

/** Writes a list back; an emptied list becomes unassigned (RFC 7644 §3.5.2.2). */
export const writeList = (resource: JsonObject, target: AttributeTarget, list: unknown[]): void =>
  writeAttribute(resource, target, list.length === 0 ? undefined : list);
