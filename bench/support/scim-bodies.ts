/** Request bodies as Microsoft Entra ID sends them (see docs/identity-providers and tests/idp). */
import { CORE_GROUP, CORE_USER, ENTERPRISE_USER, PATCH_OP } from './scim-fixtures';

export const userName = (prefix: string, n: number): string => `${prefix}.${n}@bench.example.com`;

export const userBody = (prefix: string, n: number) => ({
  schemas: [CORE_USER, ENTERPRISE_USER],
  externalId: `${prefix}-${n}`,
  userName: userName(prefix, n),
  active: true,
  displayName: `Bench User ${prefix} ${n}`,
  name: { givenName: `Given${n}`, familyName: `Family ${prefix}` },
  emails: [{ primary: true, type: 'work', value: userName(prefix, n) }],
  [ENTERPRISE_USER]: { department: `Department ${n % 40}`, employeeNumber: String(100000 + n) },
});

export const groupBody = (displayName: string, memberIds: readonly string[] = []) => ({
  schemas: [CORE_GROUP],
  displayName,
  externalId: `ext-${displayName}`,
  ...(memberIds.length > 0 ? { members: memberIds.map((value) => ({ value, type: 'User' })) } : {}),
});

export const addMembers = (ids: readonly string[]) => ({
  schemas: [PATCH_OP],
  Operations: [{ op: 'Add', path: 'members', value: ids.map((value) => ({ value })) }],
});

export const removeMembers = (ids: readonly string[]) => ({
  schemas: [PATCH_OP],
  Operations: [{ op: 'Remove', path: 'members', value: ids.map((value) => ({ value })) }],
});

export const userNameFilter = (name: string) => `filter=${encodeURIComponent(`userName eq "${name}"`)}`;
export const displayNameFilter = (name: string) => `filter=${encodeURIComponent(`displayName eq "${name}"`)}`;
