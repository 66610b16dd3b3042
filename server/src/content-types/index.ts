import secretSchema from './secret/schema.json';

export default {
  secret: { schema: secretSchema },
};
