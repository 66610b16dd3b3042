import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { PLUGIN_ID, SCIM_CONTENT_TYPE } from '../constants';
import { ScimError } from '../scim/errors';
import { readScimBody } from '../http/read-scim-body';
import { detailOfForeignError, isScimErrorBody, sendScimError } from '../http/scim-error-response';

/**
 * Application-level middleware, registered ahead of Strapi's own: every response under the SCIM base path is
 * SCIM-shaped (errors from the router or Strapi's middlewares included) and bodies are parsed the SCIM way.
 */
export const createScimAppWideHttpMiddleware = (strapi: Core.Strapi) => {
  const apiPrefix = strapi.config.get<string>('api.rest.prefix', '/api');
  const basePath = `${apiPrefix}/${PLUGIN_ID}/v2/`;

  return async (ctx: Context, next: Next) => {
    if (!ctx.path.startsWith(basePath)) {
      await next();
      return;
    }
    try {
      await readScimBody(ctx);
      await next();
    } catch (error) {
      sendScimError(ctx, error, strapi);
      return;
    }
    if (ctx.status >= 400 && !isScimErrorBody(ctx.body)) {
      // The router answers a method it has no route for at all (TRACE, PROPFIND) with 501: not a failure, a 405.
      const status = ctx.status === 501 ? 405 : ctx.status;
      sendScimError(ctx, new ScimError(status, detailOfForeignError(status, ctx.body)), strapi);
      return;
    }
    if (ctx.body !== undefined && ctx.body !== null && typeof ctx.body === 'object') ctx.type = SCIM_CONTENT_TYPE;
  };
};
