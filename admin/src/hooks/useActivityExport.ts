import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useState } from 'react';
import type { ActivityFilters } from '../types';
import { activityFilterParams } from './activityQuery';
import { useNotifyFailure } from './useNotifyFailure';
import { ACTIVITY_URL } from './useScimActivity';

/**
 * Downloads what the filters select as CSV. The admin API needs the admin's token, so the file is fetched here and
 * handed to the browser as a blob rather than opened as a link.
 */
export const useActivityExport = () => {
  const { get } = useFetchClient();
  const notifyFailure = useNotifyFailure();
  const [isExporting, setIsExporting] = useState(false);

  const exportCsv = useCallback(
    async (filters: ActivityFilters) => {
      setIsExporting(true);
      try {
        const response = await get<Blob>(`${ACTIVITY_URL}/export?${activityFilterParams(filters).toString()}`, {
          responseType: 'blob',
        });
        const url = URL.createObjectURL(response.data);
        const link = document.createElement('a');
        link.href = url;
        link.download = `scim-activity-${new Date().toISOString().slice(0, 10)}.csv`;
        link.click();
        URL.revokeObjectURL(url);
      } catch (error) {
        notifyFailure(error, 'activity.export.error', 'The activity could not be exported.');
      } finally {
        setIsExporting(false);
      }
    },
    [get, notifyFailure],
  );

  return { exportCsv, isExporting };
};
