import { etagFromVersion } from '../../scim/etag';
import type { UserGroup } from './user-groups';
import type { ScimUserRow } from './user-repository';

/** The stored row as the SCIM User resource a client sees (before attribute projection). */
export const serializeUser = (
  row: ScimUserRow,
  endpointUrl: string,
  groups: UserGroup[] = [],
): Record<string, unknown> => ({
  ...row.resource,
  id: row.scimId,
  groups,
  meta: {
    resourceType: 'User',
    created: new Date(row.createdAt).toISOString(),
    lastModified: new Date(row.updatedAt).toISOString(),
    location: `${endpointUrl}/Users/${row.scimId}`,
    version: etagFromVersion(row.version),
  },
});
