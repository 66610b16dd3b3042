import type { Core } from '@strapi/strapi';
import { WindowCounter } from '../http/window-counter';
import { getPluginConfig } from '../utils/plugin-config';

/** Enough for every address an attack could plausibly rotate through in a minute, at well under 10 MB. */
export const MAX_TRACKED_ADDRESSES = 10_000;
const MINUTE_MS = 60_000;
const SECOND_MS = 1_000;

interface Counters {
  failures: WindowCounter | null;
  secretRequests: WindowCounter | null;
}

/**
 * Throttling state of this Strapi instance (docs/decisions/auth-throttling.md): failed authentications per client
 * address and minute, and requests per secret and second. It is deliberately in process memory: each instance
 * throttles on its own, which is conservative, and counting costs no database write.
 */
const createThrottleService = ({ strapi }: { strapi: Core.Strapi }) => {
  let counters: Counters | null = null;
  const get = (): Counters => {
    if (counters) return counters;
    const { authFailuresPerMinute, secretRequestsPerSecond } = getPluginConfig(strapi);
    counters = {
      failures: authFailuresPerMinute
        ? new WindowCounter({ limit: authFailuresPerMinute, windowMs: MINUTE_MS, maxKeys: MAX_TRACKED_ADDRESSES })
        : null,
      secretRequests: secretRequestsPerSecond
        ? new WindowCounter({ limit: secretRequestsPerSecond, windowMs: SECOND_MS, maxKeys: MAX_TRACKED_ADDRESSES })
        : null,
    };
    return counters;
  };

  return {
    /** Seconds this client must wait, once it has used up its failed authentications for the minute. */
    failedAuthWait(client: string): number | null {
      return get().failures?.retryAfter(client) ?? null;
    },

    recordFailedAuth(client: string): void {
      const { failures } = get();
      if (failures && failures.hit(client) === getPluginConfig(strapi).authFailuresPerMinute) {
        strapi.log.warn(`[scim] ${client} failed to authenticate too often; its SCIM requests are refused for up to a minute`);
      }
    },

    /** Counts one request of the secret; when the secret is over its ceiling, the seconds to wait instead. */
    takeSecretRequest(secretId: number): number | null {
      const { secretRequests } = get();
      if (!secretRequests) return null;
      const wait = secretRequests.retryAfter(String(secretId));
      if (wait === null) secretRequests.hit(String(secretId));
      return wait;
    },
  };
};

export type ThrottleService = ReturnType<typeof createThrottleService>;
export default createThrottleService;
