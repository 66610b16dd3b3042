import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { PLUGIN_ID } from '../pluginId';
import type { ProductionJobResponse } from '../types';

export const JOB_POLL_INTERVAL_MS = 1_500;

const isActive = (job: ProductionJobResponse | null) => job?.status === 'pending' || job?.status === 'running';

/** The newest production job, starting from what the settings answer held, polled while it is pending or running. */
export const useProductionJob = (initial: ProductionJobResponse | null) => {
  const { get } = useFetchClient();
  // What polling read, and from which settings answer: a newer answer (after a save) starts over from its own job.
  const [polled, setPolled] = useState<{ basis: ProductionJobResponse | null; job: ProductionJobResponse | null }>();
  // Bumped after each poll, so that a failed poll schedules the next one too.
  const [polls, setPolls] = useState(0);
  const job = polled !== undefined && polled.basis === initial ? polled.job : initial;

  const active = isActive(job);
  useEffect(() => {
    if (!active) return undefined;
    const timer = setTimeout(() => {
      get<{ data: ProductionJobResponse | null }>(`/${PLUGIN_ID}/production-jobs/latest`)
        .then((response) => setPolled({ basis: initial, job: response.data.data }))
        .catch(() => undefined)
        .finally(() => setPolls((count) => count + 1));
    }, JOB_POLL_INTERVAL_MS);
    return () => clearTimeout(timer);
  }, [active, polls, get, initial]);

  return job;
};
