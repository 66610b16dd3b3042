import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

/** How often an instance looks for a job to run or to take over (its holder crashed and the lease expired). */
const POLL_INTERVAL_MS = 5_000;

let timer: NodeJS.Timeout | null = null;

/** At start-up a job left by a stopped or crashed instance resumes here, from its checkpoint. */
export const startProductionJobRunner = (strapi: Core.Strapi) => {
  const run = () => void getService(strapi, 'productionJobs').runPending();
  run();
  timer = setInterval(run, POLL_INTERVAL_MS);
  timer.unref();
};

export const stopProductionJobRunner = async (strapi: Core.Strapi) => {
  if (timer) clearInterval(timer);
  timer = null;
  await getService(strapi, 'productionJobs').stop();
};
