import { COMMON_ATTRIBUTES } from './common';
import { ENTERPRISE_USER_SCHEMA, ENTERPRISE_USER_SCHEMA_URN } from './enterprise-user';
import { GROUP_SCHEMA, GROUP_SCHEMA_URN } from './group';
import type { AttributeDefinition, ResourceTypeDefinition, SchemaDefinition } from './types';
import { USER_SCHEMA, USER_SCHEMA_URN } from './user';

export * from './types';
export { COMMON_ATTRIBUTES } from './common';
export { USER_SCHEMA, USER_SCHEMA_URN } from './user';
export { ENTERPRISE_USER_SCHEMA, ENTERPRISE_USER_SCHEMA_URN } from './enterprise-user';
export { GROUP_SCHEMA, GROUP_SCHEMA_URN } from './group';

/** Message and discovery schema URNs of RFC 7644 §3 and RFC 7643 §5–§7. */
export const LIST_RESPONSE_URN = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const PATCH_OP_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const SERVICE_PROVIDER_CONFIG_URN = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';
export const RESOURCE_TYPE_URN = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';
export const SCHEMA_URN = 'urn:ietf:params:scim:schemas:core:2.0:Schema';

export type ResourceTypeId = ResourceTypeDefinition['id'];

export const SCHEMAS: readonly SchemaDefinition[] = [USER_SCHEMA, ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA];

export const RESOURCE_TYPES: readonly ResourceTypeDefinition[] = [
  {
    id: 'User',
    name: 'User',
    endpoint: '/Users',
    description: 'User Account',
    schema: USER_SCHEMA_URN,
    schemaExtensions: [{ schema: ENTERPRISE_USER_SCHEMA_URN, required: false }],
  },
  {
    id: 'Group',
    name: 'Group',
    endpoint: '/Groups',
    description: 'Group',
    schema: GROUP_SCHEMA_URN,
    schemaExtensions: [],
  },
];

const equalsIgnoreCase = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Schema ids are URNs, which RFC 8141 compares case-insensitively. */
export const findSchema = (id: string): SchemaDefinition | undefined =>
  SCHEMAS.find((schema) => equalsIgnoreCase(schema.id, id));

const getSchema = (id: string): SchemaDefinition => {
  const found = findSchema(id);
  if (!found) throw new Error(`Unknown schema ${id}`);
  return found;
};

export const findResourceType = (id: string): ResourceTypeDefinition | undefined =>
  RESOURCE_TYPES.find((type) => type.id === id) ?? RESOURCE_TYPES.find((type) => equalsIgnoreCase(type.id, id));

export const getResourceType = (id: ResourceTypeId): ResourceTypeDefinition => {
  const found = RESOURCE_TYPES.find((type) => type.id === id);
  if (!found) throw new Error(`Unknown resource type ${id}`);
  return found;
};

export interface ResourceSchemas {
  core: SchemaDefinition;
  extensions: SchemaDefinition[];
}

export const schemasOf = (resourceType: ResourceTypeId): ResourceSchemas => {
  const type = getResourceType(resourceType);
  return {
    core: getSchema(type.schema),
    extensions: type.schemaExtensions.map((extension) => getSchema(extension.schema)),
  };
};

/** Finds an attribute by name, ignoring case (RFC 7643 §2.1). */
export const findByName = (
  attributes: readonly AttributeDefinition[] | undefined,
  name: string,
): AttributeDefinition | undefined => attributes?.find((attribute) => equalsIgnoreCase(attribute.name, name));

export interface ResolvedAttribute {
  /** URN of the schema the attribute belongs to; common attributes report the core schema. */
  schema: string;
  /** True for id, externalId, meta and their sub-attributes (RFC 7643 §3.1). */
  common: boolean;
  /** Set when the path names a sub-attribute: the complex attribute that holds it. */
  parent?: AttributeDefinition;
  attribute: AttributeDefinition;
  /** Canonical dotted path without URN, e.g. `name.givenName`. */
  path: string;
  /** Canonical path, URN-qualified for extension attributes. */
  qualifiedPath: string;
}

const resolveWithin = (
  attributes: readonly AttributeDefinition[],
  dottedPath: string,
): { attribute: AttributeDefinition; parent?: AttributeDefinition } | undefined => {
  const parts = dottedPath.split('.');
  if (parts.length > 2 || parts.some((part) => part === '')) return undefined;
  const top = findByName(attributes, parts[0]);
  if (!top || parts.length === 1) return top && { attribute: top };
  if (top.type !== 'complex') return undefined;
  const sub = findByName(top.subAttributes, parts[1]);
  return sub && { attribute: sub, parent: top };
};

const toResolved = (
  schema: SchemaDefinition,
  isExtension: boolean,
  common: boolean,
  found: { attribute: AttributeDefinition; parent?: AttributeDefinition },
): ResolvedAttribute => {
  const path = found.parent ? `${found.parent.name}.${found.attribute.name}` : found.attribute.name;
  return {
    schema: schema.id,
    common,
    parent: found.parent,
    attribute: found.attribute,
    path,
    qualifiedPath: isExtension ? `${schema.id}:${path}` : path,
  };
};

/**
 * Splits `urn:...:User:name.givenName` into its schema and the rest. The URN itself contains dots
 * ("2.0"), so the known schema ids are matched as prefixes instead of splitting on the last colon.
 */
export const splitSchemaPrefix = (
  resourceType: ResourceTypeId,
  path: string,
): { schema: SchemaDefinition; isExtension: boolean; rest: string } | undefined => {
  const { core, extensions } = schemasOf(resourceType);
  const lower = path.toLowerCase();
  const candidates = [
    { schema: core, isExtension: false },
    ...extensions.map((schema) => ({ schema, isExtension: true })),
  ];
  for (const { schema, isExtension } of candidates) {
    const prefix = `${schema.id.toLowerCase()}:`;
    if (lower.startsWith(prefix)) return { schema, isExtension, rest: path.slice(prefix.length) };
  }
  return undefined;
};

/**
 * Resolves `attr`, `attr.sub` and URN-qualified names, case-insensitively, against the resource type's
 * schemas. Unqualified names are looked up in the common attributes and the core schema first, then in
 * the extensions (clients such as Entra always qualify extension attributes, so this only adds leniency).
 */
export const findAttribute = (resourceType: ResourceTypeId, path: string): ResolvedAttribute | undefined => {
  const trimmed = path.trim();
  const { core, extensions } = schemasOf(resourceType);
  const qualified = splitSchemaPrefix(resourceType, trimmed);
  if (qualified) {
    const inSchema = resolveWithin(qualified.schema.attributes, qualified.rest);
    if (inSchema) return toResolved(qualified.schema, qualified.isExtension, false, inSchema);
    if (qualified.isExtension) return undefined;
    const inCommon = resolveWithin(COMMON_ATTRIBUTES, qualified.rest);
    return inCommon && toResolved(core, false, true, inCommon);
  }
  if (trimmed.toLowerCase().startsWith('urn:')) return undefined;
  const inCommon = resolveWithin(COMMON_ATTRIBUTES, trimmed);
  if (inCommon) return toResolved(core, false, true, inCommon);
  const inCore = resolveWithin(core.attributes, trimmed);
  if (inCore) return toResolved(core, false, false, inCore);
  for (const extension of extensions) {
    const inExtension = resolveWithin(extension.attributes, trimmed);
    if (inExtension) return toResolved(extension, true, false, inExtension);
  }
  return undefined;
};
