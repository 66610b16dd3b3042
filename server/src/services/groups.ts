import type { Core } from '@strapi/strapi';
import { ScimError } from '../scim/errors';
import { ifMatchAllows } from '../scim/etag';
import type { Sort } from '../scim/list';
import { applyPatch, memberIds, parseOperations } from '../scim/patch';
import { QuirkLog, type QuirkId } from '../scim/quirks';
import { validateResource, type ScimResource } from '../scim/resource';
import { GROUP_SCHEMA_URN } from '../scim/schema';
import type { ActivityInput, ActivityService } from './activity';
import { findMemberUsers, lockChangedMembers, nameIds, refuseNestedGroups, resolveMemberUsers } from './group-member-users';
import type { HostMode, UsersService } from './users';
import { PLUGIN_ID } from '../constants';
import { memberScopeOf, type MemberScope } from './member-patch-scope';
import { GROUP_COLUMN_MAP } from './store/group-columns';
import { loadGroupMembers } from './store/group-members';
import { createGroupRepository, type ScimGroupRow } from './store/group-repository';
import { compileListFilter, listOrderBy } from './store/list-query';
import { createMemberUserLookup, type MemberUser } from './store/member-users';
import { createMembershipRepository } from './store/membership-repository';
import type { GroupMember } from './store/serialize-group';
import { isUniqueViolation } from './store/unique-violation';

export interface GroupWriteResult {
  row: ScimGroupRow;
  /** The members after a POST or PUT, in the order the client listed them (a PATCH leaves them unloaded). */
  members?: MemberUser[];
  quirks: QuirkId[];
}

export interface GroupListRequest {
  filter?: string;
  sort?: Sort;
  startIndex: number;
  count: number;
}

const duplicateDisplayName = (displayName: unknown) =>
  ScimError.conflict(
    `A group with displayName "${String(displayName)}" already exists (displayName is compared without case)`,
  );

const notFound = (id: string) => ScimError.notFound(`No Group with id "${id}"`);

const rethrowDuplicate =
  (displayName: unknown) =>
  (error: unknown): never => {
    if (isUniqueViolation(error)) throw duplicateDisplayName(displayName);
    throw error;
  };

/** Member ids may arrive in another case than stored (a `members[value eq "..."]` filter ignores case); ours are lower-case UUIDs. */
const withLowerCaseVariants = (ids: readonly string[]): string[] => [
  ...new Set([...ids, ...ids.map((id) => id.toLowerCase())]),
];

