import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { buildEndpointUrl } from '../http/endpoint-url';
import { hostMode } from '../http/host-mode';
import { patchAnswer } from '../http/patch-response';
import { requestQuirks } from '../http/request-quirks';
import { readSearchRequest, singleQueryValue } from '../http/search-request';
import { etagFromVersion, ifNoneMatchMatches } from '../scim/etag';
import { readFilterParameter } from '../scim/filter';
import { buildListResponse, parsePagination, parseSort } from '../scim/list';
import type { ProjectionRequest } from '../scim/projection';
import type { ResourceService, StoredRow, Written } from '../services/resources';

type ListQuery = { filter?: string; startIndex?: unknown; count?: unknown; sortBy?: unknown; sortOrder?: unknown };

/** The route's path parameters (Koa types them as any). */
const paramsOf = (ctx: Context) => ctx.params as { endpointId: string; id: string };

/**
 * One SCIM resource endpoint (/Users, /Groups): list, search, get with If-None-Match, create with Location, replace,
 * patch, remove. What a response carries (ETag, Location, the resource or 204) is decided here once for both types.
 */
export const createResourceController =
  <Row extends StoredRow>(serviceOf: (strapi: Core.Strapi) => ResourceService<Row>) =>
  ({ strapi }: { strapi: Core.Strapi }) => {
    const service = () => serviceOf(strapi);
    const endpointUrl = (ctx: Context) => buildEndpointUrl(strapi, ctx.origin, paramsOf(ctx).endpointId) as string;
    const projection = (ctx: Context): ProjectionRequest => ({
      attributes: singleQueryValue(ctx.query.attributes),
      excludedAttributes: singleQueryValue(ctx.query.excludedAttributes),
      log: requestQuirks(ctx),
    });
    const writeOptions = (ctx: Context) => ({ ifMatch: ctx.get('If-Match') || undefined, log: requestQuirks(ctx) });

    const send = async (ctx: Context, status: number, { row, members }: Written<Row>) => {
      const base = endpointUrl(ctx);
      const [resource] = await service().present([row], base, projection(ctx), { created: status === 201, members });
      ctx.set('ETag', etagFromVersion(row.version));
      if (status === 201) ctx.set('Location', `${base}/${service().endpoint}/${row.scimId}`);
      ctx.status = status;
      ctx.body = resource;
    };

    const sendList = async (ctx: Context, query: ListQuery, request: ProjectionRequest) => {
      const { startIndex, count } = parsePagination(query);
      const sort = parseSort(service().name, query);
      const { rows, total } = await service().list(
        { filter: query.filter, sort, startIndex, count },
        requestQuirks(ctx),
      );
      const resources = await service().present(rows, endpointUrl(ctx), request);
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
        const row = await service().get(paramsOf(ctx).id);
        if (ifNoneMatchMatches(ctx.get('If-None-Match') || undefined, row.version)) {
          ctx.status = 304;
          return;
        }
        await send(ctx, 200, { row });
      },

      async create(ctx: Context) {
        await send(ctx, 201, await service().create(ctx.request.body, hostMode(ctx), writeOptions(ctx)));
      },

      async replace(ctx: Context) {
        await send(
          ctx,
          200,
          await service().replace(paramsOf(ctx).id, ctx.request.body, hostMode(ctx), writeOptions(ctx)),
        );
      },

      /**
       * 204 with the new ETag, as RFC 7644 §3.5.2 allows and Microsoft's reference tests expect: returning a whole
       * group would load every member of a group of thousands after each member add. 200 with the resource when
       * the client asks for it (see patch-response.ts).
       */
      async patch(ctx: Context) {
        const answer = patchAnswer(ctx, projection(ctx));
        if (answer === 'resource-for-okta') requestQuirks(ctx).fire('okta-patch-returns-resource');
        const { row } = await service().patch(paramsOf(ctx).id, ctx.request.body, hostMode(ctx), writeOptions(ctx));
        if (answer !== 'no-content') {
          await send(ctx, 200, { row });
          return;
        }
        ctx.set('ETag', etagFromVersion(row.version));
        ctx.status = 204;
      },

      async remove(ctx: Context) {
        await service().remove(paramsOf(ctx).id, hostMode(ctx), writeOptions(ctx));
        ctx.status = 204;
      },
    };
  };
