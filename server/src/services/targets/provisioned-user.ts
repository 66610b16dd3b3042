import type { ScimResource } from '../../scim/resource';
import type { ProvisionedUser } from './types';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface EmailValue {
  value?: unknown;
  type?: unknown;
  primary?: unknown;
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/** The primary email, else the work email, else the first one, else the userName when it is an address. */
export const pickEmail = (resource: ScimResource): string | null => {
  const emails = (Array.isArray(resource.emails) ? resource.emails : []) as EmailValue[];
  const usable = emails.filter((email) => text(email.value) && EMAIL.test(String(email.value).trim()));
  const chosen =
    usable.find((email) => email.primary === true) ?? usable.find((email) => email.type === 'work') ?? usable[0];
  const address = chosen ? text(chosen.value) : EMAIL.test(String(resource.userName)) ? text(resource.userName) : null;
  return address ? address.toLowerCase() : null;
};

export const toProvisionedUser = (resource: ScimResource): ProvisionedUser => {
  const name = (resource.name ?? {}) as Record<string, unknown>;
  return {
    userName: String(resource.userName),
    email: pickEmail(resource),
    givenName: text(name.givenName),
    familyName: text(name.familyName),
    displayName: text(resource.displayName),
    active: resource.active !== false,
  };
};
