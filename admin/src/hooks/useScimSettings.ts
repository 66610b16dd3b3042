import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';
import type { LoadStatus, SettingsResponse, SettingsUpdate } from '../types';
import { apiErrorMessage } from '../utils/apiErrorMessage';
import { getTranslation } from '../utils/getTranslation';

const SETTINGS_URL = `/${PLUGIN_ID}/settings`;

/** Loads the settings (once `allowed`) and changes them, reporting each change's outcome as a notification. */
export const useScimSettings = (allowed: boolean) => {
  const { get, put, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { formatMessage } = useIntl();
  const [settings, setSettings] = useState<SettingsResponse | null>(null);
  const [status, setStatus] = useState<LoadStatus>('loading');

  const load = useCallback(async () => {
    setStatus('loading');
    try {
      const response = await get<{ data: SettingsResponse }>(SETTINGS_URL);
      setSettings(response.data.data);
      setStatus('ready');
    } catch {
      setStatus('error');
    }
  }, [get]);

  useEffect(() => {
    if (allowed) void load();
  }, [allowed, load]);

  const run = useCallback(
    async (request: () => Promise<{ data: { data: SettingsResponse } }>, successMessage: string) => {
      try {
        const response = await request();
        setSettings(response.data.data);
        toggleNotification({ type: 'success', message: successMessage });
        return true;
      } catch (error) {
        toggleNotification({
          type: 'danger',
          message:
            apiErrorMessage(error) ??
            formatMessage({ id: getTranslation('notification.saveError'), defaultMessage: 'The change could not be saved.' }),
        });
        return false;
      }
    },
    [toggleNotification, formatMessage],
  );

  const update = useCallback(
    (patch: SettingsUpdate, successMessage: string) =>
      run(() => put<{ data: SettingsResponse }>(SETTINGS_URL, patch), successMessage),
    [put, run],
  );

  const regenerateEndpoint = useCallback(
    (successMessage: string) =>
      run(() => post<{ data: SettingsResponse }>(`${SETTINGS_URL}/regenerate-endpoint`), successMessage),
    [post, run],
  );

  return { settings, status, reload: load, update, regenerateEndpoint };
};
