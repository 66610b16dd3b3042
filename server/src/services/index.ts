import secrets from './secrets';
import settings from './settings';
import users from './users';

export default { settings, secrets, users };
