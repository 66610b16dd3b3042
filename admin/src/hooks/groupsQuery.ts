import { PLUGIN_ID } from '../pluginId';
import type { ProvisionedGroupResponse } from '../types';

/** The API caps `pageSize` at 100. */
export const GROUPS_MAX_PAGE_SIZE = 100;

/** `GET /scim/groups` validates its query strictly: `search` is sent only when there is text to search. */
export const groupsUrl = ({ search, page = 1, pageSize }: { search?: string; page?: number; pageSize: number }) => {
  const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  const text = search?.trim();
  if (text) params.set('search', text);
  return `/${PLUGIN_ID}/groups?${params.toString()}`;
};

export interface ProvisionedGroupList {
  results: ProvisionedGroupResponse[];
  pagination: { page: number; pageSize: number; total: number };
}
