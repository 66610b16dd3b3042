/**
 * The admin API's shapes, shared with the server; only types cross over, so nothing of the server is bundled
 * (the one exception is the quirk catalogue, pure data imported by utils/quirkName.ts).
 */
export type {
  ActivityEntryResponse,
  ActivityListResponse,
  ActivityMode,
  ActivityOutcome,
  ActivityResourceType,
  ConnectionTestResponse,
  CreatedSecretResponse,
  InvitationsResponse,
  PendingInvitation,
  ResendInvitationResponse,
  NotAppliedUser,
  ProductionJobResponse,
  ProductionJobStatus,
  ProvisionedGroupResponse,
  RoleOption,
  RotatedSecretResponse,
  SecretSummaryResponse,
  SettingsResponse,
  SetupStatusResponse,
} from '../../server/src/contracts';
import type { ActivityMode, ActivityOutcome, ActivityResourceType, SettingsResponse } from '../../server/src/contracts';

/** Members of the SCIM group `groupId` get the role `roleId`; earlier mappings have higher priority. */
export type GroupRoleMapping = SettingsResponse['groupRoleMappings'][number];

/** Users assigned the app role `value` get the role `roleId`; earlier rows have higher priority. */
export type AppRoleMapping = SettingsResponse['appRoleMappings'][number];
export type AppRoleMatch = SettingsResponse['appRoleMatch'];

export type SettingsUpdate = Partial<{
  enabled: boolean;
  productionMode: boolean;
  defaultRoleId: number;
  /** The whole list: it replaces the stored one. */
  groupRoleMappings: GroupRoleMapping[];
  appRoleMatch: AppRoleMatch;
  /** The whole table: it replaces the stored one. */
  appRoleMappings: AppRoleMapping[];
  invitationsEnabled: boolean;
}>;

export type LoadStatus = 'loading' | 'error' | 'ready';

/** The Activity page's select filters; a missing key means "any". */
export interface ActivitySelectFilters {
  outcome?: ActivityOutcome;
  resourceType?: ActivityResourceType;
  mode?: ActivityMode;
}

/** Every filter of the Activity page, as kept in its URL; a missing key means "any". */
export interface ActivityFilters extends ActivitySelectFilters {
  /** A resource's id or externalId, or part of its name. */
  search?: string;
  /** First and last day shown, `YYYY-MM-DD` in the admin's time zone, both included. */
  from?: string;
  to?: string;
}
