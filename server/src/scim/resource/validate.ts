import type { z } from 'zod';
import { ScimError } from '../errors';
import { QuirkLog, type QuirkId } from '../quirks';
import { findAttribute, schemasOf, type ResourceTypeId } from '../schema';
import { isPlainObject, normalizeResource, normalizeValue, type JsonObject } from './normalize';
import { attributeSchema, resourceSchema } from './zod-schema';

export interface ValidateOptions {
  /** Reject attributes no schema defines (400 invalidSyntax) instead of ignoring them. Default false. */
  strict?: boolean;
  /** Collect fired quirks into an existing log, e.g. one shared by a whole request. */
  log?: QuirkLog;
}

/** A resource in canonical form: canonical attribute names, extension attributes under their URN. */
export type ScimResource = JsonObject & { schemas: string[] };

export interface ValidatedResource {
  resource: ScimResource;
  quirks: QuirkId[];
}

type IssuePath = readonly PropertyKey[];

/** `emails.1.value` -> `emails.value`; extension paths keep their URN: `urn:...:User:manager.value`. */
const attributePath = (path: IssuePath, extensionUrns: readonly string[]): string => {
  const names = path.filter((segment): segment is string => typeof segment === 'string');
  if (names.length > 1 && extensionUrns.includes(names[0])) return `${names[0]}:${names.slice(1).join('.')}`;
  return names.join('.');
};

const toScimError = (error: z.ZodError, prefix: string, extensionUrns: readonly string[]): ScimError => {
  const issue = error.issues[0];
  const path = [prefix, attributePath(issue.path, extensionUrns)]
    .filter(Boolean)
    .join(prefix.startsWith('urn:') ? ':' : '.');
  return ScimError.badRequest('invalidValue', `Attribute '${path || 'body'}' ${issue.message}`);
};

const isBlank = (value: unknown) => typeof value === 'string' && value.trim() === '';

const hasContent = (value: unknown) => isPlainObject(value) && Object.keys(value).length > 0;

const noteMembersWithoutType = (resource: JsonObject, log: QuirkLog): void => {
  const members = resource.members;
  if (Array.isArray(members) && members.some((member) => isPlainObject(member) && member.type === undefined)) {
    log.fire('group-member-type-missing');
  }
};

/**
 * Validates and normalises a POST or PUT body. Returns the canonical resource (without id and meta,
 * which the service owns) and the quirks that fired; throws ScimError 400 naming the attribute.
 */
export const validateResource = (
  resourceType: ResourceTypeId,
  body: unknown,
  options: ValidateOptions = {},
): ValidatedResource => {
  const log = options.log ?? new QuirkLog();
  const normalized = normalizeResource(resourceType, body, { log, strict: options.strict ?? false });
  const { core, extensions } = schemasOf(resourceType);
  const extensionUrns = extensions.map((extension) => extension.id);
  for (const urn of extensionUrns) if (!hasContent(normalized[urn])) delete normalized[urn];
  normalized.schemas = [core.id, ...extensionUrns.filter((urn) => normalized[urn] !== undefined)];

  const parsed = resourceSchema(resourceType).safeParse(normalized);
  if (!parsed.success) throw toScimError(parsed.error, '', extensionUrns);
  const resource = parsed.data as ScimResource;
  if (resourceType === 'Group') noteMembersWithoutType(resource, log);
  return { resource, quirks: log.list() };
};

export const validateUser = (body: unknown, options?: ValidateOptions) => validateResource('User', body, options);

export const validateGroup = (body: unknown, options?: ValidateOptions) => validateResource('Group', body, options);

/**
 * Normalises and validates the value for one attribute path, for PATCH operations with a path.
 * Returns `undefined` as the value when the client asked to unassign it (null, [], or "" for manager).
 */
export const validateAttributeValue = (
  resourceType: ResourceTypeId,
  path: string,
  value: unknown,
  options: ValidateOptions = {},
): { path: string; value: unknown; quirks: QuirkId[] } => {
  const log = options.log ?? new QuirkLog();
  const resolved = findAttribute(resourceType, path);
  if (!resolved) throw ScimError.badRequest('invalidPath', `Unknown attribute '${path}'`);
  const written = path.trim();
  if (written.slice(written.length - resolved.path.length) !== resolved.path) log.fire('attribute-name-any-case');
  const context = { log, strict: options.strict ?? false };
  const clearsManager = resolved.parent?.name === 'manager' && resolved.attribute.name === 'value' && isBlank(value);
  if (clearsManager) log.fire('manager-empty-string-clears');
  const normalized = clearsManager
    ? undefined
    : normalizeValue(resolved.attribute, value, resolved.qualifiedPath, context, resolved.schema);
  if (normalized === undefined) return { path: resolved.qualifiedPath, value: undefined, quirks: log.list() };
  const parsed = attributeSchema(resolved.attribute).safeParse(normalized);
  if (!parsed.success) {
    const extensionUrns = schemasOf(resourceType).extensions.map((extension) => extension.id);
    throw toScimError(parsed.error, resolved.qualifiedPath, extensionUrns);
  }
  return { path: resolved.qualifiedPath, value: parsed.data, quirks: log.list() };
};
