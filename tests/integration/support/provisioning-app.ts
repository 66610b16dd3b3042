import type { SettingsResponse } from '../../../server/src/contracts';
import { adminApi, scimRequest, type AdminApi } from './admin-api';
import { startTestApp, type StartOptions, type TestApp } from './test-app';

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE_USER = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** A SCIM PatchOp request body. */
export const patchBody = (Operations: unknown[]) => ({ schemas: [PATCH_OP], Operations });

export type ScimInit = Parameters<typeof scimRequest>[1];

export interface ProvisioningApp {
  app: TestApp;
  /** The plugin's admin API, logged in as the Super Admin. */
  api: AdminApi;
  endpoint: string;
  secret: string;
  /** A request to the SCIM endpoint, with the secret unless `init` says otherwise. */
  scim: (path: string, init?: ScimInit) => ReturnType<typeof scimRequest>;
  /** The host roles' ids by code (`strapi-editor`, `authenticated`, ...). */
  roleIds: Record<string, number>;
}

interface ProvisioningOptions extends StartOptions {
  /** Stay in test mode (production mode is the default: it is how sites run). */
  testMode?: boolean;
  secretLabel?: string;
}

/**
 * What most provisioning tests start from: the sample app booted with `env`, the Super Admin logged in to the
 * admin API, SCIM enabled (in production mode unless `testMode`) and a secret created, as a site owner does it.
 */
export const startProvisioningApp = async (options: ProvisioningOptions = {}): Promise<ProvisioningApp> => {
  const app = await startTestApp({ env: options.env });
  const api = adminApi(app.baseUrl, await app.login());
  let settings: SettingsResponse = await api.enable();
  if (!options.testMode) {
    const response = await api.call<{ data: SettingsResponse }>('PUT', '/scim/settings', { productionMode: true });
    if (response.status !== 200) throw new Error(`switching to production failed: ${response.status}`);
    settings = response.body.data;
  }
  const endpoint = settings.endpointUrl;
  if (!endpoint) throw new Error('enabling SCIM gave no endpoint URL');
  const secret = (await api.createSecret(options.secretLabel)).secret;
  return {
    app,
    api,
    endpoint,
    secret,
    scim: (path, init = {}) => scimRequest(`${endpoint}${path}`, { secret, ...init }),
    roleIds: Object.fromEntries(settings.roles.map((role) => [role.code, role.id])),
  };
};
