import { ScimError } from '../scim/errors';
import { isPlainObject, type JsonObject } from '../scim/resource/normalize';
import type { MemberUser, MemberUserLookup } from './store/member-users';

const MAX_IDS_IN_DETAIL = 5;

/**
 * Group members must be existing SCIM Users. A member `value` that is no User's id is 400 invalidValue
 * naming it, and nothing is written: storing a dangling id would hand the client back a member no /Users
 * request can find. Nested groups (a member of type "Group") are out of scope and refused the same way.
 */
export const resolveMemberUsers = async (lookup: MemberUserLookup, ids: readonly string[]): Promise<MemberUser[]> => {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = new Map((await lookup.byScimIds(unique)).map((user) => [user.scimId, user]));
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length > 0) {
    const named = missing
      .slice(0, MAX_IDS_IN_DETAIL)
      .map((id) => `"${id}"`)
      .join(', ');
    const more = missing.length > MAX_IDS_IN_DETAIL ? ` and ${missing.length - MAX_IDS_IN_DETAIL} more` : '';
    throw ScimError.badRequest(
      'invalidValue',
      `Attribute 'members.value': no User with id ${named}${more}; a member must be an existing User`,
    );
  }
  return unique.map((id) => found.get(id) as MemberUser);
};

/** Refuses members of type "Group" among `ids` (all members when `ids` is not given). */
export const refuseNestedGroups = (resource: JsonObject, ids?: readonly string[]): void => {
  const members = Array.isArray(resource.members) ? resource.members : [];
  const nested = members.find(
    (member) =>
      isPlainObject(member) &&
      typeof member.type === 'string' &&
      member.type.toLowerCase() === 'group' &&
      (ids === undefined || ids.includes(member.value as string)),
  );
  if (nested) {
    throw ScimError.badRequest(
      'invalidValue',
      `Attribute 'members.type': nested groups are not supported (member "${String((nested as JsonObject).value)}")`,
    );
  }
};
