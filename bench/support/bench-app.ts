/**
 * Boots the playground in this process (the integration test rig: a fresh database, 127.0.0.1, a free port),
 * turns SCIM on in production mode and creates a secret through the plugin's admin API, the way an
 * administrator would. One app per section process.
 */
import type { Core } from '@strapi/strapi';
import { adminApi } from '../../tests/integration/support/admin-api';
import { startTestApp, type TestApp } from '../../tests/integration/support/test-app';
import type { HostMode } from '../../server/src/services/host-users';

export type BenchDatabase = 'sqlite' | 'postgres';

export interface BenchApp {
  app: TestApp;
  strapi: Core.Strapi;
  db: BenchDatabase;
  /** http://127.0.0.1:<port>/api/scim/v2/<endpointId> */
  endpoint: string;
  /** `Bearer <secret>` */
  authorization: string;
  /** `Bearer <JWT>` of the Super Admin the app was set up with: Strapi's own admin routes (e.g. POST /admin/users). */
  adminAuthorization: string;
  defaultRoleId: number;
  /** Production mode as the settings say (what SCIM HTTP requests get). */
  productionMode: HostMode;
  /** Test mode: SCIM rows only, host users untouched (used to seed large directories quickly). */
  testMode: HostMode;
  strapiVersion: string;
  stop(): Promise<void>;
}

const bootOnce = async (db: BenchDatabase): Promise<TestApp> => {
  process.env.SCIM_TEST_DB = db;
  return startTestApp({
    env: {
      NODE_ENV: 'production',
      STRAPI_TELEMETRY_DISABLED: 'true',
      STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
      LOG_LEVEL: 'error',
    },
  });
};

export const startBenchApp = async (db: BenchDatabase): Promise<BenchApp> => {
  let app = await bootOnce(db);
  let token: string;
  try {
    token = await app.login();
  } catch {
    // Another engineer may be rebuilding dist/ (the admin routes answer 405 while it is half-written): retry once.
    await app.stop();
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    app = await bootOnce(db);
    token = await app.login();
  }
  const api = adminApi(app.baseUrl, token);
  const settings = await api.call<{ data: { endpointUrl: string; defaultRoleId: number } }>('PUT', '/scim/settings', {
    enabled: true,
    productionMode: true,
  });
  if (settings.status !== 200) {
    throw new Error(
      `enabling SCIM failed: ${settings.status} ${JSON.stringify(settings.body)} (rebuild dist/ and retry?)`,
    );
  }
  const data = settings.body.data;
  const secret = await api.createSecret('bench');
  const roleRules: Omit<HostMode, 'productionMode' | 'defaultRoleId'> = {
    invitationsEnabled: true,
    groupRoleMappings: [],
    appRoleMatch: 'off',
    appRoleMappings: [],
  };
  return {
    app,
    strapi: app.strapi,
    db,
    endpoint: data.endpointUrl,
    authorization: `Bearer ${secret.secret}`,
    adminAuthorization: `Bearer ${token}`,
    defaultRoleId: data.defaultRoleId,
    productionMode: { productionMode: true, defaultRoleId: data.defaultRoleId, ...roleRules },
    testMode: { productionMode: false, defaultRoleId: data.defaultRoleId, ...roleRules },
    strapiVersion: app.strapi.config.get('info.strapi', 'unknown'),
    stop: () => app.stop(),
  };
};
