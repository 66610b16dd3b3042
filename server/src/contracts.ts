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
  /** Members of the SCIM group `groupId` get the role `roleId`; earlier rows have higher priority. */
  groupRoleMappings: { groupId: string; roleId: number }[];
  /**
   * How the values of a user's `roles` (Entra ID app roles) map onto roles: off, by role name, by role code, or
   * by `appRoleMappings` (earlier rows have higher priority).
   */
  appRoleMatch: 'off' | 'name' | 'code' | 'table';
  appRoleMappings: { value: string; roleId: number }[];
  /** The `attributeMappings` option: SCIM attribute paths copied onto fields of the host user (read-only). */
  attributeMappings: { path: string; field: string }[];
  /** How many SCIM users and groups are stored: what switching production mode on applies to Strapi. */
  provisioned: {
    users: number;
    groups: number;
    /** Users applied to a Strapi user: whom a default-role or mapping change touches. */
    appliedUsers: number;
  };
  /** A role change touching more applied users than this runs as a background job (see productionJob). */
  roleChangeJobThreshold: number;
  /** The newest production job (switch to production, or a large role change), running or done; null if none. */
  productionJob: ProductionJobResponse | null;
  /** Whether the admin reading the settings may change what SCIM hands out (see HostUserGrantResponse). */
  hostUserGrant: HostUserGrantResponse;
  /** The `allowSecretReveal` option: whether secrets can be shown again after creation. */
  allowSecretReveal: boolean;
  /** Whether the admin users SCIM creates get an invitation email (when an email provider is configured). */
  invitationsEnabled: boolean;
}

/** A provisioned admin user who has not registered yet. */
export interface PendingInvitation {
  /** The SCIM user's id, for `POST /scim/invitations/:scimUserId/resend`. */
  scimId: string;
  userName: string;
  email: string;
  /** Strapi's registration link; null unless the admin may create admin users (linksShown). */
  registrationLink: string | null;
}

/** `GET /scim/invitations`: the General page's Invitations card. */
export interface InvitationsResponse {
  target: 'admin' | 'users-permissions';
  /** The email plugin's provider, or null when none is configured (Strapi's default sendmail counts as none). */
  emailProvider: string | null;
  enabled: boolean;
  /** Provisioned admin users not registered yet; `pending` holds the first 50 of them. */
  total: number;
  pending: PendingInvitation[];
  /** Whether the registration links are included: they let whoever holds one set that user's password. */
  linksShown: boolean;
}

/** `POST /scim/invitations/:scimUserId/resend`. */
export type ResendInvitationResponse = { sent: true; email: string } | { sent: false; email: string; error: string };

/**
 * The Strapi permission needed to change what SCIM hands out (default role, mappings, production mode, enabling
 * in production mode, creating or revealing secrets), and whether the current admin has it.
 */
export interface HostUserGrantResponse {
  allowed: boolean;
  /** The permission's action id, e.g. `admin::users.create`. */
  permission: string;
  /** How Strapi's roles page names it, for messages. */
  permissionLabel: string;
}

export interface SecretSummaryResponse {
  id: number;
  label: string | null;
  hint: string;
  createdAt: string;
  lastUsedAt: string | null;
  /** null: the secret never expires. */
  expiresAt: string | null;
  /** Whether expiresAt has passed (by the server's clock): the endpoint refuses the secret. */
  expired: boolean;
  revealable: boolean;
  /** Ids from the quirk catalogue (server/src/scim/quirks.ts) that requests with this secret used, first seen first. */
  quirksSeen: string[];
}

export interface CreatedSecretResponse extends SecretSummaryResponse {
  secret: string;
}

/** `POST /scim/secrets/:id/rotate`: the new secret, shown once, and the rotated one with its new expiry. */
export interface RotatedSecretResponse {
  secret: CreatedSecretResponse;
  replaced: SecretSummaryResponse;
}

export type ActivityOutcome = 'success' | 'failure';
export type ActivityMode = 'test' | 'production';
export type ActivityResourceType = 'User' | 'Group' | 'Settings' | 'Secret' | 'Endpoint';

