import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useState } from 'react';
import { PLUGIN_ID } from '../pluginId';
import type { ActivityFilters, ActivityListResponse } from '../types';
import { SUPERSEDED, useLoaded } from './useLoaded';

const ACTIVITY_URL = `/${PLUGIN_ID}/activity`;
export const ACTIVITY_PAGE_SIZE = 20;

/** The API validates its query strictly: only the filters that are set are sent. */
export const activityQuery = (page: number, filters: ActivityFilters) => {
  const params = new URLSearchParams({ page: String(page), pageSize: String(ACTIVITY_PAGE_SIZE) });
  for (const key of ['outcome', 'resourceType', 'mode'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params.toString();
};

/**
 * Loads one page of the activity log for the current filters (mount it only once the permission is known). Changing a filter goes back
 * to page 1. While a page reloads the previous one stays shown; only the newest request's answer is kept.
 */
export const useScimActivity = () => {
  const { get } = useFetchClient();
  const [filters, setFilters] = useState<ActivityFilters>({});
  const [page, setPage] = useState(1);

  const fetchPage = useCallback(
    async (isLatest: () => boolean) => {
      const response = await get<{ data: ActivityListResponse }>(`${ACTIVITY_URL}?${activityQuery(page, filters)}`);
      const list = response.data.data;
      // Entries can be pruned between two loads: past the last page, show the last one.
      if (list.results.length === 0 && page > 1 && list.pagination.pageCount < page) {
        if (isLatest()) setPage(Math.max(1, list.pagination.pageCount));
        return SUPERSEDED;
      }
      return list;
    },
    [get, page, filters],
  );
  const { data, status, reload } = useLoaded(fetchPage);

  const setFilter = useCallback(<K extends keyof ActivityFilters>(key: K, value: ActivityFilters[K] | undefined) => {
    // A cleared filter is left out, not kept as undefined: "filtered" means some key is present.
    setFilters(({ [key]: _previous, ...others }) => (value ? { ...others, [key]: value } : others));
    setPage(1);
  }, []);

  const clearFilters = useCallback(() => {
    setFilters({});
    setPage(1);
  }, []);

  return { data, status, reload, page, setPage, filters, setFilter, clearFilters };
};
