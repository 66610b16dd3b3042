import { ScimError } from '../../scim/errors';
import { hasUnstorableCharacter } from './storable-text';

/**
 * Refuses a parsed body holding a string (value or key) with U+0000 or an unpaired surrogate: PostgreSQL
 * cannot store either in text or JSON columns, and no identity provider sends them. Walks with an explicit
 * stack, so a body nested 100,000 levels deep is no risk.
 */
export const assertStorableJson = (body: unknown): void => {
  const pending: unknown[] = [body];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (hasUnstorableCharacter(value)) throw unstorable();
    } else if (Array.isArray(value)) {
      for (const item of value) pending.push(item);
    } else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        if (hasUnstorableCharacter(key)) throw unstorable();
        pending.push((value as Record<string, unknown>)[key]);
      }
    }
  }
};

const unstorable = () =>
  ScimError.badRequest(
    'invalidValue',
    'The request body holds a string with U+0000 or an unpaired surrogate (invalid Unicode)',
  );
