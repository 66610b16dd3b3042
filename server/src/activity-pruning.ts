import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

const PRUNE_INTERVAL_MS = 60 * 60 * 1000;
let timer: NodeJS.Timeout | null = null;

const pruneNow = async (strapi: Core.Strapi) => {
  try {
    const removed =
      (await getService(strapi, 'activity').prune()) + (await getService(strapi, 'refusals').pruneToCap());
    if (removed > 0) strapi.log.info(`[scim] pruned ${removed} activity entries past the retention limits`);
  } catch (error) {
    strapi.log.error(`[scim] activity pruning failed: ${(error as Error).message}`);
  }
};

/** Prunes the activity log at start-up and then hourly; every instance may prune, deletes are idempotent. */
export const startActivityPruning = (strapi: Core.Strapi) => {
  void pruneNow(strapi);
  timer = setInterval(() => void pruneNow(strapi), PRUNE_INTERVAL_MS);
  timer.unref();
};

export const stopActivityPruning = () => {
  if (timer) clearInterval(timer);
  timer = null;
};
