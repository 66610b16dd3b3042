/**
 * PATCH requests as Entra ID and Okta document them, and the ones Microsoft's reference test collection
 * sends: each with the resource it must produce, the membership changes and the quirks it reports.
 */
import { ENTERPRISE, GROUP_URN, PATCH_OP, groupWith, patch, patchBody, userWith } from './helpers';

const ALICE = '16b083c0-f1e8-4544-b6ee-27a28dc98761';
const BOB = '23a35c27-23d3-4c03-b4c5-6443c09e7173';
const CAROL = '89bb1940-b905-4575-9e7f-6f887cfb368e';

describe('Microsoft Entra ID, default mode', () => {
  it('updates a user with capitalised ops, a filtered email path and string booleans', () => {
    const user = userWith({ active: true, emails: [{ value: 'old@contoso.com', type: 'work', primary: true }] });
    const { resource, changes, quirks } = patch(
      'User',
      user,
      patchBody(
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'someone@contoso.com' },
        { op: 'Add', path: 'name.givenName', value: 'Some' },
        { op: 'Add', path: 'name.familyName', value: 'One' },
        { op: 'Replace', path: 'active', value: 'False' },
        { op: 'Replace', path: `${ENTERPRISE}:employeeNumber`, value: '12345' },
      ),
    );
    expect(resource).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
      id: 'u-1',
      userName: 'bjensen',
      active: false,
      emails: [{ value: 'someone@contoso.com', type: 'work', primary: true }],
      name: { givenName: 'Some', familyName: 'One' },
      [ENTERPRISE]: { employeeNumber: '12345' },
    });
    expect(changes.attributes.sort()).toEqual(['active', 'emails', 'name', `${ENTERPRISE}:employeeNumber`].sort());
    expect(quirks).toEqual(expect.arrayContaining(['patch-op-any-case', 'boolean-as-string']));
  });

  it('sets the first work email and first mobile phone by creating the element from the filter', () => {
    const user = userWith({});
    const { resource, quirks } = patch(
      'User',
      user,
      patchBody(
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'someone@contoso.com' },
        { op: 'Replace', path: 'phoneNumbers[type eq "mobile"].value', value: '+1 555 0100' },
        { op: 'Add', path: 'addresses[type eq "work"].locality', value: 'Redmond' },
      ),
    );
    expect(resource.emails).toEqual([{ type: 'work', value: 'someone@contoso.com' }]);
    expect(resource.phoneNumbers).toEqual([{ type: 'mobile', value: '+1 555 0100' }]);
    expect(resource.addresses).toEqual([{ type: 'work', locality: 'Redmond' }]);
    expect(quirks).toContain('patch-filtered-add-creates-element');
  });

  it('creates a primary element from [type eq "work" and primary eq true]', () => {
    const user = userWith({ emails: [{ value: 'home@example.com', type: 'home', primary: true }] });
    const { resource } = patch(
      'User',
      user,
      patchBody({ op: 'Replace', path: 'emails[type eq "work" and primary eq true].value', value: 'w@contoso.com' }),
    );
    expect(resource.emails).toEqual([
      { value: 'home@example.com', type: 'home', primary: false },
      { type: 'work', primary: true, value: 'w@contoso.com' },
    ]);
  });

  it('removes members listed in a value array, and only those', () => {
    const group = groupWith([ALICE, BOB, CAROL]);
    const { resource, changes, quirks } = patch(
      'Group',
      group,
      patchBody({ op: 'Remove', path: 'members', value: [{ value: ALICE }, { value: CAROL }] }),
    );
    expect(resource.members).toEqual([{ value: BOB, type: 'User' }]);
    expect(changes).toEqual({ attributes: ['members'], membersAdded: [], membersRemoved: [ALICE, CAROL] });
    expect(quirks).toEqual(expect.arrayContaining(['patch-op-any-case', 'patch-remove-members-by-value-array']));
  });

  it('adds members with a capitalised Add', () => {
    const { resource, changes } = patch(
      'Group',
      groupWith([ALICE]),
      patchBody({ op: 'Add', path: 'members', value: [{ value: BOB }] }),
    );
    expect(resource.members).toEqual([{ value: ALICE, type: 'User' }, { value: BOB }]);
    expect(changes).toEqual({ attributes: ['members'], membersAdded: [BOB], membersRemoved: [] });
  });

  it('replaces the manager with a bare id and clears it with an empty string', () => {
    const user = userWith({
      [ENTERPRISE]: { department: 'Sales', manager: { value: ALICE, $ref: `../Users/${ALICE}` } },
    });
    const replaced = patch('User', user, patchBody({ op: 'Replace', path: `${ENTERPRISE}:manager`, value: BOB }));
    expect(replaced.resource[ENTERPRISE]).toEqual({ department: 'Sales', manager: { value: BOB } });
    expect(replaced.quirks).toContain('manager-as-bare-id');
    const cleared = patch('User', user, patchBody({ op: 'Replace', path: `${ENTERPRISE}:manager`, value: '' }));
    expect(cleared.resource[ENTERPRISE]).toEqual({ department: 'Sales' });
    expect(cleared.quirks).toContain('manager-empty-string-clears');
    const viaValue = patch('User', user, patchBody({ op: 'Replace', path: `${ENTERPRISE}:manager.value`, value: '' }));
    expect(viaValue.resource[ENTERPRISE]).toEqual({ department: 'Sales' });
  });
});

