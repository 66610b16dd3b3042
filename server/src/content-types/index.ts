import activityEntrySchema from './activity-entry/schema.json';
import attributeIndexSchema from './attribute-index/schema.json';
import attributeIndexBuildSchema from './attribute-index-build/schema.json';
import instanceSchema from './instance/schema.json';
import productionJobSchema from './production-job/schema.json';
import releasedLinkSchema from './released-link/schema.json';
import scimGroupSchema from './scim-group/schema.json';
import scimMembershipSchema from './scim-membership/schema.json';
import scimUserSchema from './scim-user/schema.json';
import secretSchema from './secret/schema.json';

export default {
  secret: { schema: secretSchema },
  'activity-entry': { schema: activityEntrySchema },
  'released-link': { schema: releasedLinkSchema },
  instance: { schema: instanceSchema },
  'production-job': { schema: productionJobSchema },
  'scim-user': { schema: scimUserSchema },
  'scim-group': { schema: scimGroupSchema },
  'scim-membership': { schema: scimMembershipSchema },
  'attribute-index': { schema: attributeIndexSchema },
  'attribute-index-build': { schema: attributeIndexBuildSchema },
};
