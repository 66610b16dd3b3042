import activity from './activity';
import discovery from './discovery';
import groups from './groups';
import secrets from './secrets';
import settings from './settings';
import users from './users';

export default { activity, discovery, groups, secrets, settings, users };
