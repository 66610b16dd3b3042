import { ScimError } from '../errors';
import type { QuirkLog } from '../quirks';
import {
  ENTERPRISE_USER_SCHEMA_URN,
  findAttribute,
  findByName,
  schemasOf,
  type AttributeDefinition,
  type ResolvedAttribute,
  type ResourceTypeId,
} from '../schema';

/**
 * Rewrites a client body into canonical form: canonical attribute names, extension attributes under
 * their URN, and the tolerated dialects of quirks.ts undone. It does not judge types; whatever it
 * does not recognise passes through unchanged for the zod schema to report.
 */

export interface NormalizeContext {
  log: QuirkLog;
  strict: boolean;
}

export type JsonObject = Record<string, unknown>;

/** Keys that would reach Object.prototype if assigned; never copied from client input. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const LEGACY_GROUP_SCHEMAS = [
  'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/Group',
  'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group',
].map((urn) => urn.toLowerCase());

export const isPlainObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const ownEntries = (value: JsonObject): [string, unknown][] => Object.keys(value).map((key) => [key, value[key]]);

const rejectUnknown = (path: string, context: NormalizeContext): void => {
  if (context.strict) throw ScimError.badRequest('invalidSyntax', `Unknown attribute '${path}'`);
  context.log.fire('unknown-attribute-ignored');
};

const isBlankString = (value: unknown) => typeof value === 'string' && value.trim() === '';

const isManager = (schema: string, definition: AttributeDefinition) =>
  schema === ENTERPRISE_USER_SCHEMA_URN && definition.name === 'manager';

const normalizeComplex = (
  definition: AttributeDefinition,
  value: JsonObject,
  path: string,
  context: NormalizeContext,
): JsonObject => {
  const result: JsonObject = {};
  for (const [key, subValue] of ownEntries(value)) {
    const sub = UNSAFE_KEYS.has(key) ? undefined : findByName(definition.subAttributes, key);
    if (!sub) {
      rejectUnknown(`${path}.${key}`, context);
      continue;
    }
    if (sub.name !== key) context.log.fire('attribute-name-any-case');
    if (sub.mutability === 'readOnly') {
      context.log.fire('read-only-attribute-ignored');
      continue;
    }
    const normalized = normalizeValue(sub, subValue, `${path}.${sub.name}`, context);
    if (normalized !== undefined) result[sub.name] = normalized;
  }
  return result;
};

const normalizeSingle = (
  definition: AttributeDefinition,
  value: unknown,
  path: string,
  context: NormalizeContext,
): unknown => {
  if (definition.type === 'boolean' && typeof value === 'string' && /^(true|false)$/i.test(value)) {
    context.log.fire('boolean-as-string');
    return value.toLowerCase() === 'true';
  }
  if (definition.type === 'complex' && isPlainObject(value)) {
    const complex = normalizeComplex(definition, value, path, context);
    // An object left empty is unassigned when it stands alone; inside a list the element is kept for zod to judge.
    return definition.multiValued || Object.keys(complex).length > 0 ? complex : undefined;
  }
  return value;
};

/**
 * Normalises one attribute value. `undefined` means unassigned: null, an empty single value wrapper,
 * or a cleared manager (RFC 7643 §2.5 treats null and [] as unassigned).
 */
export const normalizeValue = (
  definition: AttributeDefinition,
  value: unknown,
  path: string,
  context: NormalizeContext,
  schema = '',
): unknown => {
  if (value === null) return undefined;
  if (definition.multiValued) {
    return Array.isArray(value)
      ? value
          .filter((element) => element !== null)
          .map((element) => normalizeSingle(definition, element, path, context))
      : value;
  }
  let single: unknown = value;
  if (Array.isArray(single) && single.length <= 1) {
    if (single.length === 0) return undefined;
    context.log.fire('single-element-array-for-scalar');
    single = single[0];
    if (single === null) return undefined;
  }
  if (isManager(schema, definition)) {
    if (typeof single === 'string') {
      if (single.trim() === '') {
        context.log.fire('manager-empty-string-clears');
        return undefined;
      }
      context.log.fire('manager-as-bare-id');
      return { value: single };
    }
    if (isPlainObject(single)) {
      const manager = normalizeComplex(definition, single, path, context);
      if (!isBlankString(manager.value)) return Object.keys(manager).length > 0 ? manager : undefined;
      context.log.fire('manager-empty-string-clears');
      return undefined;
    }
  }
  return normalizeSingle(definition, single, path, context);
};

/** Assigns into the canonical resource, merging the halves of a complex attribute given as `name` and `name.givenName`. */
const assign = (target: JsonObject, key: string, value: unknown, path: string): void => {
  if (!Object.prototype.hasOwnProperty.call(target, key)) {
    target[key] = value;
    return;
  }
  const existing = target[key];
  if (isPlainObject(existing) && isPlainObject(value)) {
    for (const [subKey, subValue] of ownEntries(value)) assign(existing, subKey, subValue, `${path}.${subKey}`);
    return;
  }
  throw ScimError.badRequest('invalidSyntax', `Attribute '${path}' is given more than once`);
};

