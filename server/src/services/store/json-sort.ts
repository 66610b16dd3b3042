/**
 * sortBy on a singular attribute without a column: the page's ids are chosen by one query that orders
 * by the attribute's value in the stored JSON (lower-cased unless caseExact; false before true),
 * resources without a value last in either order, ties by id, so paging never skips or repeats a
 * resource. Strapi's orderBy takes columns only, hence the id page first and the rows by id after.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { readAttributePath } from '../../scim/filter';
import type { Sort } from '../../scim/list';
import type { ResourceTypeId } from '../../scim/schema';
import { binaryText, dialectOf, locateJson } from './json-filter-sql';
import { jsonAttributeResolver } from './json-attributes';
import { qualifiedTable } from './qualified-table';

/** Reads one page of ids for a where-object (already resolved for Strapi) and a page window. */
export type IdPage = (where: Record<string, unknown>, offset: number, limit: number) => Promise<number[]>;

const SORTABLE_TYPES = new Set(['string', 'reference', 'boolean']);

/** The id pager for a sort on an attribute without a column, or undefined when the stored JSON cannot sort by it. */
export function jsonSortPage(
  strapi: Core.Strapi,
  resourceType: ResourceTypeId,
  uid: string,
  sort: Sort,
): IdPage | undefined {
  const path = readAttributePath(sort.attribute.qualifiedPath);
  if (typeof path === 'string') return undefined;
  const found = jsonAttributeResolver(resourceType)(path);
  const definition = found?.sub ?? found?.attribute;
  if (!found || !definition || found.attribute.multiValued || !SORTABLE_TYPES.has(definition.type)) return undefined;
  const dialect = dialectOf(strapi);
  const keys = [
    ...(found.container === undefined ? [] : [found.container]),
    found.attribute.name,
    ...(found.sub ? [found.sub.name] : []),
  ];
  const location = locateJson(dialect, 't.resource', keys);
  const key =
    definition.type === 'boolean'
      ? `(CASE ${location.kind} WHEN 'boolean-true' THEN 1 WHEN 'boolean-false' THEN 0 END)`
      : `(CASE WHEN ${location.kind} = 'string' THEN ${binaryText(dialect, definition.caseExact ? location.text : `lower(${location.text})`)} END)`;
  const direction = sort.order === 'descending' ? 'DESC' : 'ASC';
  const table = qualifiedTable(strapi, uid);
  return async (where, offset, limit) => {
    let query: Knex.QueryBuilder = strapi.db.connection.select('t.id').from({ t: table });
    if (Object.keys(where).length > 0) {
      const matching = strapi.db.queryBuilder(uid).select('id').where(where).getKnexQuery();
      query = query.whereIn('t.id', matching);
    }
    const rows = await query
      .orderByRaw(`CASE WHEN ${key} IS NULL THEN 1 ELSE 0 END, ${key} ${direction}, t.id ASC`)
      .offset(offset)
      .limit(limit)
      .then((result: { id: number | string }[]) => result);
    return rows.map((row) => Number(row.id));
  };
}
