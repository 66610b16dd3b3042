import type { ActivityFilters } from '../types';

export const ACTIVITY_PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_ACTIVITY_PAGE_SIZE = 20;

export const FILTER_KEYS = ['outcome', 'resourceType', 'mode', 'search', 'from', 'to'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A `YYYY-MM-DD` day as the instant it starts in the admin's time zone, `days` later. */
const startOfDay = (day: string, days = 0) => {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date + days).toISOString();
};

/** `YYYY-MM-DD` of a date in the admin's time zone. */
export const dayOf = (date: Date) =>
  `${String(date.getFullYear())}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** Reads the filters from the page's URL, leaving out what is empty or malformed. */
export const filtersFromUrl = (params: URLSearchParams): ActivityFilters => {
  const filters: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value && ((key !== 'from' && key !== 'to') || DAY.test(value))) filters[key] = value;
  }
  return filters;
};

/** The page size from the URL when it is one the page offers. */
export const pageSizeFromUrl = (params: URLSearchParams): number => {
  const size = Number(params.get('pageSize'));
  return (ACTIVITY_PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_ACTIVITY_PAGE_SIZE;
};

/**
 * The API's filter parameters (it validates its query strictly: only what is set is sent). Days become instants:
 * `from` the start of its day, `to` the start of the day after, so both days are included.
 */
export const activityFilterParams = (filters: ActivityFilters): URLSearchParams => {
  const params = new URLSearchParams();
  for (const key of ['outcome', 'resourceType', 'mode', 'search'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (filters.from) params.set('from', startOfDay(filters.from));
  if (filters.to) params.set('to', startOfDay(filters.to, 1));
  return params;
};

/** The list's query: a page of the filtered entries. */
export const activityQuery = (page: number, pageSize: number, filters: ActivityFilters) => {
  const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  for (const [key, value] of activityFilterParams(filters)) params.set(key, value);
  return params.toString();
};
