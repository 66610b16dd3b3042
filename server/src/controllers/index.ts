import activity from './activity';
import discovery from './discovery';
import productionJobs from './production-jobs';
import provisionedGroups from './provisioned-groups';
import releasedLinks from './released-links';
import { createResourceController } from './scim-resources';
import search from './search';
import secrets from './secrets';
import settings from './settings';
import { getService } from '../utils/get-service';

export default {
  activity,
  discovery,
  groups: createResourceController((strapi) => getService(strapi, 'groups')),
  'production-jobs': productionJobs,
  'provisioned-groups': provisionedGroups,
  'released-links': releasedLinks,
  search,
  secrets,
  settings,
  users: createResourceController((strapi) => getService(strapi, 'users')),
};
