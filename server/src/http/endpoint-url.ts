import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import { withoutTrailingSlashes } from '../scim/trailing-slashes';

/** The SCIM base URL an identity provider is given: the app's public URL (or the request's origin) + the base path. */
export const buildEndpointUrl = (
  strapi: Core.Strapi,
  requestOrigin: string,
  endpointId: string | null,
): string | null => {
  if (!endpointId) return null;
  const configured = strapi.config.get<string>('server.url', '');
  const origin = /^https?:\/\//i.test(configured) ? withoutTrailingSlashes(configured) : requestOrigin;
  const apiPrefix = strapi.config.get<string>('api.rest.prefix', '/api');
  return `${origin}${apiPrefix}/${PLUGIN_ID}/v2/${endpointId}`;
};
