import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import { withoutTrailingSlashes } from '../scim/trailing-slashes';

const endpointPath = (strapi: Core.Strapi, endpointId: string) =>
  `${strapi.config.get<string>('api.rest.prefix', '/api')}/${PLUGIN_ID}/v2/${endpointId}`;

/** The app's public URL (`url` in config/server), when it is an absolute http(s) URL. */
const configuredOrigin = (strapi: Core.Strapi): string | null => {
  const configured = strapi.config.get<string>('server.url', '');
  return /^https?:\/\//i.test(configured) ? withoutTrailingSlashes(configured) : null;
};

/** The SCIM base URL an identity provider is given: the app's public URL (or the request's origin) + the base path. */
export const buildEndpointUrl = (
  strapi: Core.Strapi,
  requestOrigin: string,
  endpointId: string | null,
): string | null => {
  if (!endpointId) return null;
  return `${configuredOrigin(strapi) ?? requestOrigin}${endpointPath(strapi, endpointId)}`;
};

/** The endpoint URL from the configuration alone, never from the request: null without a public URL. */
export const configuredEndpointUrl = (strapi: Core.Strapi, endpointId: string): string | null => {
  const origin = configuredOrigin(strapi);
  return origin === null ? null : `${origin}${endpointPath(strapi, endpointId)}`;
};
