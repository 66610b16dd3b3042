import activity from './activity';
import discovery from './discovery';
import groups from './groups';
import provisionedGroups from './provisioned-groups';
import releasedLinks from './released-links';
import search from './search';
import secrets from './secrets';
import settings from './settings';
import users from './users';

export default {
  activity,
  discovery,
  groups,
  'provisioned-groups': provisionedGroups,
  'released-links': releasedLinks,
  search,
  secrets,
  settings,
  users,
};
