import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProvisionedGroupResponse } from '../types';
import { groupsUrl, type ProvisionedGroupList } from './groupsQuery';

const SEARCH_PAGE_SIZE = 20;
const DEBOUNCE_MS = 250;

/**
 * Searches the provisioned groups by displayName prefix on the server, for the group picker. Typing is
 * debounced; only the newest request's answer is kept.
 */
export const useGroupSearch = () => {
  const { get } = useFetchClient();
  const [results, setResults] = useState<ProvisionedGroupResponse[]>([]);
  const [isLoading, setIsLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const run = useCallback(
    async (text: string) => {
      const request = ++latest.current;
      setIsLoading(true);
      try {
        const response = await get<{ data: ProvisionedGroupList }>(groupsUrl({ search: text, pageSize: SEARCH_PAGE_SIZE }));
        if (request !== latest.current) return;
        setResults(response.data.data.results);
        setFailed(false);
      } catch {
        if (request !== latest.current) return;
        setResults([]);
        setFailed(true);
      } finally {
        if (request === latest.current) setIsLoading(false);
      }
    },
    [get],
  );

  /** `immediate` skips the debounce, e.g. when the list opens. */
  const search = useCallback(
    (text: string, immediate = false) => {
      clearTimeout(timer.current);
      if (immediate) void run(text);
      else timer.current = setTimeout(() => void run(text), DEBOUNCE_MS);
    },
    [run],
  );

  useEffect(() => () => clearTimeout(timer.current), []);

  return { results, isLoading, failed, search };
};
