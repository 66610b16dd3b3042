import type { Core } from '@strapi/strapi';
import { ScimError } from '../../scim/errors';
import { diffResources } from '../../scim/patch';
import { projectResource, type ProjectionRequest } from '../../scim/projection';
import type { ScimResource } from '../../scim/resource';
import { USER_SCHEMA_URN } from '../../scim/schema';
import { createHostUsers } from '../host-users';
import { createMembershipRepository } from '../store/membership-repository';
import { serializeUser } from '../store/serialize-user';
import { USER_COLUMN_MAP } from '../store/user-columns';
import { groupsOfUsers } from '../store/user-groups';
import { SCIM_USER_UID, createUserRepository, type ScimUserRow } from '../store/user-repository';
import type { ResourceType } from './resource-type';

/** Passwords are never stored: the plugin does not support them (changePassword is off). */
const withoutPassword = (resource: ScimResource): ScimResource => {
  const { password: _ignored, ...rest } = resource;
  return rest;
};

/** Whether a projection keeps a User's `groups`: when it does not, the membership table is not read. */
const keepsGroups = (request: ProjectionRequest): boolean =>
  'groups' in projectResource('User', { schemas: [USER_SCHEMA_URN], groups: [{ value: '' }] }, request);

/** SCIM Users over scim_users: userName unique without case, each applied to a host user. */
export const createUserType = (strapi: Core.Strapi): ResourceType<ScimUserRow, null> => {
  const repository = createUserRepository(strapi);
  const hostUsers = createHostUsers(strapi);

  return {
    name: 'User',
    endpoint: 'Users',
    schemaUrn: USER_SCHEMA_URN,
    uid: SCIM_USER_UID,
    columns: USER_COLUMN_MAP,
    repository,
    uniqueName: {
      of: (resource) => String(resource.userName),
      ofRow: (row) => row.userName,
      holder: (userName) => repository.findByUserName(userName),
      conflict: (userName) =>
        ScimError.conflict(`A user with userName "${userName}" already exists (userName is compared without case)`),
    },
    accept: withoutPassword,
    replacedAttributes: (current, saved) => diffResources('User', current.resource, saved.resource).attributes,
    plan: () => Promise.resolve(null),
    patchBase: (current) => Promise.resolve({ resource: { ...current.resource, id: current.scimId }, members: [] }),
    planPatch: () => Promise.resolve(null),

    async apply(row, _plan, current, { mode }) {
      const linked = current === null ? await hostUsers.relinkReleased(row, mode) : row;
      return hostUsers.applyToHost(linked, mode);
    },

    async detach(row, mode) {
      const hostAction = await hostUsers.removeFromHost(row, mode);
      await createMembershipRepository(strapi).removeUser(row.id);
      return hostAction;
    },

    /**
     * Two membership queries at most, none without `groups`, none for users who never joined a group (a user
     * created by this request is one).
     */
    async present(rows, endpointUrl, request, written) {
      const grouped = rows.filter((row) => row.hasJoinedGroup !== false).map((row) => row.id);
      const groups =
        keepsGroups(request) && !written?.created && grouped.length > 0
          ? await groupsOfUsers(strapi, grouped, endpointUrl)
          : undefined;
      return rows.map((row) => projectResource('User', serializeUser(row, endpointUrl, groups?.get(row.id)), request));
    },
  };
};
