import type { Context } from 'koa';

/** For responses that carry a secret: no browser, proxy or CDN may keep a copy. */
export const noStore = (ctx: Context): void => {
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Pragma', 'no-cache');
};
