import type { Core } from '@strapi/strapi';
import { ScimError } from '../scim/errors';
import { ifMatchAllows } from '../scim/etag';
import type { Sort } from '../scim/list';
import { applyPatch, diffResources } from '../scim/patch';
import { PLUGIN_ID } from '../constants';
import type { ActivityInput, ActivityService } from './activity';
import { QuirkLog, type QuirkId } from '../scim/quirks';
import { validateResource, type ScimResource } from '../scim/resource';
import { USER_SCHEMA_URN } from '../scim/schema';
import { isUniqueViolation } from './store/unique-violation';
import { compileListFilter, listOrderBy } from './store/list-query';
import { USER_COLUMN_MAP } from './store/user-columns';
import { computeRoles, type GroupRoleMapping } from './role-mapping';
import { createMemberUserLookup } from './store/member-users';
import { createMembershipRepository } from './store/membership-repository';
import { createReleasedHostUsers } from './released-host-users';
import { createUserRepository, type ScimUserRow } from './store/user-repository';
import { getHostTarget, toProvisionedUser, type HostOrigin } from './targets';
import { getPluginConfig } from '../utils/plugin-config';

/** How a request reaches the host: in test mode (productionMode false) host users are never touched. */
export interface HostMode {
  productionMode: boolean;
  defaultRoleId: number | null;
  groupRoleMappings: GroupRoleMapping[];
}

const RECONCILE_BATCH = 100;

interface Applied {
  row: ScimUserRow;
  hostAction: string;
}

export interface WriteResult {
  row: ScimUserRow;
  quirks: QuirkId[];
}

export interface UserListRequest {
  filter?: string;
  sort?: Sort;
  startIndex: number;
  count: number;
}

/** Passwords are never stored: the plugin does not support them (changePassword is off). */
const withoutPassword = (resource: ScimResource): ScimResource => {
  const { password: _ignored, ...rest } = resource;
  return rest as ScimResource;
};

const duplicateUserName = (userName: unknown) =>
  ScimError.conflict(`A user with userName "${String(userName)}" already exists (userName is compared without case)`);

const notFound = (id: string) => ScimError.notFound(`No User with id "${id}"`);

