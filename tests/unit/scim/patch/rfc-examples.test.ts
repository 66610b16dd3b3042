/** The PATCH examples of RFC 7644 §3.5.2.1–§3.5.2.3, applied to the RFC 7643 §8 example resources. */
import {
  BABS,
  ENTERPRISE,
  JAMES,
  MANDY,
  enterpriseUser,
  fullUser,
  patch,
  patchBody,
  tourGuides,
  withoutServiceAttributes,
} from './helpers';

const babsMember = { display: 'Babs Jensen', $ref: `https://example.com/v2/Users/${BABS}`, value: BABS };
const jamesMember = { display: 'James Smith', $ref: `https://example.com/v2/Users/${JAMES}`, value: JAMES };
// members.display is read-only: like POST/PUT, PATCH values drop it.
const stored = ({ display: _display, ...member }: Record<string, unknown>) => member;
const MANDY_MEMBER = { value: MANDY, $ref: `https://example.com/v2/Users/${MANDY}` };

describe('§3.5.2.1 add', () => {
  it('adds a member to a group', () => {
    const group = tourGuides();
    const { resource, changes } = patch(
      'Group',
      group,
      patchBody({ op: 'add', path: 'members', value: [jamesMember] }),
    );
    expect(resource.members).toEqual([...(group.members as unknown[]), stored(jamesMember)]);
    expect(changes).toEqual({ attributes: ['members'], membersAdded: [JAMES], membersRemoved: [] });
    expect(resource.id).toBe(group.id);
    expect(resource.meta).toEqual(group.meta);
  });

  it('adding a member who is already there changes nothing', () => {
    const group = tourGuides();
    const { resource, changes } = patch('Group', group, patchBody({ op: 'add', path: 'members', value: [babsMember] }));
    expect(resource).toEqual(group);
    expect(changes).toEqual({ attributes: [], membersAdded: [], membersRemoved: [] });
  });

  it('path-less add appends to emails and sets nickname (any case)', () => {
    const user = fullUser();
    const { resource, changes } = patch(
      'User',
      user,
      patchBody({ op: 'add', value: { emails: [{ value: 'babs@jensen.org', type: 'home' }], nickname: 'Babs' } }),
    );
    // babs@jensen.org/home is already there: add does not duplicate an identical value (RFC: "no changes SHOULD be made").
    expect(resource).toEqual(user);
    expect(changes.attributes).toEqual([]);

    const { resource: added } = patch(
      'User',
      user,
      patchBody({ op: 'add', value: { emails: [{ value: 'barbara@example.org', type: 'other' }], nickname: 'Barb' } }),
    );
    expect(added).toEqual({
      ...user,
      nickName: 'Barb',
      emails: [...(user.emails as unknown[]), { value: 'barbara@example.org', type: 'other' }],
    });
  });

  it('adds the enterprise manager through its URN path', () => {
    const user = fullUser();
    const { resource, changes } = patch(
      'User',
      user,
      patchBody({ op: 'add', path: `${ENTERPRISE}:manager`, value: { value: JAMES, $ref: `../Users/${JAMES}` } }),
    );
    expect(resource.schemas).toEqual(['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE]);
    expect(resource[ENTERPRISE]).toEqual({ manager: { value: JAMES, $ref: `../Users/${JAMES}` } });
    expect(changes.attributes).toEqual([`${ENTERPRISE}:manager`]);
  });

  it('add of a complex sub-attribute merges into the existing value', () => {
    const user = enterpriseUser();
    const { resource } = patch('User', user, patchBody({ op: 'add', path: 'name', value: { middleName: 'Jane' } }));
    expect(resource.name).toEqual({ ...(user.name as object), middleName: 'Jane' });
  });
});

describe('§3.5.2.2 remove', () => {
  it('removes a single member', () => {
    const { resource, changes } = patch(
      'Group',
      tourGuides(),
      patchBody({ op: 'remove', path: `members[value eq "${BABS}"]` }),
    );
    expect(withoutServiceAttributes(resource)).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'Tour Guides',
      members: [MANDY_MEMBER],
    });
    expect(changes).toEqual({ attributes: ['members'], membersAdded: [], membersRemoved: [BABS] });
  });

  it('removes all members', () => {
    const { resource, changes } = patch('Group', tourGuides(), patchBody({ op: 'remove', path: 'members' }));
    expect(withoutServiceAttributes(resource)).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'Tour Guides',
    });
    expect(changes).toEqual({ attributes: ['members'], membersAdded: [], membersRemoved: [BABS, MANDY] });
  });

  it('removes the emails matching a compound filter', () => {
    const user = {
      ...fullUser(),
      emails: [
        { value: 'bjensen@example.com', type: 'work', primary: true },
        { value: 'barbara@example.org', type: 'work' },
        { value: 'babs@jensen.org', type: 'home' },
      ],
    };
    const { resource } = patch(
      'User',
      user,
      patchBody({ op: 'remove', path: 'emails[type eq "work" and value ew "example.com"]' }),
    );
    expect(resource.emails).toEqual([
      { value: 'barbara@example.org', type: 'work' },
      { value: 'babs@jensen.org', type: 'home' },
    ]);
  });

  it('removes one member and adds another (written without a space before the quote, as in the RFC)', () => {
    const { resource, changes } = patch(
      'Group',
      tourGuides(),
      patchBody(
        { op: 'remove', path: `members[value eq"${BABS}"]` },
        { op: 'add', path: 'members', value: [jamesMember] },
      ),
    );
    expect(resource.members).toEqual([MANDY_MEMBER, stored(jamesMember)]);
    expect(changes).toEqual({ attributes: ['members'], membersAdded: [JAMES], membersRemoved: [BABS] });
  });

  it('replaces all members by remove + add', () => {
    const { resource, changes } = patch(
      'Group',
      tourGuides(),
      patchBody({ op: 'remove', path: 'members' }, { op: 'add', path: 'members', value: [babsMember, jamesMember] }),
    );
    expect(resource.members).toEqual([stored(babsMember), stored(jamesMember)]);
    // Babs was a member before and after: the store leaves her row alone.
    expect(changes).toEqual({ attributes: ['members'], membersAdded: [JAMES], membersRemoved: [MANDY] });
  });

  it('removes a single-valued and an extension attribute', () => {
    const user = enterpriseUser();
    const { resource, changes } = patch(
      'User',
      user,
      patchBody({ op: 'remove', path: 'displayName' }, { op: 'remove', path: `${ENTERPRISE}:manager` }),
    );
    expect(resource).not.toHaveProperty('displayName');
    expect(resource[ENTERPRISE]).not.toHaveProperty('manager');
    expect(changes.attributes).toEqual(['displayName', `${ENTERPRISE}:manager`]);
  });
});

