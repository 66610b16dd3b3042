import { ACTIONS } from '../constants';

const guard = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
});

/** Admin API, served at /scim/... for the admin panel and for operators with an admin token. */
export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/settings', handler: 'settings.get', config: guard(ACTIONS.readSettings) },
    { method: 'PUT', path: '/settings', handler: 'settings.update', config: guard(ACTIONS.updateSettings) },
    {
      method: 'POST',
      path: '/settings/regenerate-endpoint',
      handler: 'settings.regenerateEndpoint',
      config: guard(ACTIONS.updateSettings),
    },
    { method: 'GET', path: '/secrets', handler: 'secrets.list', config: guard(ACTIONS.manageSecrets) },
    { method: 'POST', path: '/secrets', handler: 'secrets.create', config: guard(ACTIONS.manageSecrets) },
    { method: 'GET', path: '/secrets/:id/reveal', handler: 'secrets.reveal', config: guard(ACTIONS.manageSecrets) },
    { method: 'DELETE', path: '/secrets/:id', handler: 'secrets.remove', config: guard(ACTIONS.manageSecrets) },
    { method: 'GET', path: '/activity', handler: 'activity.list', config: guard(ACTIONS.readActivity) },
    { method: 'GET', path: '/groups', handler: 'provisioned-groups.list', config: guard(ACTIONS.readSettings) },
    {
      method: 'DELETE',
      path: '/released-links/:externalId',
      handler: 'released-links.remove',
      config: guard(ACTIONS.updateSettings),
    },
  ],
};
