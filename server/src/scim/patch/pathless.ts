import { ScimError, isScimError } from '../errors';
import { parsePatchPath } from '../filter';
import { findAttribute } from '../schema';
import { isPlainObject } from './elements';
import { findExtension, resolveTarget, type AttributeTarget } from './resolve-target';
import type { PatchContext } from './types';

/**
 * A path-less add/replace (RFC 7644 §3.5.2.1/3) carries attributes in `value`; each key is applied as if
 * it were the operation's path. So keys may be names ("nickname"), dotted paths ("name.givenName"),
 * URN-qualified paths, whole extension objects, or Entra's filtered paths ("emails[type eq \"work\"].value").
 */

export interface PathlessEntry {
  target: AttributeTarget;
  value: unknown;
}

/** Keys that would reach Object.prototype if assigned; never used as attribute names. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const unknownKey = (context: PatchContext, key: string): void => {
  if (context.strict) throw ScimError.badRequest('invalidPath', `Unknown attribute '${key}'`);
  context.log.fire('unknown-attribute-ignored');
};

/**
 * id and meta belong to the service provider. Okta's group rename sends the group's own id in the
 * value, so an id equal to the resource's (or one we cannot compare) is ignored; a different one is an
 * attempt to modify a read-only attribute.
 */
const skipServiceAttribute = (context: PatchContext, key: string, value: unknown): boolean => {
  const resolved = findAttribute(context.resourceType, key);
  if (!resolved?.common || resolved.attribute.mutability !== 'readOnly') return false;
  const isId = resolved.path === 'id';
  if (isId && context.resourceId !== undefined && value !== context.resourceId) {
    throw ScimError.badRequest('mutability', "'id' is read-only and cannot be changed");
  }
  context.log.fire('client-id-and-meta-ignored');
  return true;
};

const noteDialect = (context: PatchContext, key: string, target: AttributeTarget, qualifiedByCaller: boolean): void => {
  const { attributePath, valueFilter } = parsePatchPath(key);
  if (target.extension !== undefined && !qualifiedByCaller) context.log.fire('urn-qualified-attribute-key');
  if (attributePath.subAttribute !== undefined || valueFilter !== undefined) context.log.fire('dotted-attribute-key');
  const caseDiffers =
    attributePath.attribute !== target.attribute.name ||
    (target.sub !== undefined && attributePath.subAttribute !== target.sub.name);
  if (caseDiffers) context.log.fire('attribute-name-any-case');
};

const resolveKey = (
  context: PatchContext,
  key: string,
  urn: string | undefined,
  value: unknown,
): AttributeTarget | undefined => {
  if (UNSAFE_KEYS.has(key)) {
    unknownKey(context, key);
    return undefined;
  }
  const path = urn === undefined ? key : `${urn}:${key}`;
  if (urn === undefined && skipServiceAttribute(context, key, value)) return undefined;
  let target;
  try {
    target = resolveTarget(context, path);
  } catch (error) {
    if (!isScimError(error)) throw error;
    if (error.scimType === 'invalidPath') {
      unknownKey(context, path);
      return undefined;
    }
    if (error.scimType === 'mutability') {
      // As on POST/PUT: read-only attributes in a resource-shaped value (Okta's groups: []) are dropped.
      context.log.fire('read-only-attribute-ignored');
      return undefined;
    }
    throw error;
  }
  if (target.kind !== 'attribute') return undefined;
  // As in resource bodies, extension attributes are only found under their URN (RFC 7643 §3.3).
  if (target.extension !== undefined && urn === undefined && !key.toLowerCase().startsWith('urn:')) {
    unknownKey(context, key);
    return undefined;
  }
  noteDialect(context, path.slice(urn === undefined ? 0 : urn.length + 1), target, urn !== undefined);
  return target;
};

/** The attributes a path-less value holds, as targets in the order given. `urn` is set for an extension's object. */
export const expandPathlessValue = (context: PatchContext, value: unknown, urn?: string): PathlessEntry[] => {
  if (!isPlainObject(value)) {
    const where = urn === undefined ? 'A path-less add or replace' : `'${urn}'`;
    throw ScimError.badRequest('invalidValue', `${where} needs an object of attributes as its value`);
  }
  const entries: PathlessEntry[] = [];
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (urn === undefined && key.toLowerCase() === 'schemas') continue;
    const extension = urn === undefined ? findExtension(context, key) : undefined;
    if (extension !== undefined) {
      if (key !== extension) context.log.fire('attribute-name-any-case');
      if (item !== null) entries.push(...expandPathlessValue(context, item, extension));
      continue;
    }
    const target = resolveKey(context, key, urn, item);
    if (target) entries.push({ target, value: item });
  }
  return entries;
};
