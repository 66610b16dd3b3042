/** Failures: each scimType a PATCH can answer with, and the input resource left exactly as it was. */
import { ENTERPRISE, PATCH_OP, groupWith, patch, patchBody, patchError, userWith } from './helpers';

const user = () => userWith({ displayName: 'Babs', emails: [{ value: 'b@example.com', type: 'work', primary: true }] });

describe('invalidSyntax: the body does not have the PatchOp shape', () => {
  it.each([
    ['a non-object body', []],
    ['schemas without the PatchOp URN', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], Operations: [] }],
    ['schemas that is not an array', { schemas: PATCH_OP, Operations: [] }],
    ['Operations that is not an array', { schemas: [PATCH_OP], Operations: { op: 'add' } }],
    ['an operation that is not an object', patchBody('add')],
    ['an unknown op', patchBody({ op: 'move', path: 'title', value: 'x' })],
    ['an op that is not a string', patchBody({ op: 1, path: 'title', value: 'x' })],
    ['a path that is not a string', patchBody({ op: 'add', path: 5, value: 'x' })],
    [
      'more than 1000 operations',
      patchBody(...Array.from({ length: 1001 }, () => ({ op: 'add', path: 'title', value: 'x' }))),
    ],
  ])('%s', (_label, body) => {
    expect(patchError('User', user(), body)).toMatchObject({ status: 400, scimType: 'invalidSyntax' });
  });

  it('the operation limit can be set', () => {
    const body = patchBody({ op: 'add', path: 'title', value: 'x' }, { op: 'add', path: 'title', value: 'y' });
    expect(patchError('User', user(), body, { maxOperations: 1 }).scimType).toBe('invalidSyntax');
    expect(
      patch(
        'User',
        user(),
        patchBody(...Array.from({ length: 1000 }, () => ({ op: 'add', path: 'title', value: 'x' }))),
      ).resource.title,
    ).toBe('x');
  });
});

describe('noTarget', () => {
  it('remove without a path', () => {
    expect(
      patchError('Group', groupWith(['a']), patchBody({ op: 'remove', value: { members: [{ value: 'a' }] } })).scimType,
    ).toBe('noTarget');
  });

  it('a filtered replace that matches nothing and does not describe one element', () => {
    const body = patchBody({ op: 'replace', path: 'emails[value co "nothing"].type', value: 'home' });
    expect(patchError('User', user(), body)).toMatchObject({ status: 400, scimType: 'noTarget' });
  });
});

describe('invalidPath', () => {
  it.each([
    ['an unknown attribute', 'nonsense'],
    ['an unknown sub-attribute', 'name.nonsense'],
    ['an unknown sub-attribute in a filter', 'emails[nonsense eq "x"].value'],
    ['a malformed filter', 'emails[type eq].value'],
    ['a filter on a single-valued attribute', 'name[givenName eq "x"]'],
    ['an attribute of another schema', 'urn:ietf:params:scim:schemas:core:2.0:Group:members'],
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
    ['a prototype sub-attribute', 'name.__proto__'],
    ['an empty path', ''],
    ['a comparison the attribute type does not allow', 'emails[primary gt true].value'],
  ])('%s', (_label, path) => {
    expect(patchError('User', user(), patchBody({ op: 'replace', path, value: 'x' }))).toMatchObject({
      status: 400,
      scimType: 'invalidPath',
    });
  });

  it('unknown path-less keys are ignored by default and rejected when strict', () => {
    const body = patchBody({ op: 'replace', value: { nonsense: 1, __proto__x: 2, title: 'Boss' } });
    const { resource, quirks } = patch('User', user(), body);
    expect(resource.title).toBe('Boss');
    expect(resource).not.toHaveProperty('nonsense');
    expect(quirks).toContain('unknown-attribute-ignored');
    expect(patchError('User', user(), body, { strict: true }).scimType).toBe('invalidPath');
  });

  it('a path-less __proto__ key does not reach the prototype', () => {
    const body: unknown = JSON.parse(
      `{"schemas":["${PATCH_OP}"],"Operations":[{"op":"add","value":{"__proto__":{"polluted":true},"title":"x"}}]}`,
    );
    const { resource } = patch('User', user(), body);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(resource)).toBe(Object.prototype);
    expect(resource.title).toBe('x');
  });
});

