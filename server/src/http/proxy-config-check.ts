/**
 * Strapi's `server.proxy` as it reaches Koa (`koa`, `maxIpsCount`, `ipHeader`). With `koa` on and no
 * `maxIpsCount`, Koa takes the *first* X-Forwarded-For entry, which the client writes itself: any client can
 * then pick the address it is throttled under. The check is pure so that it can be tested without Strapi.
 */
export const proxyConfigWarning = (proxy: unknown): string | null => {
  if (!proxy || typeof proxy !== 'object') return null;
  const { koa, maxIpsCount } = proxy as { koa?: unknown; maxIpsCount?: unknown };
  if (koa !== true) return null;
  if (typeof maxIpsCount === 'number' && Number.isInteger(maxIpsCount) && maxIpsCount > 0) return null;
  return (
    '[scim] server.proxy.koa is on without server.proxy.maxIpsCount: the client address is the first ' +
    'X-Forwarded-For entry, which any client can forge, so SCIM authentication throttling can be dodged. ' +
    "Set server.proxy.maxIpsCount to the number of proxies in front of Strapi (see the plugin's docs/configuration.md)."
  );
};
