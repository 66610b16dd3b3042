import { ACTIONS } from '../constants';

/** One admin route: only an authenticated admin holding `action` reaches the handler. */
const route = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, handler: string, action: string) => ({
  method,
  path,
  handler,
  config: {
    policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
  },
});

/** Admin API, served at /scim/... for the admin panel and for operators with an admin token. */
export default {
  type: 'admin',
  routes: [
    route('GET', '/settings', 'settings.get', ACTIONS.readSettings),
    route('PUT', '/settings', 'settings.update', ACTIONS.updateSettings),
    route('POST', '/settings/regenerate-endpoint', 'settings.regenerateEndpoint', ACTIONS.updateSettings),
    route('POST', '/settings/test-connection', 'connection-test.run', ACTIONS.readSettings),
    route('GET', '/setup-status', 'setup-status.get', ACTIONS.readSettings),
    route('GET', '/production-jobs/latest', 'production-jobs.latest', ACTIONS.readSettings),
    route('GET', '/production-jobs/:id', 'production-jobs.findOne', ACTIONS.readSettings),
    route('GET', '/secrets', 'secrets.list', ACTIONS.manageSecrets),
    route('POST', '/secrets', 'secrets.create', ACTIONS.manageSecrets),
    route('GET', '/secrets/:id/reveal', 'secrets.reveal', ACTIONS.manageSecrets),
    route('PUT', '/secrets/:id', 'secrets.update', ACTIONS.manageSecrets),
    route('POST', '/secrets/:id/rotate', 'secrets.rotate', ACTIONS.manageSecrets),
    route('DELETE', '/secrets/:id', 'secrets.remove', ACTIONS.manageSecrets),
    route('GET', '/activity', 'activity.list', ACTIONS.readActivity),
    route('GET', '/activity/export', 'activity.export', ACTIONS.readActivity),
    route('GET', '/groups', 'provisioned-groups.list', ACTIONS.readSettings),
    route('GET', '/invitations', 'invitations.overview', ACTIONS.readSettings),
    route('POST', '/invitations/:scimUserId/resend', 'invitations.resend', ACTIONS.updateSettings),
    route('DELETE', '/released-links/:externalId', 'released-links.remove', ACTIONS.updateSettings),
  ],
};
