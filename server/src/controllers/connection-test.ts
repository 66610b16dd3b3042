import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { ConnectionTestResponse } from '../contracts';
import { configuredEndpointUrl } from '../http/endpoint-url';
import { probeEndpoint } from '../services/endpoint-probe';
import { getService } from '../utils/get-service';

const notCalled = (outcome: 'no-endpoint' | 'no-public-url'): ConnectionTestResponse => ({
  outcome,
  url: null,
  status: null,
  detail: null,
  durationMs: 0,
});

/**
 * "Test connection": the server calls its own endpoint's public URL. The URL comes from the configuration only
 * (`url` in config/server and the stored endpoint id), never from the request (not even its Host header), so
 * the route cannot be pointed at another address.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async run(ctx: Context) {
    const { endpointId } = await getService(strapi, 'settings').get();
    if (!endpointId) {
      ctx.body = { data: notCalled('no-endpoint') };
      return;
    }
    const url = configuredEndpointUrl(strapi, endpointId);
    ctx.body = { data: url === null ? notCalled('no-public-url') : await probeEndpoint(url) };
  },
});
