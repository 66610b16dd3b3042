import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { buildEndpointUrl } from '../http/endpoint-url';
import { hostMode } from '../http/host-mode';
import { asksForProjection } from '../http/patch-response';
import { keepsMembers, presentGroups } from '../http/present-resources';
import { requestQuirks } from '../http/request-quirks';
import { readSearchRequest, singleQueryValue } from '../http/search-request';
import { etagFromVersion, ifNoneMatchMatches } from '../scim/etag';
import { readFilterParameter } from '../scim/filter';
import { buildListResponse, parsePagination, parseSort } from '../scim/list';
import { projectResource, type ProjectionRequest } from '../scim/projection';
import type { ScimGroupRow } from '../services/store/group-repository';
import type { MemberUser } from '../services/store/member-users';
import { groupMember, serializeGroup, type GroupMember } from '../services/store/serialize-group';
import { getService } from '../utils/get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const groups = () => getService(strapi, 'groups');
  const endpointUrl = (ctx: Context) => buildEndpointUrl(strapi, ctx.origin, ctx.params.endpointId) as string;
  const projection = (ctx: Context): ProjectionRequest => ({
    attributes: singleQueryValue(ctx.query.attributes),
    excludedAttributes: singleQueryValue(ctx.query.excludedAttributes),
    log: requestQuirks(ctx),
  });

  /** `members`: already known (after POST/PUT), or undefined to load them if the projection keeps them. */
  const sendGroup = async (ctx: Context, row: ScimGroupRow, status: number, members?: MemberUser[]) => {
    const request = projection(ctx);
    const base = endpointUrl(ctx);
    let serializedMembers: GroupMember[] | undefined;
    if (keepsMembers(request)) {
      serializedMembers = members
        ? members.map((user) => groupMember(user, base))
        : (await groups().members([row], base)).get(row.id);
    }
    const group = serializeGroup(row, base, serializedMembers);
    const meta = group.meta as { version: string; location: string };
    ctx.set('ETag', meta.version);
    if (status === 201) ctx.set('Location', meta.location);
    ctx.status = status;
    ctx.body = projectResource('Group', group, request);
  };

  const sendList = async (
    ctx: Context,
    query: { filter?: string; startIndex?: unknown; count?: unknown; sortBy?: unknown; sortOrder?: unknown },
    request: ProjectionRequest,
  ) => {
    const { startIndex, count } = parsePagination(query);
    const sort = parseSort('Group', query);
    const { rows, total } = await groups().list({ filter: query.filter, sort, startIndex, count }, requestQuirks(ctx));
    const resources = await presentGroups(strapi, rows, endpointUrl(ctx), request);
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
      const row = await groups().get(ctx.params.id);
      if (ifNoneMatchMatches(ctx.get('If-None-Match') || undefined, row.version)) {
        ctx.status = 304;
        return;
      }
      await sendGroup(ctx, row, 200);
    },

    async create(ctx: Context) {
      const { row, members } = await groups().create(ctx.request.body, hostMode(ctx));
      await sendGroup(ctx, row, 201, members);
    },

    async replace(ctx: Context) {
      const { row, members } = await groups().replace(
        ctx.params.id,
        ctx.request.body,
        hostMode(ctx),
        ctx.get('If-Match') || undefined,
      );
      await sendGroup(ctx, row, 200, members);
    },

    /**
     * 204 with the new ETag, as RFC 7644 §3.5.2 allows and Microsoft's reference tests expect: returning the
     * whole group would load every member of a group of thousands after each member add. A client that
     * wants the resource back asks for it with `attributes` or `excludedAttributes`, and gets 200.
     */
    async patch(ctx: Context) {
      const { row } = await groups().patch(
        ctx.params.id,
        ctx.request.body,
        hostMode(ctx),
        ctx.get('If-Match') || undefined,
      );
      if (asksForProjection(projection(ctx))) {
        await sendGroup(ctx, row, 200);
        return;
      }
      ctx.set('ETag', etagFromVersion(row.version));
      ctx.status = 204;
    },

    async remove(ctx: Context) {
      await groups().remove(ctx.params.id, hostMode(ctx), ctx.get('If-Match') || undefined);
      ctx.status = 204;
    },
  };
};
