import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useRef, useState } from 'react';
import { groupsUrl, type ProvisionedGroupList } from './groupsQuery';
import { useLoaded } from './useLoaded';

const SEARCH_PAGE_SIZE = 20;
const DEBOUNCE_MS = 250;

/**
 * Searches the provisioned groups by displayName prefix on the server, for the group picker. Typing is
 * debounced; only the newest request's answer is kept. Nothing is fetched before the first search.
 */
export const useGroupSearch = () => {
  const { get } = useFetchClient();
  // An object, so that searching the same text again (e.g. when the list opens) loads again.
  const [query, setQuery] = useState<{ text: string } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const fetchGroups = useCallback(async () => {
    const response = await get<{ data: ProvisionedGroupList }>(
      groupsUrl({ search: query?.text, pageSize: SEARCH_PAGE_SIZE }),
    );
    return response.data.data.results;
  }, [get, query]);
  const { data, status } = useLoaded(fetchGroups, query !== null);

  /** `immediate` skips the debounce, e.g. when the list opens. */
  const search = useCallback((text: string, immediate = false) => {
    clearTimeout(timer.current);
    if (immediate) setQuery({ text });
    else timer.current = setTimeout(() => setQuery({ text }), DEBOUNCE_MS);
  }, []);

  useEffect(() => () => clearTimeout(timer.current), []);

  const failed = status === 'error';
  return { results: failed ? [] : (data ?? []), isLoading: query !== null && status === 'loading', failed, search };
};
