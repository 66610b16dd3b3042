import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { buildEndpointUrl } from '../http/endpoint-url';
import { requestQuirks } from '../http/request-quirks';
import {
  buildResourceType,
  buildResourceTypes,
  buildSchema,
  buildSchemas,
  buildServiceProviderConfig,
} from '../scim/discovery';
import { ScimError } from '../scim/errors';

/** Koa's router types path parameters as `any`; these routes have `:endpointId` and, for one item, `:id`. */
const paramsOf = (ctx: Context) => ctx.params as { endpointId: string; id: string };

/** Read-only discovery documents (RFC 7644 §4), generated from the one schema definition in scim/schema. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const baseUrl = (ctx: Context) => buildEndpointUrl(strapi, ctx.origin, paramsOf(ctx).endpointId) as string;

  return {
    serviceProviderConfig(ctx: Context) {
      ctx.body = buildServiceProviderConfig(baseUrl(ctx));
    },
    /** GET /serviceConfiguration, the Microsoft reference server's name for /ServiceProviderConfig. */
    serviceConfiguration(ctx: Context) {
      requestQuirks(ctx).fire('service-configuration-alias');
      ctx.body = buildServiceProviderConfig(baseUrl(ctx));
    },
    resourceTypes(ctx: Context) {
      ctx.body = buildResourceTypes(baseUrl(ctx));
    },
    resourceType(ctx: Context) {
      ctx.body = buildResourceType(baseUrl(ctx), paramsOf(ctx).id);
    },
    schemas(ctx: Context) {
      ctx.body = buildSchemas(baseUrl(ctx));
    },
    schema(ctx: Context) {
      ctx.body = buildSchema(baseUrl(ctx), paramsOf(ctx).id);
    },
    /** RFC 7644 §3.7: bulk is optional; ServiceProviderConfig says bulk.supported = false, and /Bulk says 501. */
    bulkNotImplemented() {
      throw new ScimError(501, 'Bulk operations are not supported (see bulk.supported in /ServiceProviderConfig)');
    },
    methodNotAllowed(ctx: Context) {
      ctx.set('Allow', 'GET');
      throw new ScimError(405, `${ctx.method} is not supported: discovery resources are read-only`);
    },
  };
};
