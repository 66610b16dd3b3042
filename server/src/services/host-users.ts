import type { Core } from '@strapi/strapi';
import { ScimError } from '../scim/errors';
import { mappedHostFields } from './attribute-mappings';
import { createReleasedHostUsers } from './released-host-users';
import { computeRoles, type RoleRules } from './role-mapping';
import { createMemberUserLookup } from './store/member-users';
import { createUserRepository, type ScimUserRow } from './store/user-repository';
import { getHostTarget, toProvisionedUser, type HostOrigin } from './targets';
import { linkedHostUserId } from './targets/linked-host-user';
import { getPluginConfig } from '../utils/plugin-config';
import { getService } from '../utils/get-service';

/** How a request reaches the host: in test mode (productionMode false) host users are never touched. */
export interface HostMode extends RoleRules {
  productionMode: boolean;
  /** Whether an admin user SCIM creates gets an invitation email: `invitationsEnabled` as the request or job read it. */
  invitationsEnabled: boolean;
}

/**
 * SCIM users applied to host users through the configured target: create or link, update, deactivate or
 * delete, roles from the default role and the mapped groups. Used by the User and Group pipelines and by the
 * production jobs (production-jobs.ts); every call joins the caller's transaction.
 */
export const createHostUsers = (strapi: Core.Strapi) => {
  const repository = createUserRepository(strapi);
  const config = getPluginConfig(strapi);
  const targetName = config.target;

  const hostUserIdOf = (row: ScimUserRow): number | null => linkedHostUserId(row, targetName);

  /**
   * Rows from before hostOrigin was stored: with linkExistingUsers off SCIM could only have created their host
   * users; with it on they may have been linked, and are treated as such.
   */
  const hostOriginOf = (row: ScimUserRow): HostOrigin =>
    row.hostOrigin ?? (config.linkExistingUsers ? 'linked' : 'created');

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
    const holder = await repository.findOtherLinkedTo(hostUserId, targetName, row.id);
    if (holder) {
      throw ScimError.conflict(`This ${targetName} user already belongs to the provisioned user "${holder.userName}"`);
    }
  };

  /**
   * Applies the SCIM user to the host user model; a ScimError (409, 403) rolls the whole request back.
   * Returns the row and what was done (or, in test mode, what would have been done) to the host.
   */
  const applyToHost = async (row: ScimUserRow, mode: HostMode): Promise<{ row: ScimUserRow; hostAction: string }> => {
    const hostUserId = hostUserIdOf(row);
    if (!mode.productionMode) {
      const wouldDo =
        hostUserId === null ? `create or link its ${targetName} user` : `update ${targetName} user ${hostUserId}`;
      return { row, hostAction: `test mode: would ${wouldDo}` };
    }
    const user = toProvisionedUser(row.resource);
    const target = getHostTarget(strapi);
    const linkExisting = config.linkExistingUsers;
    if (hostUserId === null) await assertEmailFree(row, user.email);
    if (linkExisting && user.email) {
      const byEmail = await target.findUserIdByEmail(user.email);
      if (byEmail !== null && byEmail !== hostUserId) await assertHostUserFree(row, byEmail);
    }
    const result = await target.applyUser({
      user,
      hostUserId,
      roleIds: (await computeRoles(strapi, [row.id], mode, new Map([[row.id, row.resource]]))).get(row.id) ?? [],
      fields: mappedHostFields(strapi, row.resource),
      linkExisting,
      hostOrigin: hostUserId === null ? null : hostOriginOf(row),
      updateLinkedSignIn: config.updateLinkedUserEmail,
    });
    const linked = await repository.setHostLink(
      row,
      result.applied
        ? {
            hostUserId: result.hostUserId,
            hostTarget: targetName,
            hostOrigin: result.action === 'updated' ? hostOriginOf(row) : result.action,
            applied: true,
            notAppliedReason: null,
          }
        : { hostUserId, applied: false, notAppliedReason: result.reason },
    );
    if (result.applied && result.action === 'created' && targetName === 'admin') {
      await getService(strapi, 'invitations').inviteAfterCommit(
        { scimId: linked.scimId, userName: linked.userName, hostUserId: result.hostUserId },
        mode,
      );
    }
    const hostAction = result.applied
      ? `${result.action} ${targetName} user ${result.hostUserId}${result.note ? ` (${result.note})` : ''}`
      : `not applied: ${result.reason}`;
    return { row: linked, hostAction };
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

  /** Recomputes and sets the host roles of these users; the caller holds their row locks (taken in id order). */
  const syncLockedRoles = async (userRefs: readonly number[], mode: HostMode): Promise<void> => {
    if (!mode.productionMode || userRefs.length === 0) return;
    const rows = await repository.hostLinksOf(userRefs);
    const roles = await computeRoles(
      strapi,
      rows.map((row) => row.id),
      mode,
    );
    const target = getHostTarget(strapi);
    for (const row of rows) await target.setRoles(row.hostUserId, roles.get(row.id) ?? []);
  };

  return {
    applyToHost,

    async removeFromHost(row: ScimUserRow, mode: HostMode): Promise<string> {
      const verb = config.onDelete === 'delete' ? 'delete' : 'deactivate';
      const hostUserId = hostUserIdOf(row);
      if (hostUserId === null) return 'no host user to change';
      if (!mode.productionMode) return `test mode: would ${verb} ${targetName} user ${hostUserId}`;
      const target = getHostTarget(strapi);
      if (verb === 'delete') {
        await target.deleteUser(hostUserId);
      } else {
        await target.deactivateUser(hostUserId);
        if (row.externalId) {
          await createReleasedHostUsers(strapi, target).remember(row.externalId, hostUserId, hostOriginOf(row));
        }
      }
      return `${verb}d ${targetName} user ${hostUserId}`;
    },

    /** A create with the externalId of a deleted SCIM user takes its (deactivated, untouched) host user back. */
    async relinkReleased(row: ScimUserRow, mode: HostMode): Promise<ScimUserRow> {
      if (!mode.productionMode || !row.externalId) return row;
      const released = await createReleasedHostUsers(strapi, getHostTarget(strapi)).takeBack(row.externalId);
      return released === null
        ? row
        : repository.setHostLink(row, {
            hostUserId: released.hostUserId,
            hostTarget: targetName,
            hostOrigin: released.hostOrigin,
            applied: false,
            notAppliedReason: null,
          });
    },

    /**
     * After a group's member rows changed: the host roles of these members, which the caller has locked. Membership
     * in an unmapped group changes nobody's roles, so nothing is written. Returns the activity entry's host action.
     */
    async syncMemberRoles(groupId: string, userRefs: readonly number[], mode: HostMode): Promise<string | null> {
      const mapped = mode.groupRoleMappings.some((mapping) => mapping.groupId === groupId);
      if (userRefs.length === 0 || !mapped) return null;
      if (!mode.productionMode) return `test mode: would recompute the roles of ${userRefs.length} member(s)`;
      await syncLockedRoles(userRefs, mode);
      return `recomputed the roles of ${userRefs.length} member(s)`;
    },

    /** A user the host refuses (a conflict) is marked not applied, with the reason, instead of failing. */
    applyOrMark,

    /** After a mapping or default-role change: these users' host roles, under their row locks. */
    async resyncRoles(userRefs: readonly number[], mode: HostMode): Promise<void> {
      await createMemberUserLookup(strapi).lockByIds(userRefs);
      await syncLockedRoles(userRefs, mode);
    },
  };
};

export type HostUsers = ReturnType<typeof createHostUsers>;
