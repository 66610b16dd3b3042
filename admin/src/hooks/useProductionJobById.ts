import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { PLUGIN_ID } from '../pluginId';
import type { ProductionJobResponse } from '../types';

/**
 * One production job, read once when `jobId` is set. Null while loading, when there is no such job, or when the
 * admin may read Activity but not the settings (the job route needs the settings permission).
 */
export const useProductionJobById = (jobId: number | null) => {
  const { get } = useFetchClient();
  const [loaded, setLoaded] = useState<{ jobId: number; job: ProductionJobResponse | null }>();

  useEffect(() => {
    if (jobId === null) return undefined;
    let current = true;
    get<{ data: ProductionJobResponse }>(`/${PLUGIN_ID}/production-jobs/${jobId}`)
      .then((response) => current && setLoaded({ jobId, job: response.data.data }))
      .catch(() => current && setLoaded({ jobId, job: null }));
    return () => {
      current = false;
    };
  }, [get, jobId]);

  return loaded !== undefined && loaded.jobId === jobId ? loaded.job : null;
};
