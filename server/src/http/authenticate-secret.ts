import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { ScimError } from '../scim/errors';
import { getService } from '../utils/get-service';
import { presentedSecret } from './presented-secret';
import { requestQuirks } from './request-quirks';
import { noteSecretQuirks } from './secret-quirks';

/** A 429 with `Retry-After` in seconds; the error body's detail says the same. */
export const tooManyRequests = (ctx: Context, seconds: number, reason: string): ScimError => {
  ctx.set('Retry-After', String(seconds));
  return new ScimError(429, `${reason}; retry after ${seconds} second${seconds === 1 ? '' : 's'}`);
};

const refuse = (ctx: Context, detail: string): ScimError => {
  ctx.set('WWW-Authenticate', 'Bearer realm="SCIM"');
  return new ScimError(401, detail);
};

/**
 * The id of the secret the request carries. A missing, unknown or expired secret is a 401 (which the endpoint
 * middleware counts against the client's address); a valid secret over its request ceiling is a 429. The secret
 * is checked first: failures from its address never refuse a valid secret.
 */
export const authenticateSecret = async (strapi: Core.Strapi, ctx: Context): Promise<number> => {
  const authorization = ctx.get('authorization');
  const secret = presentedSecret(authorization);
  const check = secret ? await getService(strapi, 'secrets').verify(secret) : ({ status: 'unknown' } as const);
  if (check.status !== 'valid') {
    throw check.status === 'expired'
      ? refuse(
          ctx,
          `Authentication failed: this SCIM secret expired at ${check.expiresAt}; create a new one in Settings > SCIM User Provisioning`,
        )
      : refuse(ctx, 'Authentication failed: send a valid SCIM secret as "Authorization: Bearer <secret>"');
  }
  const wait = getService(strapi, 'throttle').takeSecretRequest(check.id);
  if (wait !== null)
    throw tooManyRequests(ctx, wait, 'This secret is over its request ceiling (secretRequestsPerSecond)');
  // The whole header is the secret: sent without "Bearer ".
  if (secret === authorization.trim()) requestQuirks(ctx).fire('bearer-prefix-missing');
  noteSecretQuirks(ctx, check.id, check.quirksSeen);
  return check.id;
};
