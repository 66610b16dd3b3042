import type { Core } from '@strapi/strapi';
import { ScimError } from '../scim/errors';
import { createReleasedLinks } from './store/released-links';
import type { HostOrigin, HostTarget } from './targets';
import { getService } from '../utils/get-service';
import { getPluginConfig } from '../utils/plugin-config';

/**
 * The host users of deleted SCIM users (onDelete 'deactivate'): remembered by externalId at release, taken
 * back by a later create with that externalId, but only while nobody has touched them since. A host user an
 * admin reactivated or edited may belong to someone else by now; taking it back would overwrite its email,
 * roles and status for whoever holds the identity provider's secret.
 */
export const createReleasedHostUsers = (strapi: Core.Strapi, target: HostTarget) => {
  const links = createReleasedLinks(strapi);

  const changedSinceRelease = (externalId: string, hostUserId: number, why: string) =>
    ScimError.conflict(
      `The externalId "${externalId}" belonged to a deleted SCIM user whose Strapi ${target.name} user ${hostUserId} ` +
        `was kept deactivated, and that user ${why} since, so SCIM does not take it back. To provision this user, ` +
        `delete ${target.name} user ${hostUserId} in Strapi if it is no longer needed, or keep it and forget the ` +
        `release (admin API: DELETE /scim/released-links/${encodeURIComponent(externalId)}); SCIM then creates a new user.`,
    );

  return {
    /** Call after the host user was deactivated, in the same transaction. */
    async remember(externalId: string, hostUserId: number, hostOrigin: HostOrigin): Promise<void> {
      const state = await target.readState(hostUserId);
      if (!state) return;
      await links.remember(externalId, target.name, { hostUserId, hostOrigin, hostUpdatedAt: state.updatedAt });
    },

    /**
     * The released host user to link a new SCIM user with this externalId to, or null to create one as usual
     * (nothing was released, or the host user is gone). Throws 409 when the host user was changed since.
     */
    async takeBack(externalId: string): Promise<{ hostUserId: number; hostOrigin: HostOrigin | null } | null> {
      const link = await links.find(externalId, target.name);
      if (!link) return null;
      const state = await target.readState(link.hostUserId);
      if (!state) {
        await links.forget(externalId, target.name);
        return null;
      }
      if (!state.inactive) throw changedSinceRelease(externalId, link.hostUserId, 'was reactivated in Strapi');
      if (link.hostUpdatedAt === null || link.hostUpdatedAt.getTime() !== state.updatedAt.getTime()) {
        throw changedSinceRelease(externalId, link.hostUserId, 'was changed in Strapi');
      }
      // The delete waits for a parallel take-back's and then finds nothing: one host user, one SCIM user.
      if ((await links.forget(externalId, target.name)) === 0) {
        throw ScimError.conflict(
          `The ${target.name} user released for externalId "${externalId}" was just taken back by another request`,
        );
      }
      return { hostUserId: link.hostUserId, hostOrigin: link.hostOrigin };
    },
  };
};

/**
 * An admin keeps a released host user they reactivated or changed, and lets the next create with this externalId
 * provision a user of its own (instead of answering 409). Returns false when nothing was remembered.
 */
export const forgetReleasedHostUser = async (
  strapi: Core.Strapi,
  externalId: string,
  actor: string | null,
): Promise<boolean> => {
  const target = getPluginConfig(strapi).target;
  return await strapi.db.transaction(async () => {
    if ((await createReleasedLinks(strapi).forget(externalId, target)) === 0) return false;
    await getService(strapi, 'activity').record({
      method: 'DELETE',
      resourceType: 'User',
      resourceName: externalId,
      operation: 'forget-released-link',
      outcome: 'success',
      status: 204,
      detail: `released ${target} user forgotten: the next create with externalId "${externalId}" provisions a new user`,
      actor,
    });
    return true;
  });
};
