import type { Core } from '@strapi/strapi';
import { ScimError } from '../../scim/errors';
import { memberIds } from '../../scim/patch';
import { projectResource, type ProjectionRequest } from '../../scim/projection';
import type { ScimResource } from '../../scim/resource';
import { GROUP_SCHEMA_URN } from '../../scim/schema';
import {
  findMemberUsers,
  lockChangedMembers,
  nameIds,
  refuseNestedGroups,
  resolveMemberUsers,
} from '../group-member-users';
import { createHostUsers } from '../host-users';
import { memberScopeOf, type MemberScope } from '../member-patch-scope';
import { GROUP_COLUMN_MAP } from '../store/group-columns';
import { loadGroupMembers } from '../store/group-members';
import { SCIM_GROUP_UID, createGroupRepository, type ScimGroupRow } from '../store/group-repository';
import { createMemberUserLookup, type MemberUser } from '../store/member-users';
import { createMembershipRepository } from '../store/membership-repository';
import { groupMember, serializeGroup, type GroupMember } from '../store/serialize-group';
import type { ResourceType } from './resource-type';

/** The member rows a write adds and removes; the users added are looked up already. */
interface MemberChange {
  added: MemberUser[];
  removedRefs: number[];
  /** Member ids a PATCH add named that are no User (skipped). */
  skipped: string[];
  /** After a POST or PUT: every member, in the order the client listed them. */
  members?: MemberUser[];
}

/** Member ids may arrive in another case than stored (a `members[value eq "..."]` filter ignores case); ours are lower-case UUIDs. */
const withLowerCaseVariants = (ids: readonly string[]): string[] => [
  ...new Set([...ids, ...ids.map((id) => id.toLowerCase())]),
];

/** Whether a projection keeps a Group's `members`: when it does not, the membership table is not read. */
const keepsMembers = (request: ProjectionRequest): boolean =>
  'members' in projectResource('Group', { schemas: [GROUP_SCHEMA_URN], members: [{ value: '' }] }, request);

/**
 * SCIM Groups over scim_groups: displayName unique without case, members as rows of scim_memberships changed
 * by inserts and deletes, never by rewriting the list; a mapped group's member changes recompute host roles.
 */
export const createGroupType = (strapi: Core.Strapi): ResourceType<ScimGroupRow, MemberChange> => {
  const repository = createGroupRepository(strapi);
  const memberships = createMembershipRepository(strapi);
  const users = createMemberUserLookup(strapi);
  const hostUsers = createHostUsers(strapi);

  /** The current members a PATCH must see (see member-patch-scope.ts); never more than it names unless it must. */
  const membersInScope = async (groupRef: number, scope: MemberScope): Promise<MemberUser[]> => {
    if (scope.kind === 'none') return [];
    if (scope.kind === 'all') return users.byIds(await memberships.userRefsOf(groupRef));
    const named = await users.byScimIds(withLowerCaseVariants(scope.ids));
    const present = new Set(
      await memberships.membersAmong(
        groupRef,
        named.map((user) => user.id),
      ),
    );
    return named.filter((user) => present.has(user.id));
  };

  return {
    name: 'Group',
    endpoint: 'Groups',
    schemaUrn: GROUP_SCHEMA_URN,
    uid: SCIM_GROUP_UID,
    columns: GROUP_COLUMN_MAP,
    repository,
    uniqueName: {
      of: (resource) => String(resource.displayName),
      ofRow: (row) => row.displayName,
      holder: (displayName) => repository.findByDisplayName(displayName),
      conflict: (displayName) =>
        ScimError.conflict(
          `A group with displayName "${displayName}" already exists (displayName is compared without case)`,
        ),
    },
    accept(resource) {
      refuseNestedGroups(resource);
      return resource;
    },
    replacedAttributes: (_current, _saved, resource) => Object.keys(resource).filter((key) => key !== 'schemas'),

    /** POST and PUT: members must be Users; a PUT's new member list is diffed against the member rows. */
    async plan(resource, current) {
      const members = await resolveMemberUsers(users, memberIds(resource));
      if (current === null) return { added: members, removedRefs: [], skipped: [], members };
      const wanted = new Set(members.map((user) => user.id));
      const existing = await memberships.userRefsOf(current.id);
      const existingSet = new Set(existing);
      return {
        added: members.filter((user) => !existingSet.has(user.id)),
        removedRefs: existing.filter((ref) => !wanted.has(ref)),
        skipped: [],
        members,
      };
    },

    /** The stored resource plus only the members the operations name (all of them only when they must). */
    async patchBase(current, operations) {
      const members = await membersInScope(current.id, memberScopeOf(operations));
      const resource: ScimResource = { ...current.resource, id: current.scimId };
      if (members.length > 0) resource.members = members.map((user) => ({ value: user.scimId, type: 'User' }));
      return { resource, members };
    },

    async planPatch(patched, changes, base, { log }) {
      if (changes.attributes.length === 0) return 'unchanged';
      refuseNestedGroups(patched, changes.membersAdded);
      // An add naming an id that is no User (deleted since, or never ours) skips that id and keeps the rest,
      // so one stale id does not fail a batch of member changes that the identity provider would retry whole.
      const { found, missing } = await findMemberUsers(users, changes.membersAdded);
      if (missing.length > 0) log.fire('group-member-unknown-id-skipped');
      const refOf = new Map(base.members.map((user) => [user.scimId, user.id]));
      return {
        added: found,
        removedRefs: changes.membersRemoved.map((scimId) => refOf.get(scimId) as number),
        skipped: missing,
      };
    },

    /** Member rows change under the users' row locks, taken once, which the host role sync relies on. */
    async apply(row, { added, removedRefs, skipped, members }, _current, { mode }) {
      await lockChangedMembers(users, added, removedRefs);
      await memberships.remove(row.id, removedRefs);
      const addedRefs = added.map((user) => user.id);
      await memberships.add(row.id, addedRefs);
      const hostAction = await hostUsers.syncMemberRoles(row.scimId, [...removedRefs, ...addedRefs], mode);
      const detail = skipped.length > 0 ? `Skipped members that are no User: ${nameIds(skipped)}` : null;
      return { row, members, hostAction, detail };
    },

    async detach(row, mode) {
      const members = await memberships.userRefsOf(row.id);
      await lockChangedMembers(users, [], members);
      await memberships.removeGroup(row.id);
      return hostUsers.syncMemberRoles(row.scimId, members, mode);
    },

    /** Members are read only when the projection keeps them, and not at all when the write knows them. */
    async present(rows, endpointUrl, request, written) {
      let members: Map<number, GroupMember[]> | undefined;
      if (keepsMembers(request)) {
        members = written?.members
          ? new Map(rows.map((row) => [row.id, (written.members ?? []).map((user) => groupMember(user, endpointUrl))]))
          : await loadGroupMembers(
              strapi,
              rows.map((row) => row.id),
              endpointUrl,
            );
      }
      return rows.map((row) =>
        projectResource('Group', serializeGroup(row, endpointUrl, members?.get(row.id)), request),
      );
    },
  };
};
