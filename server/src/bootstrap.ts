import type { Core } from '@strapi/strapi';
import { startActivityPruning } from './activity-pruning';
import { startBackgroundPolling } from './background-polling';
import { PLUGIN_ID } from './constants';
import { startInstanceHeartbeat } from './instance-heartbeat';
import { proxyConfigWarning } from './http/proxy-config-check';
import { assertAttributeMappings } from './services/attribute-mappings';
import { ensureCaseExactCollation } from './services/store/case-exact-collation';
import { assertIndexedAttributes } from './services/store/indexed-attributes';

const CATEGORY = 'SCIM User Provisioning';

/** RBAC actions shown under Settings in the role editor; Super Admins hold all of them. */
const actions = [
  { uid: 'settings.read', displayName: 'Read', subCategory: 'Settings' },
  { uid: 'settings.update', displayName: 'Update', subCategory: 'Settings' },
  { uid: 'secrets.manage', displayName: 'Manage', subCategory: 'Secrets' },
  { uid: 'activity.read', displayName: 'Read', subCategory: 'Activity' },
].map((action) => ({ ...action, section: 'settings', category: CATEGORY, pluginName: PLUGIN_ID }));

/** The part of Strapi's admin permission service the plugin uses. */
interface PermissionService {
  actionProvider: { registerMany(actions: readonly object[]): Promise<void> };
}

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  assertAttributeMappings(strapi);
  assertIndexedAttributes(strapi);
  const permissions = strapi.service('admin::permission') as unknown as PermissionService;
  await permissions.actionProvider.registerMany(actions);
  await ensureCaseExactCollation(strapi);
  startActivityPruning(strapi);
  await startInstanceHeartbeat(strapi);
  startBackgroundPolling(strapi);
  const proxyWarning = proxyConfigWarning(strapi.config.get('server.proxy'));
  if (proxyWarning) strapi.log.warn(proxyWarning);
};
