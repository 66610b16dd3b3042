/** A role of the host's user model (admin roles, or users-permissions roles). */
export interface HostRole {
  id: number;
  name: string;
  code: string;
}

/** The host user model that provisioned users land in; one adapter per target. */
export interface HostTarget {
  readonly name: 'admin' | 'users-permissions';
  listRoles(): Promise<HostRole[]>;
  /** The role new users get when the admin has not chosen one. */
  fallbackDefaultRole(): Promise<HostRole | null>;
  /** Roles SCIM must never hand out on its own (the Super Admin role, the public role). */
  isPrivilegedRole(role: HostRole): boolean;
}