const qualify = (schemaUrn: string, isExtension: boolean, path: string) =>
  isExtension ? `${schemaUrn}:${path}` : path;

const placeAttribute = (
  resource: JsonObject,
  resolved: ResolvedAttribute,
  isExtension: boolean,
  value: unknown,
  context: NormalizeContext,
): void => {
  if (resolved.attribute.mutability === 'readOnly' || resolved.parent?.mutability === 'readOnly') {
    context.log.fire(resolved.common ? 'client-id-and-meta-ignored' : 'read-only-attribute-ignored');
    return;
  }
  const label = resolved.qualifiedPath;
  const normalized = normalizeValue(resolved.attribute, value, label, context, resolved.schema);
  if (normalized === undefined) return;
  let container = resource;
  if (isExtension) {
    if (!isPlainObject(resource[resolved.schema])) resource[resolved.schema] = {};
    container = resource[resolved.schema] as JsonObject;
  }
  if (resolved.parent) {
    assign(
      container,
      resolved.parent.name,
      { [resolved.attribute.name]: normalized },
      qualify(resolved.schema, isExtension, resolved.parent.name),
    );
  } else {
    assign(container, resolved.attribute.name, normalized, label);
  }
};

const readSchemas = (resourceType: ResourceTypeId, value: unknown, context: NormalizeContext): void => {
  if (!Array.isArray(value) || value.some((urn) => typeof urn !== 'string')) {
    throw ScimError.badRequest('invalidSyntax', "Attribute 'schemas' must be an array of schema URNs");
  }
  if (resourceType === 'Group' && value.some((urn) => LEGACY_GROUP_SCHEMAS.includes((urn as string).toLowerCase()))) {
    context.log.fire('entra-legacy-group-schema');
  }
};

/** Canonical keys of a resource body; `schemas` is recomputed by the caller from what is present. */
export const normalizeResource = (
  resourceType: ResourceTypeId,
  body: unknown,
  context: NormalizeContext,
): JsonObject => {
  if (!isPlainObject(body)) throw ScimError.badRequest('invalidSyntax', 'The request body must be a JSON object');
  const { core, extensions } = schemasOf(resourceType);
  const resource: JsonObject = {};
  for (const [key, value] of ownEntries(body)) {
    if (UNSAFE_KEYS.has(key)) {
      rejectUnknown(key, context);
      continue;
    }
    const lowerKey = key.toLowerCase();
    if (lowerKey === 'schemas') {
      if (value !== null && value !== undefined) readSchemas(resourceType, value, context);
      continue;
    }
    const extension = extensions.find((candidate) => candidate.id.toLowerCase() === lowerKey);
    if (extension) {
      if (key !== extension.id) context.log.fire('attribute-name-any-case');
      if (value === null) continue;
      if (!isPlainObject(value))
        throw ScimError.badRequest('invalidValue', `Attribute '${extension.id}' must be an object`);
      for (const [innerKey, innerValue] of ownEntries(value)) {
        const resolved = UNSAFE_KEYS.has(innerKey)
          ? undefined
          : findAttribute(resourceType, `${extension.id}:${innerKey}`);
        if (!resolved) {
          rejectUnknown(`${extension.id}:${innerKey}`, context);
          continue;
        }
        if (innerKey.includes('.')) context.log.fire('dotted-attribute-key');
        if (innerKey !== resolved.path) context.log.fire('attribute-name-any-case');
        placeAttribute(resource, resolved, true, innerValue, context);
      }
      continue;
    }
    const resolved = findAttribute(resourceType, key);
    if (!resolved) {
      rejectUnknown(key, context);
      continue;
    }
    const isExtension = resolved.schema !== core.id;
    if (isExtension && !lowerKey.startsWith('urn:')) {
      // Extension attributes live under their URN (RFC 7643 §3.3); a bare "department" is not one of ours.
      rejectUnknown(key, context);
      continue;
    }
    const written = lowerKey.startsWith('urn:') ? key.slice(key.length - resolved.path.length) : key;
    if (lowerKey.startsWith('urn:') && isExtension) context.log.fire('urn-qualified-attribute-key');
    if (written.includes('.')) context.log.fire('dotted-attribute-key');
    if (written !== resolved.path) context.log.fire('attribute-name-any-case');
    placeAttribute(resource, resolved, isExtension, value, context);
  }
  dropClearedManager(resource, context);
  return resource;
};

/** The dotted form "manager.value": "" reaches the resource unnormalised; clear it like "" and {"value": ""}. */
const dropClearedManager = (resource: JsonObject, context: NormalizeContext): void => {
  const enterprise = resource[ENTERPRISE_USER_SCHEMA_URN];
  if (!isPlainObject(enterprise) || !isPlainObject(enterprise.manager)) return;
  if (!isBlankString(enterprise.manager.value)) return;
  context.log.fire('manager-empty-string-clears');
  delete enterprise.manager;
  if (Object.keys(enterprise).length === 0) delete resource[ENTERPRISE_USER_SCHEMA_URN];
};
