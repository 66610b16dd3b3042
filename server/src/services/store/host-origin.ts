/** Whether SCIM created a user's host user or linked one that existed. */
export type HostOrigin = 'created' | 'linked';
