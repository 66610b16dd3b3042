/** Why a stored secret can or cannot be shown again. */
export type RevealOutcome =
  { status: 'ok'; secret: string } | { status: 'no-stored-copy' | 'no-encryption-key' | 'undecryptable' };

export type NotRevealableCode = Exclude<RevealOutcome['status'], 'ok'> | 'reveal-disabled';

/**
 * Decrypts the stored copy without ever throwing: Strapi's decrypt returns null for a wrong key (or a damaged
 * copy, which the authentication tag cannot tell apart) and throws for a copy it cannot parse; both are
 * "undecryptable", which is not the same as "no copy stored".
 */
export const decryptStoredCopy = (
  encrypted: string | null,
  hasKey: boolean,
  decrypt: (value: string) => string | null,
): RevealOutcome => {
  if (!encrypted) return { status: 'no-stored-copy' };
  if (!hasKey) return { status: 'no-encryption-key' };
  let secret: string | null = null;
  try {
    secret = decrypt(encrypted);
  } catch {
    secret = null;
  }
  return secret ? { status: 'ok', secret } : { status: 'undecryptable' };
};

const MESSAGES: Record<NotRevealableCode, string> = {
  'reveal-disabled':
    'Showing secrets again is turned off (the allowSecretReveal option): a secret is shown once, when it is created. Create a new one if it was lost',
  'no-stored-copy':
    'No encrypted copy of this secret is stored (it was created while the app had no admin.secrets.encryptionKey), so it cannot be shown again; it still works. Create a new one if it was lost',
  'no-encryption-key':
    'The app has no admin.secrets.encryptionKey, so secrets are shown only once, when they are created; this one still works',
  undecryptable:
    'The stored copy of this secret cannot be decrypted with the current admin.secrets.encryptionKey: the key has changed since the secret was created (or the copy is damaged). The secret still works; restore the old key to show it again, or create a new one',
};

export const notRevealableMessage = (code: NotRevealableCode): string => MESSAGES[code];
