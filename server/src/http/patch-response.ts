import type { Context } from 'koa';
import type { ProjectionRequest } from '../scim/projection';

/** RFC 7644 §3.5.2: a PATCH with `attributes` or `excludedAttributes` MUST answer 200 with the resource. */
export const asksForProjection = (request: ProjectionRequest): boolean =>
  Boolean(request.attributes?.trim() || request.excludedAttributes?.trim());

const OKTA_USER_AGENT = /^Okta SCIM Client\b/i;

/**
 * Whether a User PATCH answers 200 with the User rather than 204: when RFC 7644 requires it (a projection),
 * when the client asks with `Prefer: return=representation` (RFC 7240), or when the client is Okta, whose
 * documented PATCH responses carry the User (quirk okta-patch-returns-resource).
 */
export const wantsUserPatchBody = (ctx: Context, request: ProjectionRequest): boolean =>
  asksForProjection(request) ||
  /\breturn=representation\b/i.test(ctx.get('Prefer')) ||
  OKTA_USER_AGENT.test(ctx.get('User-Agent'));
