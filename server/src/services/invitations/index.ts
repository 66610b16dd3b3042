import type { Core } from '@strapi/strapi';
import type { InvitationsResponse, PendingInvitation, ResendInvitationResponse } from '../../contracts';
import { errors } from '@strapi/utils';
import { getPluginConfig } from '../../utils/plugin-config';
import { getService } from '../../utils/get-service';
import type { RowQuery } from '../store/row-query';
import { isStorableKey } from '../store/storable-text';
import { SCIM_USER_UID, type ScimUserRow } from '../store/user-repository';
import { linkedHostUserId } from '../targets/linked-host-user';
import { afterCommit } from './after-commit';
import { configuredEmailProvider, emailService } from './email-provider';
import { ADMIN_USER_UID, findPendingInvitations } from './pending-invitations';
import { renderInvitation } from './template';

/** How many not yet registered users the panel lists with their links. */
export const PENDING_LIST_LIMIT = 50;

interface InvitedAdminRow {
  id: number;
  email: string;
  firstname: string | null;
  registrationToken: string | null;
  isActive: boolean | null;
}

/** The SCIM user an invitation is for, as Activity names it. */
export interface Invitee {
  scimId: string;
  userName: string;
  hostUserId: number;
}

/** A resend with nothing to send, or nothing to send it with: answered 409 with this message. */
export class InvitationConflict extends Error {}

type Delivery = { sent: true } | { sent: false; error: string };

const ADMIN_FIELDS = ['id', 'email', 'firstname', 'registrationToken', 'isActive'];

/**
 * Invitation emails to the admin users SCIM creates, with Strapi's registration link. Sent after the transaction
 * that created the user commits, one at a time in this process; a failed send is recorded in Activity and never
 * fails the SCIM request or the production job. The users-permissions target sends none (its own flow confirms).
 */
const createInvitationsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const admins = (): RowQuery<InvitedAdminRow> => strapi.db.query(ADMIN_USER_UID);
  const scimUsers = (): RowQuery<ScimUserRow> => strapi.db.query(SCIM_USER_UID);
  let queue: Promise<void> = Promise.resolve();

  const registrationLink = (token: string): string =>
    `${String(strapi.config.get('admin.absoluteUrl'))}/auth/register?registrationToken=${encodeURIComponent(token)}`;

  /** A user who has not registered yet: active, with a registration token. */
  const findUnregistered = async (hostUserId: number): Promise<InvitedAdminRow | null> => {
    const row = await admins().findOne({ select: ADMIN_FIELDS, where: { id: hostUserId } });
    return row && row.registrationToken && row.isActive !== false ? row : null;
  };

  const record = (invitee: Invitee, delivery: Delivery, actor: string | null) =>
    getService(strapi, 'activity').record({
      method: actor === null ? 'SYSTEM' : 'POST',
      resourceType: 'User',
      resourceId: invitee.scimId,
      resourceName: invitee.userName,
      operation: delivery.sent ? 'invitation-sent' : 'invitation-failed',
      outcome: delivery.sent ? 'success' : 'failure',
      status: delivery.sent ? 200 : 502,
      mode: 'production',
      hostAction: `${actor === null ? 'invitation' : 'invitation resent'} to admin user ${invitee.hostUserId}`,
      detail: delivery.sent ? 'the invitation email was handed to the email provider' : delivery.error,
      actor,
    });

  const deliver = async (invitee: Invitee, admin: InvitedAdminRow, actor: string | null): Promise<Delivery> => {
    const message = renderInvitation(getPluginConfig(strapi).invitations.locale, {
      name: admin.firstname || admin.email,
      email: admin.email,
      link: registrationLink(admin.registrationToken as string),
    });
    let delivery: Delivery;
    try {
      await emailService(strapi).send({ to: admin.email, ...message });
      delivery = { sent: true };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      strapi.log.warn(`[scim] invitation to admin user ${admin.id} not sent: ${reason}`);
      delivery = { sent: false, error: `the email provider refused the invitation: ${reason}` };
    }
    await record(invitee, delivery, actor);
    return delivery;
  };

  const inviteCreated = async (invitee: Invitee): Promise<void> => {
    if (configuredEmailProvider(strapi) === null) return;
    const admin = await findUnregistered(invitee.hostUserId);
    if (admin) await deliver(invitee, admin, null);
  };

  /** The SCIM user's admin user, when the plugin provisions admin users and this one is applied. */
  const linkedAdmin = (row: ScimUserRow): number | null =>
    getPluginConfig(strapi).target === 'admin' && row.applied ? linkedHostUserId(row, 'admin') : null;

  return {
    /**
     * Called inside the transaction that created the admin user, with the settings that request or job read: the
     * email goes out once it has committed, unless invitations are switched off.
     */
    async inviteAfterCommit(invitee: Invitee, settings: { invitationsEnabled: boolean }): Promise<void> {
      if (!settings.invitationsEnabled) return;
      await afterCommit(strapi, () => {
        queue = queue
          .then(() => inviteCreated(invitee))
          .catch((error: unknown) => {
            strapi.log.error(`[scim] invitation to admin user ${invitee.hostUserId}: ${(error as Error).message}`);
          });
      });
    },

    /** Waits for the invitations queued in this process (the tests wait for them before looking). */
    settled: (): Promise<void> => queue,

    /** The panel's resend button: 409 when there is nothing to send, or no provider to send it with. */
    async resend(scimId: string, actor: string | null): Promise<ResendInvitationResponse> {
      // An id no row could hold (NUL, too long) is not looked up: PostgreSQL would refuse the query.
      const row = !isStorableKey(scimId)
        ? null
        : await scimUsers().findOne({
            select: ['id', 'scimId', 'userName', 'hostUserId', 'hostTarget', 'applied'],
            where: { scimId },
          });
      if (!row) throw new errors.NotFoundError(`No provisioned user with id "${scimId}"`);
      if (getPluginConfig(strapi).target !== 'admin') {
        throw new InvitationConflict(
          'Invitations are sent to admin users only: users-permissions users confirm their account through that plugin',
        );
      }
      const hostUserId = linkedAdmin(row);
      if (hostUserId === null) {
        throw new InvitationConflict(`"${row.userName}" has no Strapi admin user yet: switch to production mode first`);
      }
      const admin = await findUnregistered(hostUserId);
      if (!admin) {
        throw new InvitationConflict(
          `"${row.userName}" has already registered (or is deactivated): there is no registration link to send`,
        );
      }
      if (configuredEmailProvider(strapi) === null) {
        throw new InvitationConflict(
          "No email provider is configured in Strapi's email plugin: copy the registration link from the panel instead",
        );
      }
      const delivery = await deliver({ scimId: row.scimId, userName: row.userName, hostUserId }, admin, actor);
      return delivery.sent
        ? { sent: true, email: admin.email }
        : { sent: false, email: admin.email, error: delivery.error };
    },

    /** What the General page's Invitations card shows; links only for an admin who may create admin users. */
    async overview(withLinks: boolean): Promise<InvitationsResponse> {
      const enabled = (await getService(strapi, 'settings').get({ withFallbackRole: false })).invitationsEnabled;
      const base = { target: getPluginConfig(strapi).target, emailProvider: configuredEmailProvider(strapi), enabled };
      if (base.target !== 'admin') return { ...base, total: 0, pending: [], linksShown: withLinks };
      const { total, rows } = await findPendingInvitations(strapi, PENDING_LIST_LIMIT);
      const pending: PendingInvitation[] = rows.map((row) => ({
        scimId: row.scimId,
        userName: row.userName,
        email: row.email,
        registrationLink: withLinks ? registrationLink(row.registrationToken) : null,
      }));
      return { ...base, total, pending, linksShown: withLinks };
    },
  };
};

export type InvitationsService = ReturnType<typeof createInvitationsService>;
export default createInvitationsService;
