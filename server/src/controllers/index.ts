import discovery from './discovery';
import secrets from './secrets';
import settings from './settings';

export default { discovery, secrets, settings };
