import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useRef } from 'react';
import type { ProvisionedGroupResponse } from '../types';
import { GROUPS_MAX_PAGE_SIZE, groupsUrl, type ProvisionedGroupList } from './groupsQuery';
import { useLoaded } from './useLoaded';

export type GroupLookup = { state: 'found'; displayName: string } | { state: 'deleted' } | { state: 'unknown' };

interface Directory {
  names: Record<string, string>;
  /** Mapped ids that no page of the provisioned groups holds: their group was deleted. */
  deleted: ReadonlySet<string>;
  /** How many groups are provisioned; 0 means none at all. */
  total: number;
}

/**
 * The display names of the mapped groups. The API lists groups by name only, so it reads pages of 100 until
 * every mapped id is found or the list ends; usually the first page is enough. A mapped id still missing then
 * belongs to a deleted group. Groups picked later are added with `remember`, so the ids are read once, on mount.
 */
export const useGroupDirectory = (groupIds: string[]) => {
  const { get } = useFetchClient();
  const idsRef = useRef(groupIds);
  // Declared before useLoaded, so a load started by its effect reads the ids of the same render.
  useEffect(() => {
    idsRef.current = groupIds;
  }, [groupIds]);

  const fetchDirectory = useCallback(async (): Promise<Directory> => {
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
    return { names, deleted: new Set([...wanted].filter((id) => !(id in names))), total };
  }, [get]);
  const { data, setData, status, reload } = useLoaded(fetchDirectory);

  const remember = useCallback(
    (group: ProvisionedGroupResponse) => {
      setData((current) => {
        const deleted = new Set(current?.deleted);
        deleted.delete(group.id);
        return {
          names: { ...current?.names, [group.id]: group.displayName },
          deleted,
          total: Math.max(current?.total ?? 0, 1),
        };
      });
    },
    [setData],
  );

  const lookup = useCallback(
    (groupId: string): GroupLookup => {
      if (data && groupId in data.names) return { state: 'found', displayName: data.names[groupId] };
      if (status === 'ready' && data?.deleted.has(groupId)) return { state: 'deleted' };
      return { state: 'unknown' };
    },
    [data, status],
  );

  return { status, total: data?.total ?? 0, lookup, remember, reload };
};
