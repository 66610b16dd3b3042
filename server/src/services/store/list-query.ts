import type { Core } from '@strapi/strapi';
import { ScimError } from '../../scim/errors';
import { compileFilter, parseFilter, type ColumnMap, type FilterableAttribute, type Filter } from '../../scim/filter';
import type { Sort } from '../../scim/list';
import type { QuirkLog } from '../../scim/quirks';
import type { ResourceTypeId } from '../../scim/schema';
import { filterAttributeResolver } from './json-attributes';
import { getService } from '../../utils/get-service';
import { indexPredicateSubquery } from './index-filter-sql';
import { hasJsonPredicate, resolveJsonPredicates } from './json-filter-sql';
import { membershipPredicateSubquery } from './membership-filter-sql';
import { jsonSortPage, type IdPage } from './json-sort';
import type { RowQuery } from './row-query';

/** A page request compiled for one table: the where-clause of the filter, the order, the page. */
export interface ListQuery {
  /** Set when the order is not a column's: picks the page's ids, in order (json-sort.ts). */
  idPage?: IdPage;
  /** A compiled filter with its JSON predicates resolved to subqueries (compileListFilter). */
  where: Record<string, unknown>;
  orderBy: Record<string, 'asc' | 'desc'>[];
  offset: number;
  limit: number;
}

/** Escapes LIKE wildcards itself from 5.54 on; older releases refuse such filter values instead. */
const likeWildcardMode = (strapi: Core.Strapi): 'escapedByEngine' | 'reject' => {
  // Configuration is whatever the host app and Strapi put there, not necessarily a string.
  const version: unknown = strapi.config.get('info.strapi', '5.54.0');
  const [major, minor] = String(version).split('.').map(Number);
  return major > 5 || (major === 5 && minor >= 54) ? 'escapedByEngine' : 'reject';
};

/** A NUL in a compared value would make PostgreSQL refuse the query; no stored value holds one. */
const assertNoNul = (filter: Filter): void => {
  switch (filter.op) {
    case 'and':
    case 'or':
      assertNoNul(filter.left);
      assertNoNul(filter.right);
      return;
    case 'not':
    case 'valuePath':
      assertNoNul(filter.filter);
      return;
    case 'pr':
      return;
    default:
      if (typeof filter.value === 'string' && filter.value.includes('\u0000')) {
        throw ScimError.badRequest('invalidFilter', 'A filter value cannot contain U+0000');
      }
  }
};

/** What a list filter is compiled against: the resource type's columns and its stored rows. */
export interface FilterTarget {
  resourceType: ResourceTypeId;
  /** The content type whose rows hold the resources (attributes without a column are read from its JSON). */
  uid: string;
  columns: ColumnMap;
  coreSchema: string;
}

/**
 * The where-object of a list filter for Strapi's query engine: columns where the attribute has one,
 * `id IN (subquery)` for the rest of the schema: on the memberships for a Group's `members` and a User's `groups`
 * (membership-filter-sql.ts), on the attribute index for indexed attributes whose back-fill is complete
 * (index-filter-sql.ts), on the JSON functions otherwise (json-filter-sql.ts).
 */
export const compileListFilter = async (
  strapi: Core.Strapi,
  filter: string | undefined,
  target: FilterTarget,
  log?: QuirkLog,
): Promise<Record<string, unknown>> => {
  if (!filter) return {};
  const parsed = parseFilter(filter, undefined, log);
  assertNoNul(parsed);
  const where = compileFilter(parsed, {
    columns: target.columns,
    coreSchema: target.coreSchema,
    likeWildcards: likeWildcardMode(strapi),
    likeIgnoresCase: strapi.db.dialect.client === 'sqlite',
    jsonAttributes: filterAttributeResolver(target.resourceType),
    log,
  });
  if (!hasJsonPredicate(where)) return resolveJsonPredicates(strapi, target.uid, where);
  const leaves = await getService(strapi, 'attributeIndexBuilds').readyLeaves(target.resourceType);
  const ready = { resourceType: target.resourceType, leaves };
  return resolveJsonPredicates(
    strapi,
    target.uid,
    where,
    (predicate) =>
      membershipPredicateSubquery(strapi, target.uid, predicate) ?? indexPredicateSubquery(strapi, predicate, ready),
  );
};

/**
 * ORDER BY for sortBy/sortOrder; the row id breaks ties so pages never overlap. An attribute with a column
 * sorts in the page query; a singular attribute without one sorts through an id page (json-sort.ts).
 */
export const listOrder = (
  strapi: Core.Strapi,
  target: FilterTarget,
  sort: Sort | undefined,
): Pick<ListQuery, 'orderBy' | 'idPage'> => {
  if (!sort) return { orderBy: [{ id: 'asc' }] };
  const path = sort.attribute.path;
  // `path` is the client's sortBy: the map need not hold it.
  const mapping =
    (target.columns[path] as FilterableAttribute | undefined) ??
    Object.entries(target.columns).find(([key]) => key.toLowerCase() === path.toLowerCase())?.[1];
  if (mapping && !('relation' in mapping)) {
    return { orderBy: [{ [mapping.column]: sort.order === 'descending' ? 'desc' : 'asc' }, { id: 'asc' }] };
  }
  const idPage = mapping ? undefined : jsonSortPage(strapi, target.resourceType, target.uid, sort);
  if (!idPage) {
    throw ScimError.badRequest(
      'invalidValue',
      `Cannot sort by '${sort.attribute.qualifiedPath}': only singular string and boolean attributes of the stored resource can be sorted by`,
    );
  }
  return { orderBy: [{ id: 'asc' }], idPage };
};

/**
 * A page of rows and the total. The count query is skipped when the first page is not full, where the total is
 * the page's length: every identity-provider lookup (`userName eq`, `displayName eq`) is such a page.
 */
export const readPage = async <Row>(
  query: Pick<RowQuery<Row>, 'findMany' | 'count'>,
  select: string[],
  { where, orderBy, offset, limit, idPage }: ListQuery,
): Promise<{ rows: Row[]; total: number }> => {
  const rows: Row[] = limit > 0 ? await pageRows(query, select, { where, orderBy, offset, limit, idPage }) : [];
  if (offset === 0 && rows.length < limit) return { rows, total: rows.length };
  return { rows, total: Number(await query.count({ where })) };
};

const pageRows = async <Row>(
  query: Pick<RowQuery<Row>, 'findMany'>,
  select: string[],
  { where, orderBy, offset, limit, idPage }: ListQuery,
): Promise<Row[]> => {
  if (!idPage) return query.findMany({ select, where, orderBy, offset, limit });
  const ids = await idPage(where, offset, limit);
  if (ids.length === 0) return [];
  const rows = (await query.findMany({ select, where: { id: { $in: ids } } })) as (Row & { id: number | string })[];
  const byId = new Map(rows.map((row) => [Number(row.id), row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
};
