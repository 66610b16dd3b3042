import { ScimError } from '../scim/errors';
import { isPlainObject, type JsonObject } from '../scim/resource/normalize';
import type { MemberUser, MemberUserLookup } from './store/member-users';

const MAX_IDS_IN_DETAIL = 5;

/** The Users among `ids` (in order, without repeats) and the ids that are no User's id. */
export const findMemberUsers = async (
  lookup: MemberUserLookup,
  ids: readonly string[],
): Promise<{ found: MemberUser[]; missing: string[] }> => {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return { found: [], missing: [] };
  const byId = new Map((await lookup.byScimIds(unique)).map((user) => [user.scimId, user]));
  return {
    found: unique.filter((id) => byId.has(id)).map((id) => byId.get(id) as MemberUser),
    missing: unique.filter((id) => !byId.has(id)),
  };
};

/** At most five ids, quoted, and how many more there are: for error details and activity entries. */
export const nameIds = (ids: readonly string[]): string => {
  const named = ids
    .slice(0, MAX_IDS_IN_DETAIL)
    .map((id) => `"${id}"`)
    .join(', ');
  return ids.length > MAX_IDS_IN_DETAIL ? `${named} and ${ids.length - MAX_IDS_IN_DETAIL} more` : named;
};

/**
 * POST and PUT: group members must be existing SCIM Users. A member `value` that is no User's id is 400
 * invalidValue naming it, and nothing is written: storing a dangling id would hand the client back a member
 * no /Users request can find. (A PATCH add skips such ids instead: see `groups.patch`.)
 */
export const resolveMemberUsers = async (lookup: MemberUserLookup, ids: readonly string[]): Promise<MemberUser[]> => {
  const { found, missing } = await findMemberUsers(lookup, ids);
  if (missing.length > 0) throw noSuchMembers(missing);
  return found;
};

/** The 400 for member ids that are no User's id. */
export const noSuchMembers = (missing: readonly string[]): ScimError =>
  ScimError.badRequest(
    'invalidValue',
    `Attribute 'members.value': no User with id ${nameIds(missing)}; a member must be an existing User`,
  );

/**
 * Locks the users a membership change adds and removes (see MemberUserLookup.lockByIds), before any
 * membership row is written. An added user deleted since it was looked up is refused as if it never existed.
 */
export const lockChangedMembers = async (
  lookup: MemberUserLookup,
  added: readonly MemberUser[],
  removedRefs: readonly number[],
): Promise<void> => {
  const present = await lookup.lockByIds([...added.map((user) => user.id), ...removedRefs]);
  const gone = added.filter((user) => !present.has(user.id));
  if (gone.length > 0) throw noSuchMembers(gone.map((user) => user.scimId));
};

/** Refuses members of type "Group" among `ids` (all members when `ids` is not given). */
export const refuseNestedGroups = (resource: JsonObject, ids?: readonly string[]): void => {
  const members: unknown[] = Array.isArray(resource.members) ? resource.members : [];
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
