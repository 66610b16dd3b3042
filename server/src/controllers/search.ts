import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { buildEndpointUrl } from '../http/endpoint-url';
import { requestQuirks } from '../http/request-quirks';
import { readSearchRequest } from '../http/search-request';
import { ScimError } from '../scim/errors';
import { buildListResponse, parsePagination } from '../scim/list';
import { getService } from '../utils/get-service';

/** A filter naming an attribute a resource type does not have matches nothing of that type (RFC 7644 §3.4.2). */
const isNotFilterable = (error: unknown) =>
  error instanceof ScimError && error.scimType === 'invalidFilter' && /not filterable/i.test(error.message);

const orNothing = async <T>(
  query: () => Promise<{ rows: T[]; total: number }>,
): Promise<{ rows: T[]; total: number }> => {
  try {
    return await query();
  } catch (error) {
    if (isNotFilterable(error)) return { rows: [] as T[], total: 0 };
    throw error;
  }
};

/**
 * POST /.search at the endpoint root (RFC 7644 §3.4.3): Users, then Groups, as one list. Each type is
 * counted and paged in the database; the page takes users first and continues into groups.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async search(ctx: Context) {
    const body = readSearchRequest(ctx.request.body);
    if (body.sortBy)
      throw ScimError.badRequest(
        'invalidValue',
        'sortBy is not supported across resource types; search /Users or /Groups',
      );
    const { startIndex, count } = parsePagination(body);
    const base = buildEndpointUrl(strapi, ctx.origin, (ctx.params as { endpointId: string }).endpointId) as string;
    const log = requestQuirks(ctx);
    const request = { attributes: body.attributes, excludedAttributes: body.excludedAttributes, log };
    const offset = startIndex - 1;

    const users = await orNothing(() =>
      getService(strapi, 'users').list({ filter: body.filter, startIndex, count }, log),
    );
    const groupsOffset = Math.max(0, offset - users.total);
    const groupsCount = Math.max(0, count - users.rows.length);
    const groups = await orNothing(() =>
      getService(strapi, 'groups').list({ filter: body.filter, startIndex: groupsOffset + 1, count: groupsCount }, log),
    );
    const resources = [
      ...(await getService(strapi, 'users').present(users.rows, base, request)),
      ...(await getService(strapi, 'groups').present(groups.rows, base, request)),
    ];
    ctx.status = 200;
    ctx.body = buildListResponse(resources, { totalResults: users.total + groups.total, startIndex });
  },
});
