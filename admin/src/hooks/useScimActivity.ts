import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PLUGIN_ID } from '../pluginId';
import type { ActivityFilters, ActivityListResponse } from '../types';
import {
  activityQuery,
  DEFAULT_ACTIVITY_PAGE_SIZE,
  FILTER_KEYS,
  filtersFromUrl,
  pageSizeFromUrl,
} from './activityQuery';
import { SUPERSEDED, useLoaded } from './useLoaded';

export const ACTIVITY_URL = `/${PLUGIN_ID}/activity`;

/**
 * Loads one page of the activity log for the filters, page and page size held in the page's URL (so a filtered view
 * can be reloaded, bookmarked and shared; mount it only once the permission is known). Changing a filter or the
 * page size goes back to page 1. While a page reloads the previous one stays shown; only the newest request's
 * answer is kept.
 */
export const useScimActivity = () => {
  const { get } = useFetchClient();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromUrl(params), [params]);
  const pageSize = pageSizeFromUrl(params);
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);

  /** Changes some of the URL's parameters (undefined removes one), replacing the history entry. */
  const updateParams = useCallback(
    (changes: Record<string, string | undefined>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const setPage = useCallback(
    (next: number) => updateParams({ page: next > 1 ? String(next) : undefined }),
    [updateParams],
  );

  const fetchPage = useCallback(
    async (isLatest: () => boolean) => {
      const response = await get<{ data: ActivityListResponse }>(
        `${ACTIVITY_URL}?${activityQuery(page, pageSize, filters)}`,
      );
      const list = response.data.data;
      // Entries can be pruned between two loads: past the last page, show the last one.
      if (list.results.length === 0 && page > 1 && list.pagination.pageCount < page) {
        if (isLatest()) setPage(Math.max(1, list.pagination.pageCount));
        return SUPERSEDED;
      }
      return list;
    },
    [get, page, pageSize, filters, setPage],
  );
  const { data, status, reload } = useLoaded(fetchPage);

  const setFilter = useCallback(
    <K extends keyof ActivityFilters>(key: K, value: ActivityFilters[K] | undefined) =>
      updateParams({ [key]: value, page: undefined }),
    [updateParams],
  );
  const setPageSize = useCallback(
    (size: number) =>
      updateParams({ pageSize: size === DEFAULT_ACTIVITY_PAGE_SIZE ? undefined : String(size), page: undefined }),
    [updateParams],
  );
  const clearFilters = useCallback(
    () => updateParams(Object.fromEntries([...FILTER_KEYS, 'page'].map((key) => [key, undefined]))),
    [updateParams],
  );

  return { data, status, reload, page, setPage, pageSize, setPageSize, filters, setFilter, clearFilters };
};
