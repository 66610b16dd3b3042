/** SCIM PATCH (RFC 7644 §3.5.2) applied to a canonical resource: pure, atomic, never mutates its input. */
import { QuirkLog } from '../quirks';
import { validateResource, type ScimResource } from '../resource';
import { COMMON_ATTRIBUTES, schemasOf, type ResourceTypeId } from '../schema';
import { applyOperation } from './apply-operation';
import { cloneJson, isPlainObject, type JsonObject } from './elements';
import { diffResources } from './member-changes';
import { assertRequiredKept } from './mutability';
import { parseOperations } from './parse-operations';
import type { PatchContext, PatchOperation, PatchOptions, PatchResult } from './types';

export type { PatchChanges, PatchOperation, PatchOpName, PatchOptions, PatchResult } from './types';
export { DEFAULT_MAX_OPERATIONS, parseOperations } from './parse-operations';
export { diffResources, memberIds } from './member-changes';

/** Read-only top-level attributes (id, meta, a User's groups) pass through a PATCH untouched. */
const readOnlyNames = (resourceType: ResourceTypeId): string[] =>
  [...COMMON_ATTRIBUTES, ...schemasOf(resourceType).core.attributes]
    .filter((attribute) => attribute.mutability === 'readOnly')
    .map((attribute) => attribute.name);

const requiredAttributes = (resourceType: ResourceTypeId) => {
  const { core, extensions } = schemasOf(resourceType);
  const inCore = core.attributes
    .filter((attribute) => attribute.required)
    .map((attribute) => ({
      label: attribute.name,
      read: (resource: JsonObject) => resource[attribute.name],
    }));
  const inExtensions = extensions.flatMap((schema) =>
    schema.attributes
      .filter((attribute) => attribute.required)
      .map((attribute) => ({
        label: `${schema.id}:${attribute.name}`,
        read: (resource: JsonObject) =>
          isPlainObject(resource[schema.id]) ? (resource[schema.id] as JsonObject)[attribute.name] : undefined,
      })),
  );
  return [...inCore, ...inExtensions];
};

/**
 * Applies a PATCH body to `resource` (canonical, as validateResource returns it; id, meta and other
 * read-only attributes may be present and are carried over). All operations apply or none: any error
 * is a ScimError and the input is left as it was. The result is validated again by validateResource.
 */
export const applyPatch = (
  resourceType: ResourceTypeId,
  resource: ScimResource | JsonObject,
  body: unknown,
  options: PatchOptions = {},
): PatchResult => {
  const log = options.log ?? new QuirkLog();
  return applyPatchOperations(resourceType, resource, parseOperations(body, log, options.maxOperations), {
    ...options,
    log,
  });
};

/** applyPatch for operations parsed already (parseOperations), so a caller that inspects them parses them once. */
export const applyPatchOperations = (
  resourceType: ResourceTypeId,
  resource: ScimResource | JsonObject,
  operations: readonly PatchOperation[],
  options: PatchOptions = {},
): PatchResult => {
  const log = options.log ?? new QuirkLog();
  const readOnly = readOnlyNames(resourceType);
  const carried: JsonObject = {};
  const working: JsonObject = {};
  for (const key of Object.keys(resource)) {
    if (readOnly.includes(key)) carried[key] = cloneJson(resource[key]);
    else working[key] = cloneJson(resource[key]);
  }
  const context: PatchContext = { resourceType, strict: options.strict ?? false, log };
  if (typeof resource.id === 'string') context.resourceId = resource.id;

  for (const operation of operations) applyOperation(context, working, operation);
  assertRequiredKept(requiredAttributes(resourceType), resource, working);

  // The stored resource is not the request: quirks its own shape would fire are not the client's.
  const validated = validateResource(resourceType, working, { log: new QuirkLog() }).resource;
  const { schemas, ...attributes } = validated;
  const patched = {
    schemas,
    ...(carried.id === undefined ? {} : { id: carried.id }),
    ...attributes,
    ...carried,
  } as ScimResource;
  return { resource: patched, changes: diffResources(resourceType, resource, patched), quirks: log.list() };
};
