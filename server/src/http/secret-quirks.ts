import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { QuirkId } from '../scim/quirks';
import { getService } from '../utils/get-service';
import { requestQuirks } from './request-quirks';

/**
 * The dialects a client speaks are kept on its secret (`quirksSeen`), so that requests that write no activity
 * entry (reads, discovery) report their quirks too. Authentication notes what the secret had already been seen
 * using, read with the secret at no extra query; after the response, the quirks the request fired beyond those are
 * added. A request that fired nothing new costs no query, and a quirk costs one write per secret.
 */
interface SecretQuirksState {
  secretQuirks?: { secretId: number; seen: readonly QuirkId[] };
}

export const noteSecretQuirks = (ctx: Context, secretId: number, seen: readonly QuirkId[]): void => {
  (ctx.state as SecretQuirksState).secretQuirks = { secretId, seen };
};

/** Runs after the response is decided and never throws: a failed update is a warning, the request stands. */
export const rememberSecretQuirks = async (strapi: Core.Strapi, ctx: Context): Promise<void> => {
  const noted = (ctx.state as SecretQuirksState).secretQuirks;
  if (!noted) return;
  const fresh = requestQuirks(ctx)
    .list()
    .filter((id) => !noted.seen.includes(id));
  if (fresh.length === 0) return;
  try {
    await getService(strapi, 'secrets').rememberQuirks(noted.secretId, fresh);
  } catch (error) {
    strapi.log.warn(`[scim] could not record the quirks of secret ${noted.secretId}: ${(error as Error).message}`);
  }
};
