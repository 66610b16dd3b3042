import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

/** How often an instance looks for background work to run or to take over (its holder stopped or crashed). */
const POLL_INTERVAL_MS = 5_000;

/** The services whose work is leased in the database and taken by whichever instance polls first. */
type PolledService = 'productionJobs' | 'attributeIndexBuilds';
const POLLED: PolledService[] = ['productionJobs', 'attributeIndexBuilds'];

let timer: NodeJS.Timeout | null = null;

/**
 * At start-up, work left by a stopped or crashed instance resumes from its checkpoint (a production job, an
 * attribute index back-fill); then each instance polls for work every POLL_INTERVAL_MS.
 */
export const startBackgroundPolling = (strapi: Core.Strapi) => {
  const poll = () => {
    for (const name of POLLED) void getService(strapi, name).runPending();
  };
  poll();
  timer = setInterval(poll, POLL_INTERVAL_MS);
  timer.unref();
};

/** Each service finishes its current batch and gives its lease back, for another instance to take over. */
export const stopBackgroundPolling = async (strapi: Core.Strapi) => {
  if (timer) clearInterval(timer);
  timer = null;
  for (const name of POLLED) await getService(strapi, name).stop();
};
