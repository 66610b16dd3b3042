import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { z } from 'zod';
import { buildEndpointUrl } from '../http/endpoint-url';
import { ScimError } from '../scim/errors';
import { ifNoneMatchMatches } from '../scim/etag';
import { readFilterParameter } from '../scim/filter';
import { buildListResponse, parsePagination, parseSort } from '../scim/list';
import { projectResource, type ProjectionRequest } from '../scim/projection';
import { serializeUser } from '../services/store/serialize-user';
import type { ScimUserRow } from '../services/store/user-repository';
import type { ScimRequestState } from '../middlewares/scim-endpoint';
import { getService } from '../utils/get-service';

const SEARCH_REQUEST_URN = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';

const attributeList = z.union([z.string(), z.array(z.string()).transform((names) => names.join(','))]).optional();

/** Body of POST /Users/.search (RFC 7644 §3.4.3). */
const searchRequestSchema = z.object({
  schemas: z.array(z.string()).optional(),
  filter: z.string().optional(),
  startIndex: z.union([z.number(), z.string()]).optional(),
  count: z.union([z.number(), z.string()]).optional(),
  sortBy: z.string().optional(),
  sortOrder: z.string().optional(),
  attributes: attributeList,
  excludedAttributes: attributeList,
});

const hostMode = (ctx: Context) => {
  const { productionMode, defaultRoleId } = ctx.state.scim as ScimRequestState;
  return { productionMode, defaultRoleId };
};

const single = (value: unknown): string | undefined => {
  if (Array.isArray(value)) throw ScimError.badRequest('invalidValue', 'A query parameter is given more than once');
  return typeof value === 'string' ? value : undefined;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const users = () => getService(strapi, 'users');
  const endpointUrl = (ctx: Context) => buildEndpointUrl(strapi, ctx.origin, ctx.params.endpointId) as string;
  const projection = (ctx: Context): ProjectionRequest => ({
    attributes: single(ctx.query.attributes),
    excludedAttributes: single(ctx.query.excludedAttributes),
  });

  const sendUser = (ctx: Context, row: ScimUserRow, status: number, request: ProjectionRequest = projection(ctx)) => {
    const user = serializeUser(row, endpointUrl(ctx));
    ctx.set('ETag', (user.meta as { version: string }).version);
    if (status === 201) ctx.set('Location', (user.meta as { location: string }).location);
    ctx.status = status;
    ctx.body = projectResource('User', user, request);
  };

  const sendList = async (
    ctx: Context,
    query: { filter?: string; startIndex?: unknown; count?: unknown; sortBy?: unknown; sortOrder?: unknown },
    request: ProjectionRequest,
  ) => {
    const { startIndex, count } = parsePagination(query);
    const sort = parseSort('User', query);
    const { rows, total } = await users().list({ filter: query.filter, sort, startIndex, count });
    const base = endpointUrl(ctx);
    const resources = rows.map((row) => projectResource('User', serializeUser(row, base), request));
    ctx.body = buildListResponse(resources, { totalResults: total, startIndex });
  };

  return {
    async list(ctx: Context) {
      await sendList(ctx, { ...ctx.query, filter: readFilterParameter(ctx.querystring) }, projection(ctx));
    },

    async search(ctx: Context) {
      const parsed = searchRequestSchema.safeParse(ctx.request.body ?? {});
      if (!parsed.success) throw ScimError.badRequest('invalidSyntax', `Invalid SearchRequest: ${parsed.error.issues[0].message}`);
      const body = parsed.data;
      if (body.schemas && !body.schemas.includes(SEARCH_REQUEST_URN)) {
        throw ScimError.badRequest('invalidSyntax', `A SearchRequest must list the schema ${SEARCH_REQUEST_URN}`);
      }
      await sendList(ctx, body, { attributes: body.attributes, excludedAttributes: body.excludedAttributes });
      ctx.status = 200;
    },

    async get(ctx: Context) {
      const row = await users().get(ctx.params.id);
      if (ifNoneMatchMatches(ctx.get('If-None-Match') || undefined, row.version)) {
        ctx.status = 304;
        return;
      }
      sendUser(ctx, row, 200);
    },

    async create(ctx: Context) {
      const { row } = await users().create(ctx.request.body, hostMode(ctx));
      sendUser(ctx, row, 201);
    },

    async replace(ctx: Context) {
      const { row } = await users().replace(ctx.params.id, ctx.request.body, hostMode(ctx), ctx.get('If-Match') || undefined);
      sendUser(ctx, row, 200);
    },

    async patch(ctx: Context) {
      const { row } = await users().patch(ctx.params.id, ctx.request.body, hostMode(ctx), ctx.get('If-Match') || undefined);
      sendUser(ctx, row, 200);
    },

    async remove(ctx: Context) {
      await users().remove(ctx.params.id, hostMode(ctx), ctx.get('If-Match') || undefined);
      ctx.status = 204;
    },
  };
};
