import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { SCIM_CONTENT_TYPE } from '../constants';
import { ERROR_SCHEMA, ScimError } from '../scim/errors';

const hasStatus = (error: unknown): error is { status: number; message?: string; expose?: boolean } =>
  typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number';

/** Maps anything thrown while serving a SCIM request onto a SCIM error; unknown failures become a bare 500. */
export const toScimError = (error: unknown): ScimError => {
  if (error instanceof ScimError) return error;
  if (hasStatus(error) && error.status >= 400 && error.status < 500) {
    return new ScimError(error.status, error.expose !== false && error.message ? error.message : 'Bad request');
  }
  return new ScimError(500, 'The SCIM service failed to process the request');
};

export const sendScimError = (ctx: Context, error: unknown, strapi: Core.Strapi): void => {
  const scimError = toScimError(error);
  if (!(error instanceof ScimError)) {
    strapi.log.error(
      `[scim] ${ctx.method} ${ctx.path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
  ctx.status = scimError.status;
  ctx.body = scimError.toBody();
  ctx.type = SCIM_CONTENT_TYPE;
};

export const isScimErrorBody = (body: unknown): boolean =>
  typeof body === 'object' &&
  body !== null &&
  Array.isArray((body as { schemas?: unknown }).schemas) &&
  (body as { schemas: unknown[] }).schemas.includes(ERROR_SCHEMA);

const DEFAULT_DETAILS: Record<number, string> = {
  401: 'Authentication failed',
  403: 'Forbidden',
  404: 'No SCIM resource at this path',
  405: 'This method is not supported on this SCIM resource',
  413: 'The request body is too large',
};

/** Detail of an error response produced outside the plugin (Strapi's error middleware, the router). */
export const detailOfForeignError = (status: number, body: unknown): string => {
  if (status === 404 || status === 405) return DEFAULT_DETAILS[status];
  const message = (body as { error?: { message?: unknown } } | undefined)?.error?.message;
  if (typeof message === 'string' && message && status < 500) return message;
  return DEFAULT_DETAILS[status] ?? (status >= 500 ? 'The SCIM service failed to process the request' : 'Bad request');
};
