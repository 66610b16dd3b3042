import activity from './activity';
import connectionTest from './connection-test';
import discovery from './discovery';
import invitations from './invitations';
import productionJobs from './production-jobs';
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
  'connection-test': connectionTest,
  discovery,
  invitations,
  groups: createResourceController((strapi) => getService(strapi, 'groups')),
  'production-jobs': productionJobs,
  'provisioned-groups': provisionedGroups,
  'released-links': releasedLinks,
  search,
  secrets,
  settings,
  'setup-status': setupStatus,
  users: createResourceController((strapi) => getService(strapi, 'users')),
};
