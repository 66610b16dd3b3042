import activity from './activity';
import discovery from './discovery';
import groups from './groups';
import provisionedGroups from './provisioned-groups';
import search from './search';
import secrets from './secrets';
import settings from './settings';
import users from './users';

export default { activity, discovery, groups, 'provisioned-groups': provisionedGroups, search, secrets, settings, users };
