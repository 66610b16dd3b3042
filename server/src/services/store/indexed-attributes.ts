/**
 * The attributes a site names in the `indexedAttributes` option, resolved against the schema into leaves: one
 * simple attribute or sub-attribute each, whose values get rows in scim_attribute_index (tier 2 of
 * docs/decisions/filter-storage-whole-schema.md).
 */
import type { Core } from '@strapi/strapi';
import { readAttributePath } from '../../scim/filter';
import type { ColumnMap } from '../../scim/filter/where-clause';
import type { AttributeDefinition, ResourceTypeId } from '../../scim/schema';
import { getPluginConfig } from '../../utils/plugin-config';
import { GROUP_COLUMN_MAP } from './group-columns';
import { jsonAttributeResolver } from './json-attributes';
import { USER_COLUMN_MAP } from './user-columns';

export const INDEXED_RESOURCE_TYPES: readonly ResourceTypeId[] = ['User', 'Group'];

/** A simple value the index holds: where it lives in the stored resource and how filters compare it. */
export interface IndexedLeaf {
  /** `leafKey` of the location: the `path` column of its rows. */
  key: string;
  container?: string;
  attribute: string;
  multiValued: boolean;
  /** Set for a sub-attribute of a complex attribute. */
  sub?: string;
  type: 'string' | 'reference' | 'boolean';
  caseExact: boolean;
  /** Few distinct values (a boolean, or canonical values such as `emails.type`): probed last in a join. */
  coarse: boolean;
}

/** The canonical, lower-cased name of a location in the stored resource, e.g. `emails.value`, `urn:...:user:employeenumber`. */
export const leafKey = (container: string | undefined, attribute: string, sub?: string): string =>
  `${container === undefined ? '' : `${container}:`}${attribute}${sub === undefined ? '' : `.${sub}`}`.toLowerCase();

const COLUMNS: Record<ResourceTypeId, ColumnMap> = { User: USER_COLUMN_MAP, Group: GROUP_COLUMN_MAP };

const isIndexable = (
  definition: AttributeDefinition,
): definition is AttributeDefinition & { type: IndexedLeaf['type'] } =>
  definition.type === 'string' || definition.type === 'reference' || definition.type === 'boolean';

/** Leaves of one configured path, or the reason it cannot be indexed. */
export const resolveIndexedPath = (resourceType: ResourceTypeId, text: string): IndexedLeaf[] | string => {
  const path = readAttributePath(text.trim());
  if (typeof path === 'string') return path;
  const found = jsonAttributeResolver(resourceType)(path);
  if (found === undefined)
    return `${resourceType} has no attribute "${text}" that the stored resource holds (extension attributes need their URN)`;
  const { attribute } = found;
  // A list column (`emails.value`) only answers plain comparisons; value paths still need the elements.
  const hasOwnColumn = (sub?: AttributeDefinition): boolean => {
    if (found.container !== undefined) return false;
    const name = (sub === undefined ? attribute.name : `${attribute.name}.${sub.name}`).toLowerCase();
    const column = Object.entries(COLUMNS[resourceType]).find(([key]) => key.toLowerCase() === name)?.[1];
    return column !== undefined && column.list !== true;
  };
  if (hasOwnColumn(found.sub)) return `"${text}" has a column of its own and is indexed already`;
  const leaf = (sub?: AttributeDefinition): IndexedLeaf[] | string => {
    const definition = sub ?? attribute;
    if (!isIndexable(definition))
      return `"${text}" is of type ${definition.type}; only string, reference and boolean values can be indexed`;
    const indexed: IndexedLeaf = {
      key: leafKey(found.container, attribute.name, sub?.name),
      attribute: attribute.name,
      multiValued: attribute.multiValued,
      type: definition.type,
      caseExact: definition.caseExact,
      coarse: definition.type === 'boolean' || (definition.canonicalValues?.length ?? 0) > 0,
    };
    if (found.container !== undefined) indexed.container = found.container;
    if (sub !== undefined) indexed.sub = sub.name;
    return [indexed];
  };
  if (found.sub !== undefined) return leaf(found.sub);
  if (attribute.type !== 'complex') return leaf();
  const subs = (attribute.subAttributes ?? []).filter((sub) => isIndexable(sub) && !hasOwnColumn(sub));
  if (subs.length === 0) return `"${text}" has no string, reference or boolean sub-attribute to index`;
  return subs.flatMap((sub) => leaf(sub) as IndexedLeaf[]);
};

/** Every configured leaf of every resource type, and a message per option entry that cannot be indexed. */
export const checkIndexedAttributes = (
  strapi: Core.Strapi,
): { leaves: Record<ResourceTypeId, IndexedLeaf[]>; problems: string[] } => {
  const option = getPluginConfig(strapi).indexedAttributes;
  const problems: string[] = [];
  const leaves: Record<ResourceTypeId, IndexedLeaf[]> = { User: [], Group: [] };
  for (const resourceType of INDEXED_RESOURCE_TYPES) {
    const byKey = new Map<string, IndexedLeaf>();
    option[resourceType].forEach((text, index) => {
      const resolved = resolveIndexedPath(resourceType, text);
      if (typeof resolved === 'string') {
        problems.push(`scim plugin config: option "indexedAttributes.${resourceType}.${index}": ${resolved}`);
        return;
      }
      for (const found of resolved) byKey.set(found.key, found);
    });
    leaves[resourceType] = [...byKey.values()];
  }
  return { leaves, problems };
};

/** Stops Strapi at startup when an entry of the option names nothing the index can hold. */
export const assertIndexedAttributes = (strapi: Core.Strapi): void => {
  const { problems } = checkIndexedAttributes(strapi);
  if (problems.length > 0) throw new Error(problems.join('; '));
};

const resolved = new WeakMap<Core.Strapi, Record<ResourceTypeId, IndexedLeaf[]>>();

/** The configured leaves of a resource type; the option does not change while the app runs. */
export const indexedLeaves = (strapi: Core.Strapi, resourceType: ResourceTypeId): IndexedLeaf[] => {
  let leaves = resolved.get(strapi);
  if (leaves === undefined) {
    leaves = checkIndexedAttributes(strapi).leaves;
    resolved.set(strapi, leaves);
  }
  return leaves[resourceType];
};
