import type { Context } from 'koa';
import getRawBody from 'raw-body';
import { MAX_BODY_BYTES, SCIM_CONTENT_TYPE } from '../constants';
import { ScimError } from '../scim/errors';
import { assertStorableJson } from '../services/store/storable-json';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const JSON_TYPES = ['application/scim+json', 'application/json'];

/** The Content-Length; Koa types it as a number but returns undefined when the header is absent. */
const declaredLength = (ctx: Context): number | undefined => ctx.request.length;

const hasBody = (ctx: Context): boolean => {
  const length = declaredLength(ctx);
  return ctx.get('transfer-encoding') !== '' || (length !== undefined && length > 0);
};

/**
 * Reads and parses a SCIM request body before Strapi's own body parser sees it, so the size limit, the
 * accepted media types and the error format are SCIM's. Afterwards the content type is set to
 * `application/scim+json`, a type Strapi's parser skips, so the stream is not read twice.
 */
export const readScimBody = async (ctx: Context): Promise<void> => {
  if (!BODY_METHODS.has(ctx.method) || !hasBody(ctx)) return;
  const length = declaredLength(ctx);
  if (length !== undefined && length > MAX_BODY_BYTES) {
    throw new ScimError(413, `The request body is larger than ${MAX_BODY_BYTES} bytes`);
  }
  if (ctx.get('content-type') && !ctx.is(JSON_TYPES)) {
    throw new ScimError(415, `Send the body as ${SCIM_CONTENT_TYPE} or application/json`);
  }
  let text: string;
  try {
    text = await getRawBody(ctx.req, { limit: MAX_BODY_BYTES, length: ctx.request.length, encoding: 'utf-8' });
  } catch (error) {
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large')
      throw new ScimError(413, `The request body is larger than ${MAX_BODY_BYTES} bytes`);
    throw new ScimError(400, 'The request body could not be read', 'invalidSyntax');
  }
  ctx.request.headers['content-type'] = SCIM_CONTENT_TYPE;
  if (text.trim() === '') {
    ctx.request.body = undefined;
    return;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new ScimError(400, `The request body is not valid JSON: ${(error as Error).message}`, 'invalidSyntax');
  }
  assertStorableJson(body);
  ctx.request.body = body;
};
