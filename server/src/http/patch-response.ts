import type { Context } from 'koa';
import type { ProjectionRequest } from '../scim/projection';

/** RFC 7644 §3.5.2: a PATCH with `attributes` or `excludedAttributes` MUST answer 200 with the resource. */
const asksForProjection = (request: ProjectionRequest): boolean =>
  Boolean(request.attributes?.trim() || request.excludedAttributes?.trim());

const OKTA_USER_AGENT = /^Okta SCIM Client\b/i;

/**
 * How a PATCH answers: 204 with the ETag, or 200 with the resource when RFC 7644 requires it (a projection), when
 * the client asks with `Prefer: return=representation` (RFC 7240), or when the client is Okta, whose documented
 * PATCH responses carry the resource (quirk okta-patch-returns-resource).
 */
export const patchAnswer = (
  ctx: Context,
  request: ProjectionRequest,
): 'no-content' | 'resource' | 'resource-for-okta' => {
  if (asksForProjection(request) || /\breturn=representation\b/i.test(ctx.get('Prefer'))) return 'resource';
  return OKTA_USER_AGENT.test(ctx.get('User-Agent')) ? 'resource-for-okta' : 'no-content';
};
