import scimRouteGuard from './scim-route-guard';

export default { 'scim-route-guard': scimRouteGuard };
