import type { HostUserWrite } from './types';

/**
 * Whether this write must leave the host user's sign-in fields (what login and "Forgot password" key on) as
 * they are: on a host user SCIM did not create, rewriting its email would hand its password reset to whoever
 * the identity provider names. `alreadyLinked` is false when the write links the user by email just now.
 */
export const keepsSignInFields = (write: HostUserWrite, alreadyLinked: boolean): boolean =>
  !write.updateLinkedSignIn && (!alreadyLinked || write.hostOrigin !== 'created');

export const keptEmailNote = (email: string) =>
  `email left as ${email}: SCIM linked this user rather than created it, and updateLinkedUserEmail is off`;
