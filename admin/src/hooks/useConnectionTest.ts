import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useState } from 'react';
import { PLUGIN_ID } from '../pluginId';
import type { ConnectionTestResponse } from '../types';
import { useNotifyFailure } from './useNotifyFailure';

/** "Test connection": asks the server to call its own endpoint, and keeps the last answer. */
export const useConnectionTest = () => {
  const { post } = useFetchClient();
  const notifyFailure = useNotifyFailure();
  const [result, setResult] = useState<ConnectionTestResponse | null>(null);
  const [running, setRunning] = useState(false);

  const run = useCallback(async () => {
    setRunning(true);
    try {
      const response = await post<{ data: ConnectionTestResponse }>(`/${PLUGIN_ID}/settings/test-connection`);
      setResult(response.data.data);
    } catch (error) {
      setResult(null);
      notifyFailure(error, 'endpoint.test.error', 'The connection test could not be run.');
    } finally {
      setRunning(false);
    }
  }, [post, notifyFailure]);

  return { result, running, run };
};
