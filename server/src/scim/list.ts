import { ScimError } from './errors';
import { LIST_RESPONSE_URN, findAttribute, type ResolvedAttribute, type ResourceTypeId } from './schema';

/** ListResponse (RFC 7644 §3.4.2) and the query parameters that shape it: pagination (§3.4.2.4) and sorting (§3.4.2.3). */

export interface ListResponse<T> {
  schemas: [typeof LIST_RESPONSE_URN];
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  Resources: T[];
}

export const buildListResponse = <T>(
  resources: T[],
  page: { totalResults: number; startIndex: number },
): ListResponse<T> => ({
  schemas: [LIST_RESPONSE_URN],
  totalResults: page.totalResults,
  startIndex: page.startIndex,
  itemsPerPage: resources.length,
  Resources: resources,
});

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;
/**
 * The highest startIndex passed on: a larger one reads as this one. Past it no table has rows, so the page
 * is empty as RFC 7644 asks for startIndex > totalResults, and OFFSET (startIndex - 1) stays a 32-bit
 * integer that SQLite, PostgreSQL (bigint) and MariaDB all take (1e20 was a 500 on all three).
 */
export const MAX_START_INDEX = 2 ** 31 - 1;
/** An integer query value longer than this is refused before it is parsed (it is clamped anyway). */
const MAX_INTEGER_TEXT_LENGTH = 32;

export interface Pagination {
  /** 1-based index of the first result. */
  startIndex: number;
  /** Number of results to return; 0 asks only for totalResults. */
  count: number;
}

export interface PaginationOptions {
  defaultCount?: number;
  maxCount?: number;
}

/** Query values as a router hands them over: a string, repeated values as an array, or nothing. */
type QueryValue = unknown;

const singleQueryValue = (name: string, value: QueryValue): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value))
    throw ScimError.badRequest('invalidValue', `Query parameter '${name}' is given more than once`);
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- Strapi's qs parser turns `?count[a]=1` into an object, whose '[object Object]' text is refused like any other bad value
  const text = String(value).trim();
  return text === '' ? undefined : text;
};

const parseInteger = (name: string, value: QueryValue): number | undefined => {
  const text = singleQueryValue(name, value);
  if (text === undefined) return undefined;
  if (text.length > MAX_INTEGER_TEXT_LENGTH || !/^[+-]?\d+$/.test(text))
    throw ScimError.badRequest('invalidValue', `Query parameter '${name}' must be an integer`);
  return Number(text);
};

/**
 * startIndex < 1 is read as 1 and one above MAX_START_INDEX as MAX_START_INDEX, a negative count as 0, and
 * count is capped at the maximum (RFC 7644 §3.4.2.4).
 */
export const parsePagination = (
  query: { startIndex?: QueryValue; count?: QueryValue },
  options: PaginationOptions = {},
): Pagination => {
  const maxCount = options.maxCount ?? MAX_PAGE_SIZE;
  const startIndex = parseInteger('startIndex', query.startIndex) ?? 1;
  const count = parseInteger('count', query.count) ?? options.defaultCount ?? DEFAULT_PAGE_SIZE;
  return {
    startIndex: Math.min(Math.max(1, startIndex), MAX_START_INDEX),
    count: Math.min(Math.max(0, count), maxCount),
  };
};

export type SortOrder = 'ascending' | 'descending';

export interface Sort {
  attribute: ResolvedAttribute;
  order: SortOrder;
}

/**
 * Resolves sortBy through the schema. A multi-valued complex attribute sorts by its `value`
 * sub-attribute (RFC 7644 §3.4.2.3 sorts by the primary or first value); other complex attributes and
 * never-returned ones (password) cannot be sorted by. sortOrder without sortBy is ignored.
 */
export const parseSort = (
  resourceType: ResourceTypeId,
  query: { sortBy?: QueryValue; sortOrder?: QueryValue },
): Sort | undefined => {
  const sortBy = singleQueryValue('sortBy', query.sortBy);
  const sortOrder = singleQueryValue('sortOrder', query.sortOrder);
  let order: SortOrder = 'ascending';
  if (sortOrder !== undefined) {
    const lower = sortOrder.toLowerCase();
    if (lower !== 'ascending' && lower !== 'descending') {
      throw ScimError.badRequest('invalidValue', `sortOrder '${sortOrder}' must be 'ascending' or 'descending'`);
    }
    order = lower;
  }
  if (sortBy === undefined) return undefined;
  let attribute = findAttribute(resourceType, sortBy);
  if (attribute?.attribute.type === 'complex' && attribute.attribute.multiValued && !attribute.parent) {
    attribute = findAttribute(resourceType, `${attribute.qualifiedPath}.value`);
  }
  if (!attribute || attribute.attribute.type === 'complex' || attribute.attribute.returned === 'never') {
    throw ScimError.badRequest('invalidValue', `Cannot sort by '${sortBy}': not a sortable attribute`);
  }
  return { attribute, order };
};
