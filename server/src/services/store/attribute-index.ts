/**
 * scim_attribute_index: one row per stored value of a configured leaf (indexed-attributes.ts), written by the user
 * and group repositories in the resource's own transaction, so the rows cannot drift from the resource.
 */
import type { Core } from '@strapi/strapi';
import type { ScimResource } from '../../scim/resource';
import type { ResourceTypeId } from '../../scim/schema';
import { inChunks } from './in-chunks';
import { indexedLeaves, type IndexedLeaf } from './indexed-attributes';
import type { RowQuery } from './row-query';
import { isStorableKey } from './storable-text';

export const ATTRIBUTE_INDEX_UID = 'plugin::scim.attribute-index';

export interface IndexRow {
  path: string;
  element: number;
  valueKey: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value as filters compare it, or undefined when the index does not hold it (wrong JSON type, unstorable). */
const keyOf = (leaf: IndexedLeaf, value: unknown): string | undefined => {
  let key: string | undefined;
  if (leaf.type === 'boolean') key = typeof value === 'boolean' ? String(value) : undefined;
  else if (typeof value === 'string') key = leaf.caseExact ? value : value.toLowerCase();
  // A value too long for the column, or one PostgreSQL refuses, cannot equal any literal the index is asked for.
  return key !== undefined && isStorableKey(key) ? key : undefined;
};

/**
 * The rows of one leaf, read the way the JSON path reads the stored resource (json-filter-sql.ts): the element
 * number is the position in the array (0 for a singular attribute), and only elements that are objects count
 * for a sub-attribute of a multi-valued complex attribute.
 */
const leafRows = (leaf: IndexedLeaf, resource: ScimResource): IndexRow[] => {
  const base: unknown = leaf.container === undefined ? resource : (resource as Record<string, unknown>)[leaf.container];
  if (!isObject(base)) return [];
  const value = base[leaf.attribute];
  const elements: unknown[] = leaf.multiValued ? (Array.isArray(value) ? value : []) : [value];
  const rows: IndexRow[] = [];
  elements.forEach((element, position) => {
    let leafValue: unknown = element;
    if (leaf.sub !== undefined) {
      if (!isObject(element)) return;
      leafValue = element[leaf.sub];
    }
    const valueKey = keyOf(leaf, leafValue);
    if (valueKey !== undefined) rows.push({ path: leaf.key, element: position, valueKey });
  });
  return rows;
};

export const indexRowsOf = (leaves: readonly IndexedLeaf[], resource: ScimResource): IndexRow[] =>
  leaves.flatMap((leaf) => leafRows(leaf, resource));

const sameRows = (a: IndexRow[], b: IndexRow[]): boolean =>
  a.length === b.length &&
  a.every((row, at) => row.path === b[at].path && row.element === b[at].element && row.valueKey === b[at].valueKey);

const INSERT_CHUNK = 500;

/** The index rows of one resource type; every call joins the caller's transaction when there is one. */
export const createAttributeIndex = (strapi: Core.Strapi, resourceType: ResourceTypeId) => {
  const query = (): RowQuery<IndexRow> => strapi.db.query(ATTRIBUTE_INDEX_UID);
  const leaves = () => indexedLeaves(strapi, resourceType);

  const insertRows = async (owned: (IndexRow & { ownerRef: number })[]): Promise<void> => {
    for (let start = 0; start < owned.length; start += INSERT_CHUNK) {
      await query().createMany({
        data: owned.slice(start, start + INSERT_CHUNK).map((row) => ({ ...row, resourceType })),
      });
    }
  };

  return {
    /** Whether any attribute of this resource type is indexed: without, the writes below do nothing. */
    enabled: (): boolean => leaves().length > 0,

    async insert(ownerRef: number, resource: ScimResource): Promise<void> {
      if (leaves().length === 0) return;
      await insertRows(indexRowsOf(leaves(), resource).map((row) => ({ ...row, ownerRef })));
    },

    /** Rewrites the rows of a replaced resource, unless the indexed values did not change. */
    async replace(ownerRef: number, before: ScimResource, after: ScimResource): Promise<void> {
      if (leaves().length === 0) return;
      const rows = indexRowsOf(leaves(), after);
      if (sameRows(indexRowsOf(leaves(), before), rows)) return;
      await query().deleteMany({ where: { resourceType, ownerRef } });
      await insertRows(rows.map((row) => ({ ...row, ownerRef })));
    },

    /** Rows of leaves the configuration dropped are deleted at startup (attribute-index-builds.ts). */
    async remove(ownerRef: number): Promise<void> {
      if (leaves().length === 0) return;
      await query().deleteMany({ where: { resourceType, ownerRef } });
    },

    /** Back-fill of one leaf for a batch of resources: their rows of that leaf are replaced by fresh ones. */
    async rebuild(leaf: IndexedLeaf, resources: readonly { id: number; resource: ScimResource }[]): Promise<void> {
      await inChunks(
        resources.map(({ id }) => id),
        async (chunk) => {
          await query().deleteMany({ where: { resourceType, path: leaf.key, ownerRef: { $in: chunk } } });
          return [];
        },
      );
      await insertRows(
        resources.flatMap(({ id, resource }) => leafRows(leaf, resource).map((row) => ({ ...row, ownerRef: id }))),
      );
    },

    /** Every row of a leaf the configuration no longer names. */
    async drop(path: string): Promise<void> {
      await query().deleteMany({ where: { resourceType, path } });
    },
  };
};

export type AttributeIndex = ReturnType<typeof createAttributeIndex>;
