/**
 * A User attribute that a site maps onto a field of its host user (`attributeMappings`): `preferredLanguage`,
 * `urn:...:enterprise:2.0:User:department`, `phoneNumbers[type eq "mobile"].value`. Parsed once at startup and
 * read from each stored resource.
 */
import { isScimError } from './errors';
import { matchesElement, parsePatchPath, printAttributePath, type AttributeResolver, type PatchPath } from './filter';
import { findAttribute, USER_SCHEMA_URN, type AttributeType, type ResolvedAttribute } from './schema';

export interface AttributeSource {
  path: PatchPath;
  resolved: ResolvedAttribute;
  type: AttributeType;
}

const resolveUserAttribute: AttributeResolver = (path) => findAttribute('User', printAttributePath(path))?.attribute;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value under `name`, whose case SCIM does not fix. */
const member = (object: unknown, name: string): unknown => {
  if (!isObject(object)) return undefined;
  const key = Object.keys(object).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : object[key];
};

/** Parses a mapping's SCIM side; a string is what is wrong with it. */
export const parseAttributeSource = (text: string): AttributeSource | string => {
  let path: PatchPath;
  try {
    path = parsePatchPath(text);
  } catch (error) {
    if (isScimError(error)) return error.detail;
    throw error;
  }
  const resolved = findAttribute('User', printAttributePath(path.attributePath));
  if (!resolved) return `"${text}" is not an attribute of the SCIM User or its enterprise extension`;
  const { attribute, parent } = resolved;
  if (attribute.type === 'complex') return `"${text}" is complex: name one of its sub-attributes`;
  if (attribute.multiValued) return `"${text}" has several values: name one sub-attribute of one element`;
  if (path.valueFilter && !parent?.multiValued) return `"${text}": only a multi-valued attribute takes a [filter]`;
  return { path, resolved, type: attribute.type };
};

/** The element of a multi-valued attribute the source reads: the first the filter selects, primary first. */
const pickElement = (source: AttributeSource, list: unknown): unknown => {
  if (!Array.isArray(list)) return undefined;
  const filter = source.path.valueFilter;
  const parentPath = { ...source.path.attributePath, subAttribute: undefined };
  const selected = filter
    ? list.filter((element) => matchesElement(filter, element, parentPath, resolveUserAttribute))
    : list;
  return selected.find((element) => member(element, 'primary') === true) ?? selected[0];
};

/** The source's value in a stored User; null when the resource does not have it. */
export const readAttributeSource = (resource: Record<string, unknown>, source: AttributeSource): unknown => {
  const { resolved } = source;
  const root = resolved.schema === USER_SCHEMA_URN ? resource : member(resource, resolved.schema);
  const parent = resolved.parent;
  let value: unknown;
  if (parent === undefined) {
    value = member(root, resolved.attribute.name);
  } else {
    const container = member(root, parent.name);
    value = member(parent.multiValued ? pickElement(source, container) : container, resolved.attribute.name);
  }
  return value === undefined ? null : value;
};
