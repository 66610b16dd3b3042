import scimEndpoint from './scim-endpoint';

export default { 'scim-endpoint': scimEndpoint };