describe('§3.5.2.3 replace', () => {
  it('replaces all members', () => {
    const { resource, changes } = patch(
      'Group',
      tourGuides(),
      patchBody({ op: 'replace', path: 'members', value: [babsMember, jamesMember] }),
    );
    expect(withoutServiceAttributes(resource)).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'Tour Guides',
      members: [stored(babsMember), stored(jamesMember)],
    });
    expect(changes).toEqual({ attributes: ['members'], membersAdded: [JAMES], membersRemoved: [MANDY] });
  });

  it('replaces the work address', () => {
    const user = fullUser();
    const work = {
      type: 'work',
      streetAddress: '911 Universal City Plaza',
      locality: 'Hollywood',
      region: 'CA',
      postalCode: '91608',
      country: 'US',
      formatted: '911 Universal City Plaza\nHollywood, CA 91608 US',
      primary: true,
    };
    const { resource } = patch(
      'User',
      user,
      patchBody({ op: 'replace', path: 'addresses[type eq "work"]', value: work }),
    );
    expect(resource).toEqual({ ...user, addresses: [work, (user.addresses as unknown[])[1]] });
  });

  it('replaces the street address of the work address', () => {
    const user = fullUser();
    const { resource, changes } = patch(
      'User',
      user,
      patchBody({ op: 'replace', path: 'addresses[type eq "work"].streetAddress', value: '1010 Broadway Ave' }),
    );
    const [work, home] = user.addresses as Record<string, unknown>[];
    expect(resource).toEqual({ ...user, addresses: [{ ...work, streetAddress: '1010 Broadway Ave' }, home] });
    expect(changes.attributes).toEqual(['addresses']);
  });

  it('path-less replace of emails and nickname', () => {
    const user = {
      ...fullUser(),
      nickName: 'Babsy',
      emails: [{ value: 'old@example.com', type: 'work', primary: true }],
    };
    const emails = [
      { value: 'bjensen@example.com', type: 'work', primary: true },
      { value: 'babs@jensen.org', type: 'home' },
    ];
    const { resource, changes, quirks } = patch(
      'User',
      user,
      patchBody({ op: 'replace', value: { emails, nickname: 'Babs' } }),
    );
    expect(resource).toEqual({ ...user, emails, nickName: 'Babs' });
    expect(changes.attributes).toEqual(['nickName', 'emails']);
    expect(quirks).toContain('attribute-name-any-case');
  });

  it('replace of a complex attribute leaves unspecified sub-attributes alone', () => {
    const user = fullUser();
    const { resource } = patch('User', user, patchBody({ op: 'replace', path: 'name', value: { givenName: 'Babs' } }));
    expect(resource.name).toEqual({ ...(user.name as object), givenName: 'Babs' });
  });

  it('replace of an attribute that has no value adds it', () => {
    const user = enterpriseUser();
    const { resource } = patch('User', user, patchBody({ op: 'replace', path: 'title', value: 'Tour Guide' }));
    expect(resource.title).toBe('Tour Guide');
  });
});
