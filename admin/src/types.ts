/** The admin API's shapes, shared with the server; only types cross over, so nothing of the server is bundled. */
export type {
  CreatedSecretResponse,
  RoleOption,
  SecretSummaryResponse,
  SettingsResponse,
} from '../../server/src/contracts';

export type SettingsUpdate = Partial<{ enabled: boolean; productionMode: boolean; defaultRoleId: number }>;

export type LoadStatus = 'loading' | 'error' | 'ready';
