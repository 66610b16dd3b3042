import { applyPatch, parseOperations } from '../../../server/src/scim/patch';
import { QuirkLog } from '../../../server/src/scim/quirks';
import { memberScopeOf, type MemberScope } from '../../../server/src/services/member-patch-scope';

const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const [A, B, C, D, E] = ['a1', 'b2', 'c3', 'd4', 'e5'].map((suffix) => `00000000-0000-4000-8000-0000000000${suffix}`);
const MEMBERS = [A, B, C];

const body = (...operations: unknown[]) => ({ schemas: [PATCH_OP], Operations: operations });
const scopeOf = (patch: unknown): MemberScope => memberScopeOf(parseOperations(patch, new QuirkLog()));

/** What the service hands applyPatch: the members in scope (ids matched as given or lower-cased, as the service does). */
const membersInScope = (scope: MemberScope): string[] => {
  if (scope.kind === 'all') return MEMBERS;
  if (scope.kind === 'none') return [];
  const wanted = new Set([...scope.ids, ...scope.ids.map((id) => id.toLowerCase())]);
  return MEMBERS.filter((id) => wanted.has(id));
};

const groupWith = (ids: string[]) => ({
  schemas: [GROUP_URN],
  id: 'g-1',
  displayName: 'Engineering',
  ...(ids.length ? { members: ids.map((value) => ({ value, type: 'User' })) } : {}),
});

const sortedChanges = (patch: unknown, ids: string[]) => {
  const { resource, changes } = applyPatch('Group', groupWith(ids), patch);
  return {
    displayName: resource.displayName,
    added: [...changes.membersAdded].sort(),
    removed: [...changes.membersRemoved].sort(),
  };
};

const CASES: [string, MemberScope['kind'], unknown][] = [
  ['add with a path', 'some', body({ op: 'Add', path: 'members', value: [{ value: D }, { value: A }] })],
  ['add a bare id', 'some', body({ op: 'add', path: 'members', value: D })],
  ['path-less add', 'some', body({ op: 'add', value: { members: [{ value: B }, { value: E }] } })],
  ['remove with a value array', 'some', body({ op: 'Remove', path: 'members', value: [{ value: A }, { value: E }] })],
  ['remove by filter', 'some', body({ op: 'remove', path: `members[value eq "${B}"]` })],
  ['remove by filter in another case', 'some', body({ op: 'remove', path: `members[value eq "${B.toUpperCase()}"]` })],
  ['remove by an or filter', 'some', body({ op: 'remove', path: `members[value eq "${A}" or value eq "${D}"]` })],
  [
    'Okta push',
    'some',
    body(
      { op: 'replace', value: { id: 'g-1', displayName: 'Renamed' } },
      { op: 'remove', path: `members[value eq "${C}"]` },
      { op: 'add', path: 'members', value: [{ value: D }] },
    ),
  ],
  ['rename only', 'none', body({ op: 'replace', path: 'displayName', value: 'Renamed' })],
  ['replace members', 'all', body({ op: 'replace', path: 'members', value: [{ value: B }, { value: D }] })],
  ['path-less replace of members', 'all', body({ op: 'replace', value: { members: [{ value: E }] } })],
  ['remove every member', 'all', body({ op: 'remove', path: 'members' })],
  ['remove by type', 'all', body({ op: 'remove', path: 'members[type eq "User"]' })],
  [
    'remove by a value filter with and',
    'all',
    body({ op: 'remove', path: `members[value eq "${A}" and type eq "User"]` }),
  ],
];

describe('memberScopeOf', () => {
  it.each(CASES)('%s: loads %s members, with the changes the whole member list gives', (_name, kind, patch) => {
    const scope = scopeOf(patch);
    expect(scope.kind).toBe(kind);
    expect(sortedChanges(patch, membersInScope(scope))).toEqual(sortedChanges(patch, MEMBERS));
  });

  it('loads only the named members, not the group', () => {
    expect(scopeOf(body({ op: 'add', path: 'members', value: [{ value: D }] }))).toEqual({ kind: 'some', ids: [D] });
  });

  it('loads everything when a path cannot be read, leaving the error to applyPatch', () => {
    expect(scopeOf(body({ op: 'remove', path: 'members[value eq' })).kind).toBe('all');
  });
});
