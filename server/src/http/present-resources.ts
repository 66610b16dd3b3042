import type { Core } from '@strapi/strapi';
import { projectResource, type ProjectionRequest } from '../scim/projection';
import { GROUP_SCHEMA_URN, USER_SCHEMA_URN } from '../scim/schema';
import type { ScimGroupRow } from '../services/store/group-repository';
import { serializeGroup } from '../services/store/serialize-group';
import { serializeUser } from '../services/store/serialize-user';
import { groupsOfUsers } from '../services/store/user-groups';
import type { ScimUserRow } from '../services/store/user-repository';
import { getService } from '../utils/get-service';

/** Whether a projection keeps a User's `groups`: when it does not, the membership table is not read. */
export const keepsGroups = (request: ProjectionRequest): boolean =>
  'groups' in projectResource('User', { schemas: [USER_SCHEMA_URN], groups: [{ value: '' }] }, request);

/** Whether a projection keeps a Group's `members`: when it does not, the membership table is not read. */
export const keepsMembers = (request: ProjectionRequest): boolean =>
  'members' in projectResource('Group', { schemas: [GROUP_SCHEMA_URN], members: [{ value: '' }] }, request);

/** A page of users as the client asked for them: two membership queries at most, none without `groups`. */
export const presentUsers = async (
  strapi: Core.Strapi,
  rows: ScimUserRow[],
  endpointUrl: string,
  request: ProjectionRequest,
  { isNew = false }: { isNew?: boolean } = {},
): Promise<Record<string, unknown>[]> => {
  // A user created by this request belongs to no group yet: no membership query.
  const groups = keepsGroups(request) && !isNew
    ? await groupsOfUsers(strapi, rows.map((row) => row.id), endpointUrl)
    : undefined;
  return rows.map((row) => projectResource('User', serializeUser(row, endpointUrl, groups?.get(row.id)), request));
};

/** A page of groups as the client asked for them; members are read only when the projection keeps them. */
export const presentGroups = async (
  strapi: Core.Strapi,
  rows: ScimGroupRow[],
  endpointUrl: string,
  request: ProjectionRequest,
): Promise<Record<string, unknown>[]> => {
  const members = keepsMembers(request) ? await getService(strapi, 'groups').members(rows, endpointUrl) : undefined;
  return rows.map((row) => projectResource('Group', serializeGroup(row, endpointUrl, members?.get(row.id)), request));
};
