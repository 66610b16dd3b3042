import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { buildEndpointUrl } from '../http/endpoint-url';
import { hostMode } from '../http/host-mode';
import { wantsUserPatchBody } from '../http/patch-response';
import { presentUsers } from '../http/present-resources';
import { requestQuirks } from '../http/request-quirks';
import { readSearchRequest, singleQueryValue } from '../http/search-request';
import { etagFromVersion, ifNoneMatchMatches } from '../scim/etag';
import { readFilterParameter } from '../scim/filter';
import { buildListResponse, parsePagination, parseSort } from '../scim/list';
import type { ProjectionRequest } from '../scim/projection';
import type { ScimUserRow } from '../services/store/user-repository';
import { getService } from '../utils/get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const users = () => getService(strapi, 'users');
  const endpointUrl = (ctx: Context) => buildEndpointUrl(strapi, ctx.origin, ctx.params.endpointId) as string;
  const projection = (ctx: Context): ProjectionRequest => ({
    attributes: singleQueryValue(ctx.query.attributes),
    excludedAttributes: singleQueryValue(ctx.query.excludedAttributes),
    log: requestQuirks(ctx),
  });

  const sendUser = async (
    ctx: Context,
    row: ScimUserRow,
    status: number,
    request: ProjectionRequest = projection(ctx),
  ) => {
    const base = endpointUrl(ctx);
    const [user] = await presentUsers(strapi, [row], base, request, { isNew: status === 201 });
    ctx.set('ETag', etagFromVersion(row.version));
    if (status === 201) ctx.set('Location', `${base}/Users/${row.scimId}`);
    ctx.status = status;
    ctx.body = user;
  };

  const sendList = async (
    ctx: Context,
    query: { filter?: string; startIndex?: unknown; count?: unknown; sortBy?: unknown; sortOrder?: unknown },
    request: ProjectionRequest,
  ) => {
    const { startIndex, count } = parsePagination(query);
    const sort = parseSort('User', query);
    const { rows, total } = await users().list({ filter: query.filter, sort, startIndex, count }, requestQuirks(ctx));
    const resources = await presentUsers(strapi, rows, endpointUrl(ctx), request);
    ctx.body = buildListResponse(resources, { totalResults: total, startIndex });
  };

  return {
    async list(ctx: Context) {
      await sendList(ctx, { ...ctx.query, filter: readFilterParameter(ctx.querystring) }, projection(ctx));
    },

    async search(ctx: Context) {
      const body = readSearchRequest(ctx.request.body);
      await sendList(ctx, body, {
        attributes: body.attributes,
        excludedAttributes: body.excludedAttributes,
        log: requestQuirks(ctx),
      });
      ctx.status = 200;
    },

    async get(ctx: Context) {
      const row = await users().get(ctx.params.id);
      if (ifNoneMatchMatches(ctx.get('If-None-Match') || undefined, row.version)) {
        ctx.status = 304;
        return;
      }
      await sendUser(ctx, row, 200);
    },

    async create(ctx: Context) {
      const { row } = await users().create(ctx.request.body, hostMode(ctx));
      await sendUser(ctx, row, 201);
    },

    async replace(ctx: Context) {
      const { row } = await users().replace(
        ctx.params.id,
        ctx.request.body,
        hostMode(ctx),
        ctx.get('If-Match') || undefined,
      );
      await sendUser(ctx, row, 200);
    },

    async patch(ctx: Context) {
      const { row } = await users().patch(
        ctx.params.id,
        ctx.request.body,
        hostMode(ctx),
        ctx.get('If-Match') || undefined,
      );
      if (wantsUserPatchBody(ctx, projection(ctx))) {
        await sendUser(ctx, row, 200);
        return;
      }
      ctx.set('ETag', etagFromVersion(row.version));
      ctx.status = 204;
    },

    async remove(ctx: Context) {
      await users().remove(ctx.params.id, hostMode(ctx), ctx.get('If-Match') || undefined);
      ctx.status = 204;
    },
  };
};
