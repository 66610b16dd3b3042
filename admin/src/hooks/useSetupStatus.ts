import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect } from 'react';
import { PLUGIN_ID } from '../pluginId';
import type { SetupStatusResponse } from '../types';
import { useLoaded } from './useLoaded';

/**
 * Loads the setup checklist's status, again whenever `version` or `secretsVersion` changes (after a settings or a
 * secret change) and when the window gets the focus back: the admin returns from the identity provider's portal,
 * where they connected it.
 */
export const useSetupStatus = (version: unknown, secretsVersion = 0) => {
  const { get } = useFetchClient();
  const fetchStatus = useCallback(
    async () => (await get<{ data: SetupStatusResponse }>(`/${PLUGIN_ID}/setup-status`)).data.data,
    // The versions are not read: a new one makes a new fetcher, which useLoaded loads again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [get, version, secretsVersion],
  );
  const loaded = useLoaded(fetchStatus);
  const { reload } = loaded;

  useEffect(() => {
    const onFocus = () => void reload();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [reload]);

  return loaded;
};
