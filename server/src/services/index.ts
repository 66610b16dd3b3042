import activity from './activity';
import groups from './groups';
import refusals from './refusals';
import secrets from './secrets';
import settings from './settings';
import throttle from './throttle';
import users from './users';

export default { activity, refusals, settings, secrets, throttle, users, groups };