/** One entry of `GET /scim/activity`. Never holds a secret or a password: `changes` lists attribute names only. */
export interface ActivityEntryResponse {
  id: number;
  createdAt: string;
  method: string;
  resourceType: ActivityResourceType;
  resourceId: string | null;
  resourceName: string | null;
  operation: string;
  outcome: ActivityOutcome;
  /** The HTTP status the request was answered with. */
  status: number;
  /** null for entries not made by the SCIM endpoint (settings and secret changes). */
  mode: ActivityMode | null;
  /** Ids from the quirk catalogue (server/src/scim/quirks.ts). */
  quirks: string[];
  changes: string[];
  /** What was done, or in test mode would have been done, to the Strapi user. */
  hostAction: string | null;
  detail: string | null;
  /** The admin's email, for Settings and Secret entries. */
  actor: string | null;
  /**
   * Refused requests (401, 503 while disabled) are one entry per client address and minute: the address's
   * throttle key (an IPv6 /64, or `invalid`) and how many were refused. null on every other entry.
   */
  clientKey: string | null;
  count: number | null;
}

export interface ActivityListResponse {
  results: ActivityEntryResponse[];
  pagination: { page: number; pageSize: number; total: number; pageCount: number };
}

/** A provisioned SCIM group, as `GET /scim/groups` lists it for the group-to-role mapping. */
export interface ProvisionedGroupResponse {
  id: string;
  displayName: string;
}

/** `GET /scim/setup-status`: the General page's setup checklist. */
export interface SetupStatusResponse {
  enabled: boolean;
  /** A secret that has not expired. */
  secretExists: boolean;
  /** When a secret was first used (null: no request with a valid secret yet). */
  firstRequestAt: string | null;
  /** When a secret was last used, to the minute. */
  lastRequestAt: string | null;
  /** SCIM requests answered with an error or refused (no valid secret, disabled) in the last 24 hours. */
  failedRequestsLast24h: number;
  mode: ActivityMode;
  /** In test mode, the users and groups received that Strapi has not been changed for; null in production. */
  notApplied: { users: number; groups: number } | null;
}

/**
 * What `POST /scim/settings/test-connection` saw calling `<endpoint>/ServiceProviderConfig` without a secret,
 * as an identity provider would: `reachable` is the expected SCIM 401.
 */
export type ConnectionOutcome =
  | 'reachable'
  | 'disabled'
  | 'no-endpoint'
  | 'no-public-url'
  | 'dns-failure'
  | 'refused'
  | 'tls-error'
  | 'timeout'
  | 'redirect'
  | 'not-found'
  | 'unexpected-answer'
  | 'network-error';

export interface ConnectionTestResponse {
  outcome: ConnectionOutcome;
  /** The URL called; null when none was (no endpoint, no public URL). */
  url: string | null;
  /** The HTTP status answered, when there was an answer. */
  status: number | null;
  /** The network error's code (e.g. `ENOTFOUND`, `CERT_HAS_EXPIRED`) or the redirect's target. */
  detail: string | null;
  durationMs: number;
}

/** A provisioned user the job could not apply to Strapi, and why (e.g. its email belongs to another admin). */
export interface NotAppliedUser {
  id: string;
  userName: string;
  reason: string;
}

/** `GET /scim/production-jobs/latest` and `/scim/production-jobs/:id`: a background job and its result so far. */
export interface ProductionJobResponse {
  id: number;
  kind: 'production-switch' | 'recompute-roles';
  /**
   * pending: recorded, no instance has taken it yet; cancelled: production mode was switched off meanwhile (or a
   * newer role change replaced it); failed: an unexpected error stopped it, its last batch rolled back.
   */
  status: 'pending' | 'running' | 'finished' | 'cancelled' | 'failed';
  requestedBy: string | null;
  /** Provisioned users when the job was recorded. */
  total: number;
  processed: number;
  applied: number;
  notApplied: number;
  /** The first NOT_APPLIED_LIST_LIMIT users not applied, with the reason; `notApplied` counts them all. */
  notAppliedUsers: NotAppliedUser[];
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export type ProductionJobKind = ProductionJobResponse['kind'];
export type ProductionJobStatus = ProductionJobResponse['status'];
