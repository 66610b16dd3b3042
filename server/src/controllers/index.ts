import activity from './activity';
import discovery from './discovery';
import groups from './groups';
import search from './search';
import secrets from './secrets';
import settings from './settings';
import users from './users';

export default { activity, discovery, groups, search, secrets, settings, users };
