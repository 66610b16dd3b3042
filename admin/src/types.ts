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
  CreatedSecretResponse,
  NotAppliedUser,
  ProductionJobResponse,
  ProductionJobStatus,
  ProvisionedGroupResponse,
  RoleOption,
  SecretSummaryResponse,
  SettingsResponse,
} from '../../server/src/contracts';
import type { ActivityMode, ActivityOutcome, ActivityResourceType, SettingsResponse } from '../../server/src/contracts';

/** Members of the SCIM group `groupId` get the role `roleId`; earlier mappings have higher priority. */
export type GroupRoleMapping = SettingsResponse['groupRoleMappings'][number];

export type SettingsUpdate = Partial<{
  enabled: boolean;
  productionMode: boolean;
  defaultRoleId: number;
  /** The whole list: it replaces the stored one. */
  groupRoleMappings: GroupRoleMapping[];
}>;

export type LoadStatus = 'loading' | 'error' | 'ready';

/** The Activity page's filters; a missing key means "any". */
export interface ActivityFilters {
  outcome?: ActivityOutcome;
  resourceType?: ActivityResourceType;
  mode?: ActivityMode;
}
