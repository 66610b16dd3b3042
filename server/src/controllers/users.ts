import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { buildEndpointUrl } from '../http/endpoint-url';
import { hostMode } from '../http/host-mode';
import { readSearchRequest, singleQueryValue } from '../http/search-request';
import { ifNoneMatchMatches } from '../scim/etag';
import { readFilterParameter } from '../scim/filter';
import { buildListResponse, parsePagination, parseSort } from '../scim/list';
import { projectResource, type ProjectionRequest } from '../scim/projection';
import { USER_SCHEMA_URN } from '../scim/schema';
import { groupsOfUsers } from '../services/store/user-groups';
import { serializeUser } from '../services/store/serialize-user';
import type { ScimUserRow } from '../services/store/user-repository';
import { getService } from '../utils/get-service';

const keepsGroups = (request: ProjectionRequest) =>
  'groups' in projectResource('User', { schemas: [USER_SCHEMA_URN], groups: [{ value: '' }] }, request);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const users = () => getService(strapi, 'users');
  const endpointUrl = (ctx: Context) => buildEndpointUrl(strapi, ctx.origin, ctx.params.endpointId) as string;
  const projection = (ctx: Context): ProjectionRequest => ({
    attributes: singleQueryValue(ctx.query.attributes),
    excludedAttributes: singleQueryValue(ctx.query.excludedAttributes),
  });

  /** The read-only `groups` come from the membership table, read only when the projection keeps them. */
  const groupsFor = async (ctx: Context, rows: ScimUserRow[], request: ProjectionRequest) =>
    keepsGroups(request)
      ? groupsOfUsers(
          strapi,
          rows.map((row) => row.id),
          endpointUrl(ctx),
        )
      : undefined;

  const sendUser = async (
    ctx: Context,
    row: ScimUserRow,
    status: number,
    request: ProjectionRequest = projection(ctx),
  ) => {
    const groups = await groupsFor(ctx, [row], request);
    const user = serializeUser(row, endpointUrl(ctx), groups?.get(row.id));
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
    const groups = await groupsFor(ctx, rows, request);
    const resources = rows.map((row) =>
      projectResource('User', serializeUser(row, base, groups?.get(row.id)), request),
    );
    ctx.body = buildListResponse(resources, { totalResults: total, startIndex });
  };

  return {
    async list(ctx: Context) {
      await sendList(ctx, { ...ctx.query, filter: readFilterParameter(ctx.querystring) }, projection(ctx));
    },

    async search(ctx: Context) {
      const body = readSearchRequest(ctx.request.body);
      await sendList(ctx, body, { attributes: body.attributes, excludedAttributes: body.excludedAttributes });
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
      await sendUser(ctx, row, 200);
    },

    async remove(ctx: Context) {
      await users().remove(ctx.params.id, hostMode(ctx), ctx.get('If-Match') || undefined);
      ctx.status = 204;
    },
  };
};
