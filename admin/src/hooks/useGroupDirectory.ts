import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LoadStatus, ProvisionedGroupResponse } from '../types';
import { GROUPS_MAX_PAGE_SIZE, groupsUrl, type ProvisionedGroupList } from './groupsQuery';

export type GroupLookup = { state: 'found'; displayName: string } | { state: 'deleted' } | { state: 'unknown' };

interface DirectoryState {
  status: LoadStatus;
  names: Record<string, string>;
  /** Mapped ids that no page of the provisioned groups holds: their group was deleted. */
  deleted: ReadonlySet<string>;
  /** How many groups are provisioned; 0 means none at all. */
  total: number;
}

const INITIAL: DirectoryState = { status: 'loading', names: {}, deleted: new Set(), total: 0 };

/**
 * The display names of the mapped groups. The API lists groups by name only, so it reads pages of 100 until
 * every mapped id is found or the list ends; usually the first page is enough. A mapped id still missing then
 * belongs to a deleted group. Groups picked later are added with `remember`, so the ids are read once, on mount.
 */
export const useGroupDirectory = (groupIds: string[]) => {
  const { get } = useFetchClient();
  const [state, setState] = useState<DirectoryState>(INITIAL);
  const idsRef = useRef(groupIds);
  idsRef.current = groupIds;
  const latest = useRef(0);

  const load = useCallback(async () => {
    const request = ++latest.current;
    setState((current) => ({ ...current, status: 'loading' }));
    try {
      const wanted = new Set(idsRef.current);
      const names: Record<string, string> = {};
      let page = 1;
      let total = 0;
      for (;;) {
        const response = await get<{ data: ProvisionedGroupList }>(groupsUrl({ page, pageSize: GROUPS_MAX_PAGE_SIZE }));
        const { results, pagination } = response.data.data;
        total = pagination.total;
        for (const group of results) names[group.id] = group.displayName;
        const missing = [...wanted].some((id) => !(id in names));
        if (!missing || results.length === 0 || page * GROUPS_MAX_PAGE_SIZE >= total) break;
        page += 1;
      }
      if (request !== latest.current) return;
      const deleted = new Set([...wanted].filter((id) => !(id in names)));
      setState({ status: 'ready', names, deleted, total });
    } catch {
      if (request === latest.current) setState((current) => ({ ...current, status: 'error' }));
    }
  }, [get]);

  useEffect(() => {
    void load();
  }, [load]);

  const remember = useCallback((group: ProvisionedGroupResponse) => {
    setState((current) => {
      const deleted = new Set(current.deleted);
      deleted.delete(group.id);
      return {
        ...current,
        names: { ...current.names, [group.id]: group.displayName },
        deleted,
        total: Math.max(current.total, 1),
      };
    });
  }, []);

  const lookup = useCallback(
    (groupId: string): GroupLookup => {
      if (groupId in state.names) return { state: 'found', displayName: state.names[groupId] };
      if (state.status === 'ready' && state.deleted.has(groupId)) return { state: 'deleted' };
      return { state: 'unknown' };
    },
    [state],
  );

  return { status: state.status, total: state.total, lookup, remember, reload: load };
};
