import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';
import type { SecretFormValues } from '../components/secrets/SecretDialog';
import type { CreatedSecretResponse, RotatedSecretResponse, SecretSummaryResponse } from '../types';
import { getTranslation } from '../utils/getTranslation';
import { useLoaded } from './useLoaded';
import { useNotifyFailure } from './useNotifyFailure';

const SECRETS_URL = `/${PLUGIN_ID}/secrets`;

/** The optional fields of a new secret, as the API validates them: a non-blank label, an expiry when chosen. */
const newSecretFields = (label: string, expiresAt: string | null) => ({
  ...(label.trim() ? { label: label.trim() } : {}),
  ...(expiresAt ? { expiresAt } : {}),
});

/**
 * Lists, creates, rotates, renames, reveals and deletes secrets (`secrets` is null until listed). Listing needs the manage permission,
 * so it waits for `allowed`.
 */
export const useScimSecrets = (allowed: boolean) => {
  const { get, post, put, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { formatMessage } = useIntl();
  const notifyFailure = useNotifyFailure();
  const fetchSecrets = useCallback(
    async () => (await get<{ data: SecretSummaryResponse[] }>(SECRETS_URL)).data.data,
    [get],
  );
  const { data: secrets, setData: setSecrets, status, reload } = useLoaded(fetchSecrets, allowed);

  /** Adds a new secret (shown once, so kept out of the list) and, when rotating, puts the replaced one's new expiry in. */
  const listCreated = useCallback(
    (created: CreatedSecretResponse, replaced?: SecretSummaryResponse) => {
      const { secret: _plaintext, ...summary } = created;
      setSecrets((current) => [...(current ?? []).map((row) => (row.id === replaced?.id ? replaced : row)), summary]);
      return created;
    },
    [setSecrets],
  );

  const create = useCallback(
    async (label: string, expiresAt: string | null = null): Promise<CreatedSecretResponse | null> => {
      try {
        const response = await post<{ data: CreatedSecretResponse }>(SECRETS_URL, newSecretFields(label, expiresAt));
        return listCreated(response.data.data);
      } catch (error) {
        notifyFailure(error, 'secrets.notification.createError', 'The secret could not be created.');
        return null;
      }
    },
    [post, listCreated, notifyFailure],
  );

  const rotate = useCallback(
    async (id: number, values: SecretFormValues): Promise<CreatedSecretResponse | null> => {
      try {
        const body = { graceHours: values.graceHours, ...newSecretFields(values.label, values.expiresAt) };
        const response = await post<{ data: RotatedSecretResponse }>(`${SECRETS_URL}/${String(id)}/rotate`, body);
        return listCreated(response.data.data.secret, response.data.data.replaced);
      } catch (error) {
        notifyFailure(error, 'secrets.notification.rotateError', 'The secret could not be rotated.');
        return null;
      }
    },
    [post, listCreated, notifyFailure],
  );

  const rename = useCallback(
    async (id: number, label: string): Promise<boolean> => {
      try {
        const response = await put<{ data: SecretSummaryResponse }>(`${SECRETS_URL}/${String(id)}`, {
          label: label.trim() || null,
        });
        const updated = response.data.data;
        setSecrets((current) => current?.map((row) => (row.id === id ? updated : row)) ?? null);
        return true;
      } catch (error) {
        notifyFailure(error, 'secrets.notification.renameError', 'The label could not be saved.');
        return false;
      }
    },
    [put, setSecrets, notifyFailure],
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

  return { secrets, status, reload, create, rotate, rename, reveal, remove };
};
