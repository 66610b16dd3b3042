import activity from './activity';
import discovery from './discovery';
import provisionedGroups from './provisioned-groups';
import releasedLinks from './released-links';
import { createResourceController } from './scim-resources';
import search from './search';
import secrets from './secrets';
import settings from './settings';
import setupStatus from './setup-status';
import { getService } from '../utils/get-service';

export default {
  activity,
  discovery,
  groups: createResourceController((strapi) => getService(strapi, 'groups')),
  'provisioned-groups': provisionedGroups,
  'released-links': releasedLinks,
  search,
  secrets,
  settings,
  'setup-status': setupStatus,
  users: createResourceController((strapi) => getService(strapi, 'users')),
};
