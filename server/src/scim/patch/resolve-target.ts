import { ScimError } from '../errors';
import type { AttributePath, Filter } from '../filter';
import { makeAttributePath, parsePatchPath, printAttributePath } from '../filter';
import { findAttribute, findByName, schemasOf, type AttributeDefinition } from '../schema';
import type { PatchContext } from './types';

/** A path naming one attribute, `attr.sub`, `attr[filter]` or `attr[filter].sub`, resolved against the schema. */
export interface AttributeTarget {
  kind: 'attribute';
  /** URN of the extension whose object holds the attribute; absent for core and common attributes. */
  extension?: string;
  /** The top-level attribute. */
  attribute: AttributeDefinition;
  /** The sub-attribute, for `attr.sub` and `attr[filter].sub`. */
  sub?: AttributeDefinition;
  /** The `[filter]` selecting elements of a multi-valued attribute. */
  filter?: Filter;
  /** The top-level attribute as a filter path: the parent of the paths inside `filter`. */
  attributePath: AttributePath;
  /** Canonical path of the top-level attribute, URN-qualified for extensions. */
  attributeLabel: string;
  /** Canonical path of what the operation writes (attribute or sub-attribute), URN-qualified for extensions. */
  label: string;
}

/** A path naming a whole extension object, e.g. `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User`. */
export interface ExtensionTarget {
  kind: 'extension';
  urn: string;
}

export type PatchTarget = AttributeTarget | ExtensionTarget;

const invalidPath = (detail: string) => ScimError.badRequest('invalidPath', detail);

export const isReadOnly = (target: AttributeTarget): boolean =>
  target.attribute.mutability === 'readOnly' || target.sub?.mutability === 'readOnly';

/** Paths inside `attr[...]` must name sub-attributes of `attr`; the evaluator would silently match nothing. */
const checkFilterNames = (filter: Filter, attribute: AttributeDefinition, label: string): void => {
  switch (filter.op) {
    case 'and':
    case 'or':
      checkFilterNames(filter.left, attribute, label);
      checkFilterNames(filter.right, attribute, label);
      return;
    case 'not':
      checkFilterNames(filter.filter, attribute, label);
      return;
    case 'valuePath':
      throw invalidPath(`A value filter cannot contain another value filter in '${label}'`);
    default:
      if (
        filter.path.urn !== undefined ||
        filter.path.subAttribute !== undefined ||
        !findByName(attribute.subAttributes, filter.path.attribute)
      ) {
        throw invalidPath(`'${printAttributePath(filter.path)}' is not a sub-attribute of '${label}'`);
      }
  }
};

export const findExtension = (context: PatchContext, text: string): string | undefined =>
  schemasOf(context.resourceType).extensions.find((schema) => schema.id.toLowerCase() === text.trim().toLowerCase())
    ?.id;

/**
 * Resolves a PATCH path. Unknown attributes and malformed paths are 400 invalidPath; `schemas` and
 * read-only attributes (id, meta, a User's groups, members.display, manager.displayName) are 400
 * mutability, because RFC 7644 §3.5.2 forbids modifying them.
 */
export const resolveTarget = (context: PatchContext, text: string): PatchTarget => {
  if (text.trim().toLowerCase() === 'schemas') {
    throw ScimError.badRequest('mutability', "'schemas' is computed by the service provider and cannot be patched");
  }
  const extension = findExtension(context, text);
  if (extension !== undefined) return { kind: 'extension', urn: extension };
  const { attributePath, valueFilter } = parsePatchPath(text, undefined, context.log);
  const printed = printAttributePath(attributePath);
  const resolved = findAttribute(context.resourceType, printed);
  if (!resolved) throw invalidPath(`Unknown attribute '${printed}'`);
  const attribute = resolved.parent ?? resolved.attribute;
  const sub = resolved.parent ? resolved.attribute : undefined;
  const core = schemasOf(context.resourceType).core.id;
  const extensionUrn = resolved.schema === core ? undefined : resolved.schema;
  const attributeLabel = extensionUrn === undefined ? attribute.name : `${extensionUrn}:${attribute.name}`;
  const target: AttributeTarget = {
    kind: 'attribute',
    attribute,
    attributePath: makeAttributePath(attribute.name, undefined, extensionUrn),
    attributeLabel,
    label: resolved.qualifiedPath,
  };
  if (extensionUrn !== undefined) target.extension = extensionUrn;
  if (sub) target.sub = sub;
  if (isReadOnly(target)) throw ScimError.badRequest('mutability', `'${target.label}' is read-only`);
  if (valueFilter) {
    if (!attribute.multiValued || attribute.type !== 'complex') {
      throw invalidPath(`'${attributeLabel}' is not a multi-valued complex attribute, so it takes no [filter]`);
    }
    checkFilterNames(valueFilter, attribute, attributeLabel);
    target.filter = valueFilter;
  }
  return target;
};
