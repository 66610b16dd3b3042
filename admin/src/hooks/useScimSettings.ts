import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useCallback } from 'react';
import { PLUGIN_ID } from '../pluginId';
import type { SettingsResponse, SettingsUpdate } from '../types';
import { useLoaded } from './useLoaded';
import { useNotifyFailure } from './useNotifyFailure';

const SETTINGS_URL = `/${PLUGIN_ID}/settings`;

/** Loads the settings (once `allowed`) and changes them, reporting each change's outcome as a notification. */
export const useScimSettings = (allowed: boolean) => {
  const { get, put, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const notifyFailure = useNotifyFailure();
  const fetchSettings = useCallback(async () => (await get<{ data: SettingsResponse }>(SETTINGS_URL)).data.data, [get]);
  const { data: settings, setData: setSettings, status, reload } = useLoaded(fetchSettings, allowed);

  const run = useCallback(
    async (request: () => Promise<{ data: { data: SettingsResponse } }>, successMessage: string) => {
      try {
        const response = await request();
        setSettings(response.data.data);
        toggleNotification({ type: 'success', message: successMessage });
        return true;
      } catch (error) {
        notifyFailure(error, 'notification.saveError', 'The change could not be saved.');
        // The server may have made the change though its answer was lost (a proxy timeout): show its real state.
        fetchSettings()
          .then(setSettings)
          .catch(() => undefined);
        return false;
      }
    },
    [setSettings, toggleNotification, notifyFailure, fetchSettings],
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

  return { settings, status, reload, update, regenerateEndpoint };
};