describe('Microsoft Entra ID with aadOptscim062020', () => {
  it('applies a path-less replace with dotted, filtered and URN keys', () => {
    const user = userWith({ displayName: 'Old', emails: [{ value: 'old@contoso.com', type: 'work' }] });
    const { resource, quirks } = patch(
      'User',
      user,
      patchBody({
        op: 'replace',
        value: {
          displayName: 'Some One',
          'emails[type eq "work"].value': 'someone@contoso.com',
          'name.givenName': 'Some',
          'name.familyName': 'One',
          active: false,
          externalId: 'ext-1',
          [`${ENTERPRISE}:employeeNumber`]: '12345',
          [`${ENTERPRISE}:manager`]: ALICE,
        },
      }),
    );
    expect(resource).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
      id: 'u-1',
      userName: 'bjensen',
      displayName: 'Some One',
      emails: [{ value: 'someone@contoso.com', type: 'work' }],
      name: { givenName: 'Some', familyName: 'One' },
      active: false,
      externalId: 'ext-1',
      [ENTERPRISE]: { employeeNumber: '12345', manager: { value: ALICE } },
    });
    expect(quirks).toEqual(
      expect.arrayContaining(['dotted-attribute-key', 'urn-qualified-attribute-key', 'manager-as-bare-id']),
    );
  });

  it('takes a whole extension object as a path-less key', () => {
    const user = userWith({ [ENTERPRISE]: { department: 'Sales', costCenter: '1' } });
    const { resource, changes } = patch(
      'User',
      user,
      patchBody({ op: 'replace', value: { [ENTERPRISE]: { department: 'R&D' } } }),
    );
    expect(resource[ENTERPRISE]).toEqual({ department: 'R&D', costCenter: '1' });
    expect(changes.attributes).toEqual([`${ENTERPRISE}:department`]);
  });

  it('removes a member with members[value eq "..."]', () => {
    const { resource, changes, quirks } = patch(
      'Group',
      groupWith([ALICE, BOB]),
      patchBody({ op: 'remove', path: `members[value eq "${ALICE}"]` }),
    );
    expect(resource.members).toEqual([{ value: BOB, type: 'User' }]);
    expect(changes).toEqual({ attributes: ['members'], membersAdded: [], membersRemoved: [ALICE] });
    expect(quirks).toContain('patch-remove-members-filter-path');
  });

  it('removing a member who is not there is a no-op', () => {
    const group = groupWith([BOB]);
    const { resource, changes } = patch(
      'Group',
      group,
      patchBody({ op: 'remove', path: `members[value eq "${ALICE}"]` }),
    );
    expect(resource).toEqual(group);
    expect(changes).toEqual({ attributes: [], membersAdded: [], membersRemoved: [] });
  });
});

