import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

/** How often an instance looks for an index back-fill to run or to take over (its holder stopped or crashed). */
const POLL_INTERVAL_MS = 5_000;

let timer: NodeJS.Timeout | null = null;

/** At start-up the attribute index is brought up to the `indexedAttributes` option, in the background. */
export const startAttributeIndexRunner = (strapi: Core.Strapi) => {
  const run = () => void getService(strapi, 'attributeIndexBuilds').runPending();
  run();
  timer = setInterval(run, POLL_INTERVAL_MS);
  timer.unref();
};

export const stopAttributeIndexRunner = async (strapi: Core.Strapi) => {
  if (timer) clearInterval(timer);
  timer = null;
  await getService(strapi, 'attributeIndexBuilds').stop();
};
