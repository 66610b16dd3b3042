import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';
import type { CreatedSecretResponse, SecretSummaryResponse } from '../types';
import { getTranslation } from '../utils/getTranslation';
import { useLoaded } from './useLoaded';
import { useNotifyFailure } from './useNotifyFailure';

const SECRETS_URL = `/${PLUGIN_ID}/secrets`;

/**
 * Lists, creates, reveals and deletes secrets (`secrets` is null until listed). Listing needs the manage permission,
 * so it waits for `allowed`.
 */
export const useScimSecrets = (allowed: boolean) => {
  const { get, post, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { formatMessage } = useIntl();
  const notifyFailure = useNotifyFailure();
  const fetchSecrets = useCallback(
    async () => (await get<{ data: SecretSummaryResponse[] }>(SECRETS_URL)).data.data,
    [get],
  );
  const { data: secrets, setData: setSecrets, status, reload } = useLoaded(fetchSecrets, allowed);

  const create = useCallback(
    async (label: string, expiresAt: string | null = null): Promise<CreatedSecretResponse | null> => {
      try {
        const body = { ...(label.trim() ? { label: label.trim() } : {}), ...(expiresAt ? { expiresAt } : {}) };
        const response = await post<{ data: CreatedSecretResponse }>(SECRETS_URL, body);
        const created = response.data.data;
        const { secret: _plaintext, ...summary } = created;
        setSecrets((current) => [...(current ?? []), summary]);
        return created;
      } catch (error) {
        notifyFailure(error, 'secrets.notification.createError', 'The secret could not be created.');
        return null;
      }
    },
    [post, setSecrets, notifyFailure],
  );

  const reveal = useCallback(
    async (id: number): Promise<string | null> => {
      try {
        const response = await get<{ data: { id: number; secret: string } }>(`${SECRETS_URL}/${id}/reveal`);
        return response.data.data.secret;
      } catch (error) {
        notifyFailure(error, 'secrets.notification.revealError', 'The secret could not be revealed.');
        return null;
      }
    },
    [get, notifyFailure],
  );

  const remove = useCallback(
    async (id: number): Promise<boolean> => {
      try {
        await del(`${SECRETS_URL}/${id}`);
        setSecrets((current) => current?.filter((secret) => secret.id !== id) ?? null);
        toggleNotification({
          type: 'success',
          message: formatMessage({
            id: getTranslation('secrets.notification.deleted'),
            defaultMessage: 'Secret deleted',
          }),
        });
        return true;
      } catch (error) {
        notifyFailure(error, 'secrets.notification.deleteError', 'The secret could not be deleted.');
        return false;
      }
    },
    [del, setSecrets, notifyFailure, toggleNotification, formatMessage],
  );

  return { secrets, status, reload, create, reveal, remove };
};
