import type { Core } from '@strapi/strapi';
import { WindowCounter } from './window-counter';
import { getPluginConfig } from '../utils/plugin-config';
import { getService } from '../utils/get-service';
import { minuteOf, secondsLeftInMinute } from './refusals';

/** Enough for every secret a site could plausibly hold, at a few bytes each. */
export const MAX_TRACKED_SECRETS = 10_000;
/** The server log gets one warning per throttled client and minute, for at most this many clients a minute. */
const MAX_WARNED_CLIENTS = 1_000;
const SECOND_MS = 1_000;

/**
 * Throttling (docs/decisions/auth-throttling.md).
 * - Refused requests per client key and minute are counted in the database all instances share
 *   (the refusals service); they are read only after a request has been refused, never on a served one.
 * - Requests per secret and second are counted in process, each instance allowing its share of the
 *   ceiling: `ceil(secretRequestsPerSecond / live instances)`, the live count coming from the heartbeat.
 */
const createThrottleService = ({ strapi }: { strapi: Core.Strapi }) => {
  let secretRequests: WindowCounter | null | undefined;
  let liveInstances = 1;
  let warnedMinute = -1;
  const warned = new Set<string>();

  const secretCounter = (): WindowCounter | null => {
    if (secretRequests !== undefined) return secretRequests;
    const { secretRequestsPerSecond } = getPluginConfig(strapi);
    secretRequests = secretRequestsPerSecond
      ? new WindowCounter({
          limit: shareOf(secretRequestsPerSecond, liveInstances),
          windowMs: SECOND_MS,
          maxKeys: MAX_TRACKED_SECRETS,
        })
      : null;
    return secretRequests;
  };

  const warnOnce = (client: string, now: number) => {
    const minute = minuteOf(now);
    if (minute !== warnedMinute) {
      warnedMinute = minute;
      warned.clear();
    }
    if (warned.has(client) || warned.size >= MAX_WARNED_CLIENTS) return;
    warned.add(client);
    strapi.log.warn(
      `[scim] ${client} was refused too often; its refused SCIM requests get 429 until the minute is over`,
    );
  };

  return {
    /**
     * Called for a request about to be refused (401, 503): the seconds until the minute is over when its client
     * has used up `authFailuresPerMinute` refusals in this minute on any instance, otherwise null.
     */
    async refusalWait(client: string, now = Date.now()): Promise<number | null> {
      const { authFailuresPerMinute } = getPluginConfig(strapi);
      if (!authFailuresPerMinute) return null;
      const count = await getService(strapi, 'refusals').countThisMinute(client, now);
      if (count < authFailuresPerMinute) return null;
      warnOnce(client, now);
      return secondsLeftInMinute(now);
    },

    /** Counts one request of the secret; when the secret is over this instance's share, the seconds to wait. */
    takeSecretRequest(secretId: number): number | null {
      const counter = secretCounter();
      if (!counter) return null;
      const wait = counter.retryAfter(String(secretId));
      if (wait === null) counter.hit(String(secretId));
      return wait;
    },

    /** From the instance heartbeat: how many instances share the per-secret ceiling. */
    setLiveInstances(count: number): void {
      liveInstances = Math.max(1, count);
      const { secretRequestsPerSecond } = getPluginConfig(strapi);
      secretCounter()?.setLimit(shareOf(secretRequestsPerSecond, liveInstances));
    },

    get liveInstances(): number {
      return liveInstances;
    },
  };
};

/** One instance's share of a ceiling: rounded up, so that the ceiling never drops below what was configured. */
export const shareOf = (limit: number, instances: number): number =>
  Math.max(1, Math.ceil(limit / Math.max(1, instances)));

export type ThrottleService = ReturnType<typeof createThrottleService>;
export default createThrottleService;
