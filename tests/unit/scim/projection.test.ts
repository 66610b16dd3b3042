import { projectResource } from '../../../server/src/scim/projection';

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

const user = {
  schemas: [CORE, ENTERPRISE],
  id: 'u1',
  externalId: 'ext-1',
  userName: 'bjensen',
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  displayName: 'Babs',
  password: 'secret',
  active: true,
  emails: [
    { value: 'b@x.org', type: 'work', primary: true },
    { value: 'b@home.org', type: 'home' },
  ],
  [ENTERPRISE]: { department: 'Ops', manager: { value: 'boss', displayName: 'Boss' } },
  meta: { resourceType: 'User', version: 'W/"1"', location: 'https://x/Users/u1' },
};

const group = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
  id: 'g1',
  displayName: 'Tour Guides',
  members: [{ value: 'u1', type: 'User' }],
  meta: { resourceType: 'Group' },
};

describe('projectResource without parameters', () => {
  it('returns every default attribute and never the password', () => {
    const { password: _password, ...expected } = user;
    expect(projectResource('User', user)).toEqual(expected);
  });
});

describe('attributes', () => {
  it('returns only the named attributes plus the always-returned id and schemas', () => {
    expect(projectResource('User', user, { attributes: 'userName' })).toEqual({
      schemas: [CORE],
      id: 'u1',
      userName: 'bjensen',
    });
  });

  it('selects sub-attributes in any case', () => {
    expect(projectResource('User', user, { attributes: 'NAME.givenName,emails.VALUE' })).toEqual({
      schemas: [CORE],
      id: 'u1',
      name: { givenName: 'Barbara' },
      emails: [{ value: 'b@x.org' }, { value: 'b@home.org' }],
    });
  });

  it('drops a value filter in a name (attributes-value-filter), even one holding a comma', () => {
    expect(projectResource('User', user, { attributes: 'emails[type eq "work"]' })).toEqual({
      schemas: [CORE],
      id: 'u1',
      emails: user.emails,
    });
    expect(projectResource('User', user, { attributes: 'emails[type eq "a,b"].value,userName' })).toEqual({
      schemas: [CORE],
      id: 'u1',
      userName: 'bjensen',
      emails: [{ value: 'b@x.org' }, { value: 'b@home.org' }],
    });
  });

  it('selects a whole complex attribute by naming it', () => {
    expect(projectResource('User', user, { attributes: 'name' })).toEqual({
      schemas: [CORE],
      id: 'u1',
      name: user.name,
    });
  });

  it('selects URN-qualified extension attributes and lists the extension in schemas', () => {
    expect(projectResource('User', user, { attributes: `${ENTERPRISE}:manager.value` })).toEqual({
      schemas: [CORE, ENTERPRISE],
      id: 'u1',
      [ENTERPRISE]: { manager: { value: 'boss' } },
    });
  });

  it('selects a whole extension by its URN', () => {
    expect(projectResource('User', user, { attributes: ENTERPRISE })).toEqual({
      schemas: [CORE, ENTERPRISE],
      id: 'u1',
      [ENTERPRISE]: user[ENTERPRISE],
    });
  });

  it('never returns the password, even when asked', () => {
    expect(projectResource('User', user, { attributes: 'password,userName' })).not.toHaveProperty('password');
  });

  it('ignores unknown names', () => {
    expect(projectResource('User', user, { attributes: 'nope, userName ,' })).toEqual({
      schemas: [CORE],
      id: 'u1',
      userName: 'bjensen',
    });
  });

  it('wins over excludedAttributes when both are given', () => {
    expect(projectResource('User', user, { attributes: 'userName', excludedAttributes: 'userName' })).toHaveProperty(
      'userName',
    );
  });
});

describe('excludedAttributes', () => {
  it('removes the named attributes but never id or schemas', () => {
    const projected = projectResource('User', user, { excludedAttributes: 'emails,id,schemas,meta' });
    expect(projected).not.toHaveProperty('emails');
    expect(projected).not.toHaveProperty('meta');
    expect(projected.id).toBe('u1');
    expect(projected.schemas).toEqual([CORE, ENTERPRISE]);
    expect(projected.userName).toBe('bjensen');
  });

  it('removes Group members as Entra asks (excludedAttributes=members)', () => {
    expect(projectResource('Group', group, { excludedAttributes: 'members' })).toEqual({
      schemas: group.schemas,
      id: 'g1',
      displayName: 'Tour Guides',
      meta: group.meta,
    });
  });

  it('removes only the named sub-attribute', () => {
    const projected = projectResource('User', user, { excludedAttributes: 'name.givenName,emails.type' });
    expect(projected.name).toEqual({ familyName: 'Jensen' });
    expect(projected.emails).toEqual([{ value: 'b@x.org', primary: true }, { value: 'b@home.org' }]);
  });

  it('removes an extension attribute, and the extension with its URN when nothing is left', () => {
    const withoutManager = projectResource('User', user, { excludedAttributes: `${ENTERPRISE}:manager` });
    expect(withoutManager[ENTERPRISE]).toEqual({ department: 'Ops' });
    const withoutExtension = projectResource('User', user, { excludedAttributes: ENTERPRISE });
    expect(withoutExtension).not.toHaveProperty(ENTERPRISE);
    expect(withoutExtension.schemas).toEqual([CORE]);
    const emptied = projectResource('User', user, {
      excludedAttributes: `${ENTERPRISE}:manager,${ENTERPRISE}:department`,
    });
    expect(emptied.schemas).toEqual([CORE]);
  });
});

describe('Group', () => {
  it('returns displayName by default (returned: default) and only when asked under attributes', () => {
    expect(projectResource('Group', group)).toEqual(group);
    expect(projectResource('Group', group, { attributes: 'members' })).toEqual({
      schemas: group.schemas,
      id: 'g1',
      members: group.members,
    });
  });
});