/** SCIM Users: validation, uniqueness and optimistic concurrency over the scim_users table. */
const createUsersService = ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = createUserRepository(strapi);

  const targetName = () => getPluginConfig(strapi).target;

  /**
   * Applies the SCIM user to the host user model; a ScimError (409, 403) rolls the whole request back.
   * Returns the row and what was done (or, in test mode, what would have been done) to the host.
   */
  /** The linked host user, if it lives in the configured target (a target change starts from scratch). */
  const hostUserIdOf = (row: ScimUserRow): number | null =>
    row.hostUserId !== null && (row.hostTarget ?? targetName()) === targetName() ? row.hostUserId : null;

  /**
   * Rows from before hostOrigin was stored: with linkExistingUsers off SCIM could only have created their host
   * users; with it on they may have been linked, and are treated as such.
   */
  const hostOriginOf = (row: ScimUserRow): HostOrigin =>
    row.hostOrigin ?? (getPluginConfig(strapi).linkExistingUsers ? 'linked' : 'created');

  /** Two provisioned users cannot share one host user through its email address. */
  const assertEmailFree = async (row: ScimUserRow, email: string | null) => {
    if (email === null) return;
    const holder = await repository.findOtherWithEmail(email, row.id);
    if (holder && hostUserIdOf(holder) !== null) {
      throw ScimError.conflict(`The email ${email} already belongs to the provisioned user "${holder.userName}"`);
    }
  };

  /**
   * One host user, one SCIM user: checked by link as well as by email, since a Super Admin's email is never
   * changed and so can differ from the email of the SCIM user linked to it.
   */
  const assertHostUserFree = async (row: ScimUserRow, hostUserId: number) => {
    const holder = await repository.findOtherLinkedTo(hostUserId, targetName(), row.id);
    if (holder) {
      throw ScimError.conflict(`This ${targetName()} user already belongs to the provisioned user "${holder.userName}"`);
    }
  };

  const applyToHost = async (row: ScimUserRow, mode: HostMode): Promise<Applied> => {
    const hostUserId = hostUserIdOf(row);
    if (!mode.productionMode) {
      const wouldDo =
        hostUserId === null ? `create or link a ${targetName()} user` : `update ${targetName()} user ${hostUserId}`;
      return { row, hostAction: `test mode: would ${wouldDo}` };
    }
    const user = toProvisionedUser(row.resource);
    const target = getHostTarget(strapi);
    const { linkExistingUsers: linkExisting, updateLinkedUserEmail } = getPluginConfig(strapi);
    if (hostUserId === null) await assertEmailFree(row, user.email);
    if (linkExisting && user.email) {
      const byEmail = await target.findUserIdByEmail(user.email);
      if (byEmail !== null && byEmail !== hostUserId) await assertHostUserFree(row, byEmail);
    }
    const result = await target.applyUser({
      user,
      hostUserId,
      roleIds: (await computeRoles(strapi, [row.id], mode.groupRoleMappings, mode.defaultRoleId)).get(row.id) ?? [],
      linkExisting,
      hostOrigin: hostUserId === null ? null : hostOriginOf(row),
      updateLinkedSignIn: updateLinkedUserEmail,
    });
    const linked = await repository.setHostLink(
      row,
      result.applied
        ? {
            hostUserId: result.hostUserId,
            hostTarget: targetName(),
            hostOrigin: result.action === 'updated' ? hostOriginOf(row) : result.action,
            applied: true,
            notAppliedReason: null,
          }
        : { hostUserId, applied: false, notAppliedReason: result.reason },
    );
    const hostAction = result.applied
      ? `${result.action} ${targetName()} user ${result.hostUserId}${result.note ? ` (${result.note})` : ''}`
      : `not applied: ${result.reason}`;
    return { row: linked, hostAction };
  };

  const removeFromHost = async (row: ScimUserRow, mode: HostMode): Promise<string> => {
    const verb = getPluginConfig(strapi).onDelete === 'delete' ? 'delete' : 'deactivate';
    const hostUserId = hostUserIdOf(row);
    if (hostUserId === null) return 'no host user to change';
    if (!mode.productionMode) return `test mode: would ${verb} ${targetName()} user ${hostUserId}`;
    const target = getHostTarget(strapi);
    if (verb === 'delete') {
      await target.deleteUser(hostUserId);
    } else {
      await target.deactivateUser(hostUserId);
      if (row.externalId) {
        await createReleasedHostUsers(strapi, target).remember(row.externalId, hostUserId, hostOriginOf(row));
      }
    }
    return `${verb}d ${targetName()} user ${hostUserId}`;
  };

  /** A create with the externalId of a deleted SCIM user takes its (deactivated, untouched) host user back. */
  const relinkReleasedHostUser = async (row: ScimUserRow, mode: HostMode): Promise<ScimUserRow> => {
    if (!mode.productionMode || !row.externalId) return row;
    const released = await createReleasedHostUsers(strapi, getHostTarget(strapi)).takeBack(row.externalId);
    return released === null
      ? row
      : repository.setHostLink(row, {
          hostUserId: released.hostUserId,
          hostTarget: targetName(),
          hostOrigin: released.hostOrigin,
          applied: false,
          notAppliedReason: null,
        });
  };

  const record = (entry: Omit<ActivityInput, 'resourceType' | 'outcome' | 'status'> & { status?: number }) =>
    (strapi.plugin(PLUGIN_ID).service('activity') as ActivityService).record({
      resourceType: 'User',
      outcome: 'success',
      status: 200,
      ...entry,
    });

  const modeName = (mode: HostMode) => (mode.productionMode ? 'production' : 'test');

  const loadForWrite = async (id: string, ifMatch: string | undefined): Promise<ScimUserRow> => {
    const row = await repository.lockByScimId(id);
    if (!row) throw notFound(id);
    if (!ifMatchAllows(ifMatch, row.version)) {
      throw new ScimError(412, `The User "${id}" has changed since the version given in If-Match`);
    }
    return row;
  };

  const saveReplacement = async (row: ScimUserRow, resource: ScimResource): Promise<ScimUserRow> => {
    if (String(resource.userName).toLowerCase() !== row.userName.toLowerCase()) {
      const other = await repository.findByUserName(String(resource.userName));
      if (other && other.id !== row.id) throw duplicateUserName(resource.userName);
    }
    try {
      const saved = await repository.replace(row, withoutPassword(resource));
      if (!saved) throw new ScimError(412, `The User "${row.scimId}" was changed by another request; retry`);
      return saved;
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateUserName(resource.userName);
      throw error;
    }
  };

  const applyOrMark = async (row: ScimUserRow, mode: HostMode) => {
    try {
      return (await applyToHost(row, mode)).row;
    } catch (error) {
      if (!(error instanceof ScimError)) throw error;
      return repository.setHostLink(row, {
        hostUserId: row.hostUserId,
        applied: false,
        notAppliedReason: error.message,
      });
    }
  };

  /** Walks every SCIM user in id order, a batch of 100 per transaction: safe to interrupt and run again. */
  const forEachBatch = async (work: (batch: ScimUserRow[]) => Promise<void>) => {
    for (let afterId = 0; ; ) {
      const batch = await repository.nextBatch(afterId, RECONCILE_BATCH);
      if (batch.length === 0) return;
      await strapi.db.transaction(() => work(batch));
      afterId = batch[batch.length - 1].id;
    }
  };

  return {
    async create(body: unknown, mode: HostMode): Promise<WriteResult> {
      const { resource, quirks } = validateResource('User', body);
      try {
        const row = await strapi.db.transaction(async () => {
          if (await repository.findByUserName(String(resource.userName))) throw duplicateUserName(resource.userName);
          const inserted = await repository.insert(withoutPassword(resource));
          const applied = await applyToHost(await relinkReleasedHostUser(inserted, mode), mode);
          await record({
            method: 'POST',
            operation: 'create',
            status: 201,
            mode: modeName(mode),
            quirks,
            resourceId: applied.row.scimId,
            resourceName: applied.row.userName,
            changes: Object.keys(resource).filter((key) => key !== 'schemas'),
            hostAction: applied.hostAction,
          });
          return applied.row;
        });
        return { row, quirks };
      } catch (error) {
        if (isUniqueViolation(error)) throw duplicateUserName(resource.userName);
        throw error;
      }
    },

    async get(id: string): Promise<ScimUserRow> {
      const row = await repository.findByScimId(id);
      if (!row) throw notFound(id);
      return row;
    },

    async list(request: UserListRequest, log?: QuirkLog): Promise<{ rows: ScimUserRow[]; total: number }> {
      return repository.list({
        where: compileListFilter(strapi, request.filter, USER_COLUMN_MAP, USER_SCHEMA_URN, log),
        orderBy: listOrderBy(USER_COLUMN_MAP, request.sort),
        offset: request.startIndex - 1,
        limit: request.count,
      });
    },

    async replace(id: string, body: unknown, mode: HostMode, ifMatch?: string): Promise<WriteResult> {
      const { resource, quirks } = validateResource('User', body);
      const row = await strapi.db.transaction(async () => {
        const current = await loadForWrite(id, ifMatch);
        const applied = await applyToHost(await saveReplacement(current, resource), mode);
        await record({
          method: 'PUT',
          operation: 'replace',
          mode: modeName(mode),
          quirks,
          resourceId: id,
          resourceName: applied.row.userName,
          changes: diffResources('User', current.resource, applied.row.resource).attributes,
          hostAction: applied.hostAction,
        });
        return applied.row;
      });
      return { row, quirks };
    },

    async patch(id: string, body: unknown, mode: HostMode, ifMatch?: string): Promise<WriteResult> {
      const log = new QuirkLog();
      const row = await strapi.db.transaction(async () => {
        const current = await loadForWrite(id, ifMatch);
        // With its id, so a path-less value that repeats the user's own id (as Okta does) is accepted.
        const { resource, changes } = applyPatch('User', { ...current.resource, id: current.scimId }, body, { log });
        const { id: _id, ...attributes } = resource;
        const applied = await applyToHost(await saveReplacement(current, attributes as ScimResource), mode);
        await record({
          method: 'PATCH',
          operation: 'patch',
          mode: modeName(mode),
          quirks: log.list(),
          resourceId: id,
          resourceName: applied.row.userName,
          changes: changes.attributes,
          hostAction: applied.hostAction,
        });
        return applied.row;
      });
      return { row, quirks: log.list() };
    },

    async remove(id: string, mode: HostMode, ifMatch?: string): Promise<void> {
      await strapi.db.transaction(async () => {
        const row = await loadForWrite(id, ifMatch);
        const hostAction = await removeFromHost(row, mode);
        await createMembershipRepository(strapi).removeUser(row.id);
        await repository.remove(row);
        await record({
          method: 'DELETE',
          operation: 'delete',
          status: 204,
          mode: modeName(mode),
          resourceId: id,
          resourceName: row.userName,
          hostAction,
        });
      });
    },

    /**
     * Applies every SCIM user to the host, in batches of 100, each batch in its own transaction: idempotent
     * and safe to interrupt and run again. A user the host refuses (a conflict) is marked not applied.
     */
    async reconcile(settings: Omit<HostMode, 'productionMode'>): Promise<{ applied: number; notApplied: number }> {
      const mode: HostMode = { ...settings, productionMode: true };
      const counts = { applied: 0, notApplied: 0 };
      await forEachBatch(async (batch) => {
        for (const row of batch) {
          const result = await applyOrMark(row, mode);
          counts[result.applied ? 'applied' : 'notApplied'] += 1;
        }
        await record({
          method: 'SYSTEM',
          operation: 'reconcile',
          mode: 'production',
          detail: `production mode on: ${counts.applied + counts.notApplied} users processed so far (${
            counts.applied
          } applied, ${counts.notApplied} not applied)`,
        });
      });
      return counts;
    },

    /**
     * Recomputes the host roles of these users (default role + roles mapped from their groups) and sets
     * them, in the caller's transaction. Test mode leaves host users alone.
     */
    async syncRoles(userRefs: readonly number[], mode: HostMode): Promise<void> {
      if (!mode.productionMode || userRefs.length === 0) return;
      // Roles are read from memberships and written to host users under the users' row locks (in id order).
      await createMemberUserLookup(strapi).lockByIds(userRefs);
      const rows = await repository.hostLinksOf(userRefs);
      const roles = await computeRoles(
        strapi,
        rows.map((row) => row.id),
        mode.groupRoleMappings,
        mode.defaultRoleId,
      );
      const target = getHostTarget(strapi);
      for (const row of rows) await target.setRoles(row.hostUserId, roles.get(row.id) ?? []);
    },

    /** After a mapping or default-role change: every applied user's roles, batch by batch. */
    async resyncAllRoles(settings: Omit<HostMode, 'productionMode'>): Promise<void> {
      const mode: HostMode = { ...settings, productionMode: true };
      let processed = 0;
      await forEachBatch(async (batch) => {
        await this.syncRoles(
          batch.map((row) => row.id),
          mode,
        );
        processed += batch.length;
        await record({
          method: 'SYSTEM',
          operation: 'recompute-roles',
          mode: 'production',
          detail: `role mapping changed: roles recomputed for ${processed} users so far`,
        });
      });
    },
  };
};

export type UsersService = ReturnType<typeof createUsersService>;
export default createUsersService;
