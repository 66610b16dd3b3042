import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useCallback, useState } from 'react';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';
import type { InvitationsResponse, ResendInvitationResponse } from '../types';
import { getTranslation } from '../utils/getTranslation';
import { useLoaded } from './useLoaded';
import { useNotifyFailure } from './useNotifyFailure';

/**
 * The Invitations card's data: the email provider, the users who have not registered yet, loaded again when
 * `version` (the settings answer) changes; `resend` sends one user's invitation again.
 */
export const useInvitations = (version: unknown) => {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { formatMessage } = useIntl();
  const notifyFailure = useNotifyFailure();
  const [resending, setResending] = useState<string | null>(null);
  const fetchInvitations = useCallback(
    async () => (await get<{ data: InvitationsResponse }>(`/${PLUGIN_ID}/invitations`)).data.data,
    // A new settings answer (production mode, the toggle) makes a new fetcher, which useLoaded loads again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [get, version],
  );
  const loaded = useLoaded(fetchInvitations);
  const { reload } = loaded;

  const resend = useCallback(
    async (scimId: string) => {
      setResending(scimId);
      try {
        const response = await post<{ data: ResendInvitationResponse }>(
          `/${PLUGIN_ID}/invitations/${encodeURIComponent(scimId)}/resend`,
        );
        toggleNotification({
          type: 'success',
          message: formatMessage(
            { id: getTranslation('invitations.resent'), defaultMessage: 'Invitation sent to {email}' },
            { email: response.data.data.email },
          ),
        });
      } catch (error) {
        notifyFailure(error, 'invitations.resendError', 'The invitation could not be sent.');
      } finally {
        setResending(null);
        void reload();
      }
    },
    [post, toggleNotification, formatMessage, notifyFailure, reload],
  );

  return { ...loaded, resend, resending };
};
