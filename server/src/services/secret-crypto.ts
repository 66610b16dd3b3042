import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Plaintext secrets look like `scim_<43 base64url chars>`: 256 bits of randomness behind a recognizable prefix. */
export const SECRET_PREFIX = 'scim_';
const SECRET_BYTES = 32;

export const generateSecret = (): string => SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64url');

/**
 * A plain SHA-256 is enough here: the secret carries 256 random bits, so there is nothing to brute-force and
 * a slow password hash would only add latency to every SCIM request.
 */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

export const secretHint = (secret: string): string => secret.slice(-4);

/**
 * Compares a presented secret's hash with every stored hash, without stopping at the first match, so the time
 * taken does not depend on which secret (if any) matched.
 */
export const findMatchingHash = <T extends { hash: string }>(presentedHash: string, stored: T[]): T | null => {
  const presented = Buffer.from(presentedHash, 'hex');
  let match: T | null = null;
  for (const candidate of stored) {
    const candidateBytes = Buffer.from(candidate.hash, 'hex');
    const equal = candidateBytes.length === presented.length && timingSafeEqual(candidateBytes, presented);
    if (equal && match === null) match = candidate;
  }
  return match;
};
