/** Shapes of the admin API, shared by the server and the admin panel. All responses are wrapped in `{ data }`. */
export interface RoleOption {
  id: number;
  name: string;
  code: string;
}

export interface SettingsResponse {
  enabled: boolean;
  productionMode: boolean;
  defaultRoleId: number | null;
  endpointId: string | null;
  endpointUrl: string | null;
  roles: RoleOption[];
}

export interface SecretSummaryResponse {
  id: number;
  label: string | null;
  hint: string;
  createdAt: string;
  lastUsedAt: string | null;
  revealable: boolean;
}

export interface CreatedSecretResponse extends SecretSummaryResponse {
  secret: string;
}
