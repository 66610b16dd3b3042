import discovery from './discovery';
import secrets from './secrets';
import settings from './settings';
import users from './users';

export default { discovery, secrets, settings, users };