describe('mutability', () => {
  it.each([
    ['id', { op: 'replace', path: 'id', value: 'other' }],
    ['meta', { op: 'replace', path: 'meta.created', value: '2020-01-01T00:00:00Z' }],
    ['groups (read-only on User)', { op: 'add', path: 'groups', value: [{ value: 'g' }] }],
    ['schemas', { op: 'replace', path: 'schemas', value: ['urn:ietf:params:scim:schemas:core:2.0:User'] }],
    ['removing id', { op: 'remove', path: 'id' }],
    ['removing the required userName', { op: 'remove', path: 'userName' }],
    ['replacing userName with null', { op: 'replace', path: 'userName', value: null }],
    ['the manager displayName (read-only)', { op: 'replace', path: `${ENTERPRISE}:manager.displayName`, value: 'x' }],
    ['a different id in a path-less value', { op: 'replace', value: { id: 'someone-else', title: 'x' } }],
  ])('%s', (_label, operation) => {
    expect(patchError('User', user(), patchBody(operation))).toMatchObject({ status: 400, scimType: 'mutability' });
  });

  it('a group displayName cannot be removed, but can be replaced', () => {
    expect(patchError('Group', groupWith(['a']), patchBody({ op: 'remove', path: 'displayName' })).scimType).toBe(
      'mutability',
    );
    expect(
      patch('Group', groupWith(['a']), patchBody({ op: 'replace', path: 'displayName', value: 'New' })).resource
        .displayName,
    ).toBe('New');
  });

  it('a removed userName may be given back in the same request', () => {
    const body = patchBody({ op: 'remove', path: 'userName' }, { op: 'add', path: 'userName', value: 'again' });
    expect(patch('User', user(), body).resource.userName).toBe('again');
  });

  it("a member's immutable value cannot be changed or removed in place", () => {
    const group = groupWith(['a', 'b']);
    for (const operation of [
      { op: 'replace', path: 'members[value eq "a"].value', value: 'c' },
      { op: 'remove', path: 'members[value eq "a"].type' },
      { op: 'replace', path: 'members[value eq "a"]', value: { value: 'c' } },
    ]) {
      expect(patchError('Group', group, patchBody(operation)).scimType).toBe('mutability');
    }
    expect(patchError('Group', group, patchBody({ op: 'replace', path: 'members.display', value: 'x' })).scimType).toBe(
      'mutability',
    );
  });
});

describe('invalidValue', () => {
  it.each([
    ['add without a value', { op: 'add', path: 'title' }],
    ['a number for a string', { op: 'replace', path: 'title', value: 5 }],
    ['a string for a boolean', { op: 'replace', path: 'active', value: 'maybe' }],
    ['an empty userName', { op: 'replace', path: 'userName', value: '' }],
    ['a path-less value that is not an object', { op: 'replace', value: 'x' }],
    [
      'two primary emails in one replace',
      {
        op: 'replace',
        path: 'emails',
        value: [
          { value: 'a@x', primary: true },
          { value: 'b@x', primary: 'True' },
        ],
      },
    ],
    [
      'an array for a filtered element',
      { op: 'replace', path: 'emails[type eq "work"]', value: [{ value: 'a@x' }, { value: 'b@x' }] },
    ],
    ['a number where a list of complex values is expected', { op: 'add', path: 'emails', value: 42 }],
  ])('%s', (_label, operation) => {
    expect(patchError('User', user(), patchBody(operation))).toMatchObject({ status: 400, scimType: 'invalidValue' });
  });
});

describe('atomicity', () => {
  it('a failing operation after successful ones leaves the input untouched', () => {
    const group = groupWith(['a', 'b']);
    const error = patchError(
      'Group',
      group,
      patchBody(
        { op: 'remove', path: 'members[value eq "a"]' },
        { op: 'add', path: 'members', value: [{ value: 'c' }] },
        { op: 'replace', path: 'displayName', value: 'Renamed' },
        { op: 'remove', path: 'displayName' },
      ),
    );
    expect(error.detail).toMatch(/displayName' is required/);
  });

  it('a successful PATCH does not mutate its input either', () => {
    const group = groupWith(['a', 'b']);
    const snapshot = structuredClone(group);
    patch(
      'Group',
      group,
      patchBody({ op: 'remove', path: 'members[value eq "a"]' }, { op: 'replace', path: 'displayName', value: 'X' }),
    );
    expect(group).toEqual(snapshot);
  });
});

describe('error details', () => {
  it('name the failing operation', () => {
    const error = patchError(
      'User',
      user(),
      patchBody({ op: 'add', path: 'title', value: 'x' }, { op: 'add', path: 'nonsense', value: 1 }),
    );
    expect(error.detail).toMatch(/^Operations\[1\] \(add\): Unknown attribute 'nonsense'/);
  });
});
