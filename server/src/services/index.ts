import activity from './activity';
import groups from './groups';
import secrets from './secrets';
import settings from './settings';
import throttle from './throttle';
import users from './users';

export default { activity, settings, secrets, throttle, users, groups };
