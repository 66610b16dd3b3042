import { SCIM_ROUTE_PREFIX } from '../constants';

/**
 * SCIM 2.0 routes under /api/scim/v2/<endpointId>. Strapi's own authentication is off (`auth: false`):
 * the scim-route-guard middleware checks the endpoint id, the enabled flag and the secret.
 */
const scimRoute = (method: string, path: string, handler: string) => ({
  method,
  path: `${SCIM_ROUTE_PREFIX}${path}`,
  handler,
  config: { auth: false as const, middlewares: ['plugin::scim.scim-route-guard'] },
});

/** Discovery resources are read-only: these methods get 405 there. */
const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];
const DISCOVERY_PATHS = [
  '/ServiceProviderConfig',
  '/serviceConfiguration',
  '/ResourceTypes',
  '/ResourceTypes/:id',
  '/Schemas',
  '/Schemas/:id',
];

export default {
  type: 'content-api',
  routes: [
    scimRoute('GET', '/ServiceProviderConfig', 'discovery.serviceProviderConfig'),
    // service-configuration-alias: the Microsoft reference server's name for it, which its test collection calls.
    scimRoute('GET', '/serviceConfiguration', 'discovery.serviceConfiguration'),
    scimRoute('GET', '/ResourceTypes', 'discovery.resourceTypes'),
    scimRoute('GET', '/ResourceTypes/:id', 'discovery.resourceType'),
    scimRoute('GET', '/Schemas', 'discovery.schemas'),
    scimRoute('GET', '/Schemas/:id', 'discovery.schema'),
    scimRoute('POST', '/.search', 'search.search'),
    scimRoute('POST', '/Bulk', 'discovery.bulkNotImplemented'),
    scimRoute('GET', '/Users', 'users.list'),
    scimRoute('POST', '/Users/.search', 'users.search'),
    scimRoute('POST', '/Users', 'users.create'),
    scimRoute('GET', '/Users/:id', 'users.get'),
    scimRoute('PUT', '/Users/:id', 'users.replace'),
    scimRoute('PATCH', '/Users/:id', 'users.patch'),
    scimRoute('DELETE', '/Users/:id', 'users.remove'),
    scimRoute('GET', '/Groups', 'groups.list'),
    scimRoute('POST', '/Groups/.search', 'groups.search'),
    scimRoute('POST', '/Groups', 'groups.create'),
    scimRoute('GET', '/Groups/:id', 'groups.get'),
    scimRoute('PUT', '/Groups/:id', 'groups.replace'),
    scimRoute('PATCH', '/Groups/:id', 'groups.patch'),
    scimRoute('DELETE', '/Groups/:id', 'groups.remove'),
    ...DISCOVERY_PATHS.flatMap((path) =>
      WRITE_METHODS.map((method) => scimRoute(method, path, 'discovery.methodNotAllowed')),
    ),
  ],
};
