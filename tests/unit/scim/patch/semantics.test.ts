/** Behaviour the RFC leaves to the server, as decided in docs/decisions/scim-patch.md. */
import { ENTERPRISE, patch, patchBody, userWith } from './helpers';

const twoEmails = () =>
  userWith({
    emails: [
      { value: 'w@example.com', type: 'work', primary: true },
      { value: 'h@example.com', type: 'home' },
    ],
  });

describe('primary', () => {
  it('setting primary on one value clears it on the others (RFC 7644 §3.5.2)', () => {
    const { resource } = patch(
      'User',
      twoEmails(),
      patchBody({ op: 'replace', path: 'emails[type eq "home"].primary', value: true }),
    );
    expect(resource.emails).toEqual([
      { value: 'w@example.com', type: 'work', primary: false },
      { value: 'h@example.com', type: 'home', primary: true },
    ]);
  });

  it('adding a primary value clears the old primary', () => {
    const { resource } = patch(
      'User',
      twoEmails(),
      patchBody({ op: 'add', path: 'emails', value: [{ value: 'n@example.com', primary: 'True' }] }),
    );
    expect(resource.emails).toEqual([
      { value: 'w@example.com', type: 'work', primary: false },
      { value: 'h@example.com', type: 'home' },
      { value: 'n@example.com', primary: true },
    ]);
  });

  it.each(['emails[primary eq true].value', 'emails[primary eq "true"].value', 'emails[primary eq "True"].value'])(
    '%s selects the primary email',
    (path) => {
      const { resource } = patch('User', twoEmails(), patchBody({ op: 'replace', path, value: 'new@example.com' }));
      expect((resource.emails as { value: string }[]).map((item) => item.value)).toEqual([
        'new@example.com',
        'h@example.com',
      ]);
    },
  );
});

describe('paths', () => {
  it('accepts core-URN-qualified paths', () => {
    const { resource } = patch(
      'User',
      userWith({}),
      patchBody({ op: 'add', path: 'urn:ietf:params:scim:schemas:core:2.0:User:name.givenName', value: 'Ann' }),
    );
    expect(resource.name).toEqual({ givenName: 'Ann' });
  });

  it('attr.sub of a multi-valued attribute without a filter writes every value', () => {
    const { resource } = patch('User', twoEmails(), patchBody({ op: 'replace', path: 'emails.display', value: 'x' }));
    expect((resource.emails as { display: string }[]).map((item) => item.display)).toEqual(['x', 'x']);
  });

  it('a whole extension can be added, replaced and removed by its URN', () => {
    const user = userWith({ [ENTERPRISE]: { department: 'Sales', costCenter: '1' } });
    const added = patch('User', user, patchBody({ op: 'add', path: ENTERPRISE, value: { division: 'EMEA' } }));
    expect(added.resource[ENTERPRISE]).toEqual({ department: 'Sales', costCenter: '1', division: 'EMEA' });
    const removed = patch('User', user, patchBody({ op: 'remove', path: ENTERPRISE }));
    expect(removed.resource).not.toHaveProperty(ENTERPRISE);
    expect(removed.resource.schemas).toEqual(['urn:ietf:params:scim:schemas:core:2.0:User']);
    expect(removed.changes.attributes.sort()).toEqual([`${ENTERPRISE}:costCenter`, `${ENTERPRISE}:department`]);
  });
});

describe('remove', () => {
  it('a filter that matches nothing, or an attribute without a value, is a no-op', () => {
    const user = twoEmails();
    expect(patch('User', user, patchBody({ op: 'remove', path: 'emails[type eq "other"]' })).resource).toEqual(user);
    expect(patch('User', user, patchBody({ op: 'remove', path: 'title' })).resource).toEqual(user);
    expect(patch('User', user, patchBody({ op: 'remove', path: 'name.givenName' })).resource).toEqual(user);
  });

  it('removing the last sub-attribute unassigns the complex attribute', () => {
    const user = userWith({ name: { givenName: 'Ann', familyName: 'Lee' } });
    const first = patch('User', user, patchBody({ op: 'remove', path: 'name.givenName' }));
    expect(first.resource.name).toEqual({ familyName: 'Lee' });
    const both = patch(
      'User',
      user,
      patchBody({ op: 'remove', path: 'name.givenName' }, { op: 'remove', path: 'name.familyName' }),
    );
    expect(both.resource).not.toHaveProperty('name');
  });

  it('removing the last value unassigns a multi-valued attribute', () => {
    const { resource } = patch(
      'User',
      twoEmails(),
      patchBody({ op: 'remove', path: 'emails[value ew "example.com"]' }),
    );
    expect(resource).not.toHaveProperty('emails');
  });

  it('a value array on a non-member attribute removes the values it lists', () => {
    const { resource } = patch(
      'User',
      twoEmails(),
      patchBody({ op: 'remove', path: 'emails', value: [{ value: 'h@example.com' }] }),
    );
    expect(resource.emails).toEqual([{ value: 'w@example.com', type: 'work', primary: true }]);
  });
});

describe('add and replace', () => {
  it('add on a single-valued attribute replaces it', () => {
    expect(
      patch('User', userWith({ title: 'A' }), patchBody({ op: 'add', path: 'title', value: 'B' })).resource.title,
    ).toBe('B');
  });

  it('a manager with a different value replaces the whole manager instead of merging', () => {
    const user = userWith({ [ENTERPRISE]: { manager: { value: 'm1', $ref: '../Users/m1' } } });
    const { resource } = patch(
      'User',
      user,
      patchBody({ op: 'replace', path: `${ENTERPRISE}:manager`, value: { value: 'm2' } }),
    );
    expect(resource[ENTERPRISE]).toEqual({ manager: { value: 'm2' } });
  });

  it('a replace with null unassigns', () => {
    const { resource, changes } = patch(
      'User',
      userWith({ title: 'A' }),
      patchBody({ op: 'replace', path: 'title', value: null }),
    );
    expect(resource).not.toHaveProperty('title');
    expect(changes.attributes).toEqual(['title']);
  });

  it('writing the value already there reports no change', () => {
    const user = twoEmails();
    const { changes } = patch(
      'User',
      user,
      patchBody({ op: 'replace', path: 'emails[type eq "work"].value', value: 'w@example.com' }),
    );
    expect(changes.attributes).toEqual([]);
  });

  it('carries read-only attributes (groups, meta) over untouched', () => {
    const user = { ...userWith({}), groups: [{ value: 'g1', display: 'G' }], meta: { resourceType: 'User' } };
    const { resource } = patch('User', user, patchBody({ op: 'replace', path: 'title', value: 'x' }));
    expect(resource).toMatchObject({
      groups: [{ value: 'g1', display: 'G' }],
      meta: { resourceType: 'User' },
      id: 'u-1',
    });
  });
});
