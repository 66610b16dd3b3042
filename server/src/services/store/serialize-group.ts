import { etagFromVersion } from '../../scim/etag';
import type { ScimGroupRow } from './group-repository';
import type { MemberUser } from './member-users';

/** A member as a client reads it back; `display` is the user's userName, the one name every User has. */
export interface GroupMember {
  value: string;
  display: string;
  $ref: string;
  type: 'User';
}

export const groupMember = (user: MemberUser, endpointUrl: string): GroupMember => ({
  value: user.scimId,
  display: user.userName,
  $ref: `${endpointUrl}/Users/${user.scimId}`,
  type: 'User',
});

/**
 * The stored row as the SCIM Group resource a client sees (before attribute projection). `members` is
 * left out when the caller did not load them because the projection drops them anyway.
 */
export const serializeGroup = (
  row: ScimGroupRow,
  endpointUrl: string,
  members?: GroupMember[],
): Record<string, unknown> => ({
  ...row.resource,
  id: row.scimId,
  ...(members === undefined ? {} : { members }),
  meta: {
    resourceType: 'Group',
    created: new Date(row.createdAt).toISOString(),
    lastModified: new Date(row.updatedAt).toISOString(),
    location: `${endpointUrl}/Groups/${row.scimId}`,
    version: etagFromVersion(row.version),
  },
});
