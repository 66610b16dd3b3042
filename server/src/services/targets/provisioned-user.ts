import type { ScimResource } from '../../scim/resource';
import { pickEmail, text } from '../store/email-key';
import type { ProvisionedUser } from './types';

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
