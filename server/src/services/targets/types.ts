import type { HostOrigin } from '../store/host-origin';

export type { HostOrigin };

/** A role of the host's user model (admin roles, or users-permissions roles). */
export interface HostRole {
  id: number;
  name: string;
  code: string;
}

/** What a host user is made from: the parts of a SCIM User that Strapi's user models hold. */
export interface ProvisionedUser {
  userName: string;
  email: string | null;
  givenName: string | null;
  familyName: string | null;
  displayName: string | null;
  active: boolean;
}

export interface HostUserWrite {
  user: ProvisionedUser;
  /** The host user this SCIM user is already linked to, if any. */
  hostUserId: number | null;
  /** The roles SCIM gives the host user: the default role plus the roles mapped from its groups. */
  roleIds: number[];
  /** Fields of the host user set from SCIM attributes (config `attributeMappings`); null clears one. */
  fields: Record<string, unknown>;
  /** Link to an existing host user with the same email instead of refusing (config `linkExistingUsers`). */
  linkExisting: boolean;
  /** Whether SCIM created the host user it is linked to, or linked one that existed (null: no link yet). */
  hostOrigin: HostOrigin | null;
  /**
   * Rewrite what sign-in and password reset key on (admin: email; users-permissions: email, username, provider,
   * confirmed) even on a host user SCIM only linked (config `updateLinkedUserEmail`). SCIM always sets them on
   * host users it created.
   */
  updateLinkedSignIn: boolean;
}

/** What the host still looks like, to tell whether a released host user was touched since its release. */
export interface HostUserState {
  /** admin `isActive: false`, users-permissions `blocked: true`: as a release leaves it. */
  inactive: boolean;
  updatedAt: Date;
}

/** A SCIM user the host cannot hold yet is kept and answered normally, marked not applied with the reason. */
export type ApplyResult =
  | { applied: true; hostUserId: number; action: 'created' | 'linked' | 'updated'; note?: string }
  | { applied: false; reason: string };

/** The host user model that provisioned users land in; one adapter per target. */
export interface HostTarget {
  readonly name: 'admin' | 'users-permissions';
  listRoles(): Promise<HostRole[]>;
  /** Whether this is the role new users get when the admin has not chosen one (found among listRoles()). */
  isFallbackDefaultRole(role: HostRole): boolean;
  /** Roles SCIM must never hand out on its own (the Super Admin role, the public role). */
  isPrivilegedRole(role: HostRole): boolean;
  /** The host user with this email, whom linkExistingUsers would link a new SCIM user to. */
  findUserIdByEmail(email: string): Promise<number | null>;
  /** Creates, links or updates the host user; throws a ScimError for conflicts the client must see. */
  applyUser(write: HostUserWrite): Promise<ApplyResult>;
  /** Blocks the host user and ends their sessions at once. */
  deactivateUser(hostUserId: number): Promise<void>;
  deleteUser(hostUserId: number): Promise<void>;
  /** null when the host user no longer exists. */
  readState(hostUserId: number): Promise<HostUserState | null>;
  /** Sets the roles SCIM manages (default + mapped); a Super Admin's roles are never changed. */
  setRoles(hostUserId: number, roleIds: number[]): Promise<void>;
}
