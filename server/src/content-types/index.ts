import scimUserSchema from './scim-user/schema.json';
import secretSchema from './secret/schema.json';

export default {
  secret: { schema: secretSchema },
  'scim-user': { schema: scimUserSchema },
};
