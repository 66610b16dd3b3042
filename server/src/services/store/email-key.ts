import { ScimError } from '../../scim/errors';
import type { ScimResource } from '../../scim/resource';
import { isEmailAddress } from './email-address';
import { MAX_COLUMN_CHARACTERS } from './storable-text';

/**
 * The address a provisioned user's host user gets, stored as the emailKey column so that two provisioned users
 * cannot claim one host user through its email.
 */

interface EmailValue {
  value?: unknown;
  type?: unknown;
  primary?: unknown;
}

export const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/** Whether `text` holds more than `max` characters (code points), reading no further than needed. */
const longerThan = (text: string, max: number): boolean => {
  if (text.length <= max) return false;
  let count = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    // A high surrogate followed by a low one is one character.
    if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) index += 1;
    if (++count > max) return true;
  }
  return false;
};

/** No column holds more than MAX_COLUMN_CHARACTERS, so longer text is refused before any address check reads it. */
const assertFitsColumn = (value: unknown, attribute: string): void => {
  if (typeof value === 'string' && longerThan(value, MAX_COLUMN_CHARACTERS)) {
    throw ScimError.badRequest(
      'invalidValue',
      `Attribute '${attribute}' is longer than ${MAX_COLUMN_CHARACTERS} characters`,
    );
  }
};

const isAddress = (value: unknown): boolean => typeof value === 'string' && isEmailAddress(value.trim());

/** The primary email, else the work email, else the first one, else the userName when it is an address. */
export const pickEmail = (resource: ScimResource): string | null => {
  const emails = (Array.isArray(resource.emails) ? resource.emails : []) as (EmailValue | null | undefined)[];
  for (const email of emails) assertFitsColumn(email?.value, 'emails.value');
  assertFitsColumn(resource.userName, 'userName');
  const usable = emails.filter((email): email is EmailValue => isAddress(email?.value));
  const chosen =
    usable.find((email) => email.primary === true) ?? usable.find((email) => email.type === 'work') ?? usable.at(0);
  const address = chosen
    ? text(chosen.value)
    : isEmailAddress(String(resource.userName))
      ? text(resource.userName)
      : null;
  return address ? address.toLowerCase() : null;
};