describe('Okta', () => {
  it('deactivates and reactivates with a path-less replace', () => {
    const user = userWith({ active: true });
    const off = patch('User', user, patchBody({ op: 'replace', value: { active: false } }));
    expect(off.resource).toEqual({ ...user, active: false });
    expect(off.changes).toEqual({ attributes: ['active'], membersAdded: [], membersRemoved: [] });
    expect(off.quirks).toContain('okta-deactivate-pathless-replace');
    const on = patch('User', off.resource, patchBody({ op: 'replace', value: { active: true } }));
    expect(on.resource).toEqual(user);
  });

  it('renames a group with a path-less replace that repeats the group id', () => {
    const group = groupWith([ALICE]);
    const { resource, changes, quirks } = patch(
      'Group',
      group,
      patchBody({ op: 'replace', value: { id: 'g-1', displayName: 'Test SCIMv2' } }),
    );
    expect(resource).toEqual({ ...group, displayName: 'Test SCIMv2' });
    expect(changes).toEqual({ attributes: ['displayName'], membersAdded: [], membersRemoved: [] });
    expect(quirks).toContain('client-id-and-meta-ignored');
  });

  it('pushes a group: rename, remove one member, add two (one without type) in one PATCH', () => {
    const group = groupWith([ALICE, CAROL]);
    const { resource, changes, quirks } = patch(
      'Group',
      group,
      patchBody(
        { op: 'replace', value: { id: 'g-1', displayName: 'Engineering (all)' } },
        { op: 'remove', path: `members[value eq "${CAROL}"]` },
        {
          op: 'add',
          path: 'members',
          value: [
            { value: BOB, display: 'bob@example.com' },
            { value: ALICE, display: 'alice@example.com' },
          ],
        },
      ),
    );
    expect(resource).toEqual({
      schemas: [GROUP_URN],
      id: 'g-1',
      displayName: 'Engineering (all)',
      members: [{ value: ALICE, type: 'User' }, { value: BOB }],
    });
    expect(changes).toEqual({ attributes: ['displayName', 'members'], membersAdded: [BOB], membersRemoved: [CAROL] });
    expect(quirks).toEqual(expect.arrayContaining(['group-member-type-missing', 'read-only-attribute-ignored']));
  });

  it('replace members [] removes every member', () => {
    const { resource, changes } = patch(
      'Group',
      groupWith([ALICE, BOB]),
      patchBody({ op: 'replace', path: 'members', value: [] }),
    );
    expect(resource.members).toEqual([]);
    expect(changes).toEqual({ attributes: ['members'], membersAdded: [], membersRemoved: [ALICE, BOB] });
  });

  it('replace members with a new list is removals plus additions against the old list', () => {
    const { changes } = patch(
      'Group',
      groupWith([ALICE, BOB]),
      patchBody({ op: 'replace', value: { members: [{ value: BOB }, { value: CAROL }] } }),
    );
    expect(changes).toEqual({ attributes: ['members'], membersAdded: [CAROL], membersRemoved: [ALICE] });
  });
});

describe("Microsoft's reference test collection", () => {
  it('accepts extra members in the body and in operations ("id", "name")', () => {
    const { resource } = patch('Group', groupWith([]), {
      id: 'g-1',
      schemas: [PATCH_OP],
      Operations: [
        { name: 'addMember', op: 'add', path: 'members', value: [{ displayName: 'new User', value: ALICE }] },
      ],
    });
    expect(resource.members).toEqual([{ value: ALICE }]);
  });

  it('takes a bare string added to members as a member id', () => {
    const { resource, changes, quirks } = patch(
      'Group',
      groupWith([]),
      patchBody({ op: 'add', path: 'members', value: 'string id 1' }),
    );
    expect(resource.members).toEqual([{ value: 'string id 1' }]);
    expect(changes.membersAdded).toEqual(['string id 1']);
    expect(quirks).toContain('patch-single-value-for-list');
  });

  it('replaces userName with "Replace" and active with a boolean', () => {
    const { resource } = patch(
      'User',
      userWith({ active: true }),
      patchBody(
        { op: 'Replace', path: 'userName', value: 'newusername' },
        { op: 'Replace', path: 'active', value: false },
      ),
    );
    expect(resource).toMatchObject({ userName: 'newusername', active: false });
  });
});

describe('tolerated body shapes', () => {
  it('a missing op is a replace; a missing schemas is accepted', () => {
    const { resource, quirks } = patch('User', userWith({}), { Operations: [{ path: 'title', value: 'Boss' }] });
    expect(resource.title).toBe('Boss');
    expect(quirks).toEqual(expect.arrayContaining(['patch-missing-op-is-replace', 'patch-schemas-missing']));
  });

  it('empty or missing Operations change nothing', () => {
    const user = userWith({ title: 'Boss' });
    for (const body of [patchBody(), { schemas: [PATCH_OP] }]) {
      const { resource, changes, quirks } = patch('User', user, body);
      expect(resource).toEqual(user);
      expect(changes).toEqual({ attributes: [], membersAdded: [], membersRemoved: [] });
      expect(quirks).toContain('patch-empty-operations-noop');
    }
  });

  it('message attribute names in any case', () => {
    const { resource } = patch('User', userWith({}), {
      SCHEMAS: [PATCH_OP],
      operations: [{ OP: 'add', Path: 'title', Value: 'Boss' }],
    });
    expect(resource.title).toBe('Boss');
  });
});
