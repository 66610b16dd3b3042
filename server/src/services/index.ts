import secrets from './secrets';
import settings from './settings';

export default { settings, secrets };
