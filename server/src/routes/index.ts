import admin from './admin';
import scim from './scim';

export default { admin, 'content-api': scim };