/** SCIM Groups: validation, displayName uniqueness, member rows and optimistic concurrency over scim_groups. */
const createGroupsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const groups = createGroupRepository(strapi);
  const memberships = createMembershipRepository(strapi);
  const users = createMemberUserLookup(strapi);

  const loadForWrite = async (id: string, ifMatch: string | undefined): Promise<ScimGroupRow> => {
    const row = await groups.lockByScimId(id);
    if (!row) throw notFound(id);
    if (!ifMatchAllows(ifMatch, row.version)) {
      throw new ScimError(412, `The Group "${id}" has changed since the version given in If-Match`);
    }
    return row;
  };

  const assertDisplayNameFree = async (displayName: unknown, self?: ScimGroupRow): Promise<void> => {
    if (self && String(displayName).toLowerCase() === self.displayName.toLowerCase()) return;
    const other = await groups.findByDisplayName(String(displayName));
    if (other && other.id !== self?.id) throw duplicateDisplayName(displayName);
  };

  const saveReplacement = async (row: ScimGroupRow, resource: ScimResource): Promise<ScimGroupRow> => {
    await assertDisplayNameFree(resource.displayName, row);
    const saved = await groups.replace(row, resource);
    if (!saved) throw new ScimError(412, `The Group "${row.scimId}" was changed by another request; retry`);
    return saved;
  };

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

  const usersService = () => strapi.plugin(PLUGIN_ID).service('users') as UsersService;
  const record = (entry: Omit<ActivityInput, 'resourceType' | 'outcome' | 'status'> & { status?: number }) =>
    (strapi.plugin(PLUGIN_ID).service('activity') as ActivityService).record({
      resourceType: 'Group',
      outcome: 'success',
      status: 200,
      ...entry,
    });
  const modeName = (mode: HostMode) => (mode.productionMode ? 'production' : 'test');
  /**
   * Membership changes of a mapped group recompute the members' host roles in the same transaction
   * (production mode). Membership in an unmapped group changes nobody's roles, so nothing is written.
   */
  const afterMembershipChange = async (groupId: string, userRefs: number[], mode: HostMode): Promise<string | null> => {
    const mapped = mode.groupRoleMappings.some((mapping) => mapping.groupId === groupId);
    if (userRefs.length === 0 || !mapped) return null;
    if (!mode.productionMode) return `test mode: would recompute the roles of ${userRefs.length} member(s)`;
    await usersService().syncRoles(userRefs, mode);
    return `recomputed the roles of ${userRefs.length} member(s)`;
  };

  return {
    async create(body: unknown, mode: HostMode): Promise<GroupWriteResult> {
      const { resource, quirks } = validateResource('Group', body);
      refuseNestedGroups(resource);
      const { row, members } = await strapi.db
        .transaction(async () => {
          await assertDisplayNameFree(resource.displayName);
          const members = await resolveMemberUsers(users, memberIds(resource));
          await lockChangedMembers(users, members, []);
          const row = await groups.insert(resource);
          const added = members.map((user) => user.id);
          await memberships.add(row.id, added);
          const hostAction = await afterMembershipChange(row.scimId, added, mode);
          await record({
            method: 'POST',
            operation: 'create',
            status: 201,
            mode: modeName(mode),
            quirks,
            resourceId: row.scimId,
            resourceName: row.displayName,
            changes: Object.keys(resource).filter((key) => key !== 'schemas'),
            hostAction,
          });
          return { row, members };
        })
        .catch(rethrowDuplicate(resource.displayName));
      return { row, members, quirks };
    },

    async get(id: string): Promise<ScimGroupRow> {
      const row = await groups.findByScimId(id);
      if (!row) throw notFound(id);
      return row;
    },

    /** Members of a page of groups for serialization; call it only when the projection keeps `members`. */
    members: (rows: readonly ScimGroupRow[], endpointUrl: string): Promise<Map<number, GroupMember[]>> =>
      loadGroupMembers(
        strapi,
        rows.map((row) => row.id),
        endpointUrl,
      ),

    list(request: GroupListRequest, log?: QuirkLog): Promise<{ rows: ScimGroupRow[]; total: number }> {
      return groups.list({
        where: compileListFilter(strapi, request.filter, GROUP_COLUMN_MAP, GROUP_SCHEMA_URN, log),
        orderBy: listOrderBy(GROUP_COLUMN_MAP, request.sort),
        offset: request.startIndex - 1,
        limit: request.count,
      });
    },

    /** PUT: the new member list is diffed against the member rows, and only the difference is written. */
    async replace(id: string, body: unknown, mode: HostMode, ifMatch?: string): Promise<GroupWriteResult> {
      const { resource, quirks } = validateResource('Group', body);
      refuseNestedGroups(resource);
      const { row, members } = await strapi.db
        .transaction(async () => {
          const current = await loadForWrite(id, ifMatch);
          const members = await resolveMemberUsers(users, memberIds(resource));
          const wanted = new Set(members.map((user) => user.id));
          const existing = await memberships.userRefsOf(current.id);
          const existingSet = new Set(existing);
          const row = await saveReplacement(current, resource);
          const removed = existing.filter((ref) => !wanted.has(ref));
          const added = [...wanted].filter((ref) => !existingSet.has(ref));
          await lockChangedMembers(
            users,
            members.filter((user) => !existingSet.has(user.id)),
            removed,
          );
          await memberships.remove(current.id, removed);
          await memberships.add(current.id, added);
          const hostAction = await afterMembershipChange(id, [...removed, ...added], mode);
          await record({
            method: 'PUT',
            operation: 'replace',
            mode: modeName(mode),
            quirks,
            resourceId: id,
            resourceName: row.displayName,
            changes: Object.keys(resource).filter((key) => key !== 'schemas'),
            hostAction,
          });
          return { row, members };
        })
        .catch(rethrowDuplicate(resource.displayName));
      return { row, members, quirks };
    },

    /**
     * PATCH: applyPatch runs on the stored resource plus only the members the operations name (all of them
     * only for a members replace or a bare members remove); `changes.membersAdded/membersRemoved` become
     * row inserts and deletes. A PATCH that changes nothing writes nothing and keeps the version.
     */
    async patch(id: string, body: unknown, mode: HostMode, ifMatch?: string): Promise<GroupWriteResult> {
      const log = new QuirkLog();
      const scope = memberScopeOf(parseOperations(body, new QuirkLog()));
      let displayName: unknown;
      const row = await strapi.db
        .transaction(async () => {
          const current = await loadForWrite(id, ifMatch);
          const known = await membersInScope(current.id, scope);
          const before: ScimResource = { ...current.resource, id: current.scimId };
          if (known.length > 0) before.members = known.map((user) => ({ value: user.scimId, type: 'User' }));
          const { resource, changes } = applyPatch('Group', before, body, { log });
          displayName = resource.displayName;
          if (changes.attributes.length === 0) return current;
          refuseNestedGroups(resource, changes.membersAdded);
          // An add naming an id that is no User (deleted since, or never ours) skips that id and keeps the rest,
          // so one stale id does not fail a batch of member changes that the identity provider would retry whole.
          const { found: added, missing } = await findMemberUsers(users, changes.membersAdded);
          if (missing.length > 0) log.fire('group-member-unknown-id-skipped');
          const refOf = new Map(known.map((user) => [user.scimId, user.id]));
          const { id: _id, ...attributes } = resource;
          const saved = await saveReplacement(current, attributes as ScimResource);
          const removedRefs = changes.membersRemoved.map((scimId) => refOf.get(scimId) as number);
          const addedRefs = added.map((user) => user.id);
          await lockChangedMembers(users, added, removedRefs);
          await memberships.remove(current.id, removedRefs);
          await memberships.add(current.id, addedRefs);
          const hostAction = await afterMembershipChange(id, [...removedRefs, ...addedRefs], mode);
          await record({
            method: 'PATCH',
            operation: 'patch',
            mode: modeName(mode),
            quirks: log.list(),
            resourceId: id,
            resourceName: saved.displayName,
            changes: changes.attributes,
            hostAction,
            detail: missing.length > 0 ? `Skipped members that are no User: ${nameIds(missing)}` : null,
          });
          return saved;
        })
        .catch((error: unknown) => rethrowDuplicate(displayName)(error));
      return { row, quirks: log.list() };
    },

    async remove(id: string, mode: HostMode, ifMatch?: string): Promise<void> {
      await strapi.db.transaction(async () => {
        const row = await loadForWrite(id, ifMatch);
        const members = await memberships.userRefsOf(row.id);
        await lockChangedMembers(users, [], members);
        await memberships.removeGroup(row.id);
        await groups.remove(row);
        const hostAction = await afterMembershipChange(id, members, mode);
        await record({
          method: 'DELETE',
          operation: 'delete',
          status: 204,
          mode: modeName(mode),
          resourceId: id,
          resourceName: row.displayName,
          hostAction,
        });
      });
    },
  };
};

export type GroupsService = ReturnType<typeof createGroupsService>;
export default createGroupsService;
