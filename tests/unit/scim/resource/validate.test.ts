import { ScimError } from '../../../../server/src/scim/errors';
import { validateGroup, validateResource, validateUser } from '../../../../server/src/scim/resource';
import { ENTERPRISE_USER, FULL_USER, GROUP } from '../fixtures/rfc7643-examples';

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

const errorOf = (run: () => unknown): ScimError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ScimError) return error;
    throw error;
  }
  throw new Error('expected a ScimError');
};

describe('RFC 7643 §8 examples', () => {
  it('accepts the full User (§8.2), dropping id, meta and the read-only groups', () => {
    const { resource, quirks } = validateUser(FULL_USER);
    const { id: _id, meta: _meta, groups: _groups, ...writable } = FULL_USER;
    expect(resource).toEqual(writable);
    expect(resource).not.toHaveProperty('id');
    expect(quirks).toEqual(expect.arrayContaining(['client-id-and-meta-ignored', 'read-only-attribute-ignored']));
  });

  it('accepts the enterprise User (§8.3), keeping the extension and dropping manager.displayName', () => {
    const { resource } = validateUser(ENTERPRISE_USER);
    expect(resource.schemas).toEqual([CORE, ENTERPRISE]);
    expect(resource[ENTERPRISE]).toEqual({
      employeeNumber: '701984',
      costCenter: '4130',
      organization: 'Universal Studios',
      division: 'Theme Park',
      department: 'Tour Operations',
      manager: { value: '26118915-6090-4610-87e4-49d8ca9f808d', $ref: '../Users/26118915-6090-4610-87e4-49d8ca9f808d' },
    });
    expect(resource.name).toEqual(ENTERPRISE_USER.name);
  });

  it('accepts the Group (§8.4); member display is read-only and members without type are noted', () => {
    const { resource, quirks } = validateGroup(GROUP);
    expect(resource).toEqual({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'Tour Guides',
      members: GROUP.members.map(({ value, $ref }) => ({ value, $ref })),
    });
    expect(quirks).toContain('group-member-type-missing');
  });
});

describe('identity-provider request bodies', () => {
  it('accepts an Entra ID create-user body', () => {
    const body = {
      schemas: [CORE, ENTERPRISE],
      externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
      userName: 'Test_User_ab6490ee@testuser.com',
      active: 'True',
      emails: [{ primary: 'True', type: 'work', value: 'Test_User_fd0ea19b@testuser.com' }],
      meta: { resourceType: 'User' },
      name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
      roles: [],
    };
    const { resource, quirks } = validateUser(body);
    expect(resource).toEqual({
      schemas: [CORE],
      externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
      userName: 'Test_User_ab6490ee@testuser.com',
      active: true,
      emails: [{ primary: true, type: 'work', value: 'Test_User_fd0ea19b@testuser.com' }],
      name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
      roles: [],
    });
    expect(quirks).toEqual(expect.arrayContaining(['boolean-as-string', 'client-id-and-meta-ignored']));
  });

  it('accepts an Okta create-user body with groups: [] and a password', () => {
    const body = {
      schemas: [CORE],
      userName: 'test.user@okta.local',
      name: { givenName: 'Test', familyName: 'User' },
      emails: [{ primary: true, value: 'test.user@okta.local', type: 'work' }],
      displayName: 'Test User',
      locale: 'en-US',
      externalId: '00ujl29u0le5T6Aj10h7',
      groups: [],
      password: '1mz050nq',
      active: true,
    };
    const { resource, quirks } = validateUser(body);
    const { groups: _groups, ...expected } = body;
    expect(resource).toEqual(expected);
    expect(quirks).toEqual(['read-only-attribute-ignored']);
  });

  it('accepts an Okta group push with members lacking type', () => {
    const { resource, quirks } = validateGroup({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'Engineering',
      members: [{ value: '23a35c27-23d3-4c03-b4c5-6443c09e7173', display: 'test.user@okta.local' }],
    });
    expect(resource.members).toEqual([{ value: '23a35c27-23d3-4c03-b4c5-6443c09e7173' }]);
    expect(quirks).toContain('group-member-type-missing');
  });

  it('does not note members that carry a type', () => {
    const { quirks } = validateGroup({ displayName: 'G', members: [{ value: 'u1', type: 'User' }] });
    expect(quirks).not.toContain('group-member-type-missing');
  });
});

describe('required attributes', () => {
  it.each([
    ['User', { name: { givenName: 'A' } }, 'userName'],
    ['User', { userName: '' }, 'userName'],
    ['User', { userName: '   ' }, 'userName'],
    ['User', { userName: null }, 'userName'],
    ['Group', { members: [] }, 'displayName'],
    ['Group', { displayName: '' }, 'displayName'],
  ] as const)('%s %j -> 400 invalidValue naming %s', (type, body, attribute) => {
    const error = errorOf(() => validateResource(type, body));
    expect(error.status).toBe(400);
    expect(error.scimType).toBe('invalidValue');
    expect(error.detail).toContain(`'${attribute}'`);
  });
});

describe('type errors name the attribute path', () => {
  it.each([
    [{ userName: 42 }, "'userName'"],
    [{ userName: 'a', active: 'yes' }, "'active'"],
    [{ userName: 'a', emails: { value: 'a@b.c' } }, "'emails'"],
    [{ userName: 'a', emails: [{ value: 7 }] }, "'emails.value'"],
    [{ userName: 'a', name: 'Ann' }, "'name'"],
    [{ userName: 'a', displayName: ['A', 'B'] }, "'displayName'"],
    [{ userName: 'a', x509Certificates: [{ value: 'not base64!' }] }, "'x509Certificates.value'"],
    [{ userName: 'a', [ENTERPRISE]: { employeeNumber: 5 } }, `'${ENTERPRISE}:employeeNumber'`],
    [{ userName: 'a', [ENTERPRISE]: 'x' }, `'${ENTERPRISE}'`],
  ])('%j -> %s', (body, named) => {
    const error = errorOf(() => validateUser(body));
    expect(error.toBody()).toMatchObject({ status: '400', scimType: 'invalidValue' });
    expect(error.detail).toContain(named);
  });

  it('rejects a body that is not an object, and malformed schemas, as invalidSyntax', () => {
    for (const body of [null, 'x', [], 3]) expect(errorOf(() => validateUser(body)).scimType).toBe('invalidSyntax');
    expect(errorOf(() => validateUser({ schemas: CORE, userName: 'a' })).scimType).toBe('invalidSyntax');
  });
});

describe('multi-valued primary', () => {
  it('allows one primary', () => {
    const { resource } = validateUser({
      userName: 'a',
      emails: [
        { value: 'a@x', primary: true },
        { value: 'b@x', primary: false },
      ],
    });
    expect(resource.emails).toHaveLength(2);
  });

  it.each(['emails', 'phoneNumbers', 'addresses', 'roles'])(
    'rejects two primaries in %s with invalidValue',
    (attribute) => {
      const error = errorOf(() =>
        validateUser({ userName: 'a', [attribute]: [{ primary: true }, { primary: 'True' }] }),
      );
      expect(error.scimType).toBe('invalidValue');
      expect(error.detail).toContain(`'${attribute}'`);
    },
  );
});

describe('unknown attributes', () => {
  const body = { userName: 'a', favouriteColour: 'blue', name: { nickname2: 'x' }, [ENTERPRISE]: { badge: '7' } };

  it('are dropped by default, noting the quirk', () => {
    const { resource, quirks } = validateUser(body);
    expect(resource).toEqual({ schemas: [CORE], userName: 'a' });
    expect(quirks).toEqual(['unknown-attribute-ignored']);
  });

  it.each([
    [{ userName: 'a', favouriteColour: 'blue' }, 'favouriteColour'],
    [{ userName: 'a', name: { nickname2: 'x' } }, 'name.nickname2'],
    [{ userName: 'a', [ENTERPRISE]: { badge: '7' } }, `${ENTERPRISE}:badge`],
    [{ userName: 'a', department: 'x' }, 'department'],
  ])('are rejected in strict mode with invalidSyntax naming them: %j', (input, named) => {
    const error = errorOf(() => validateUser(input, { strict: true }));
    expect(error.status).toBe(400);
    expect(error.scimType).toBe('invalidSyntax');
    expect(error.detail).toContain(`'${named}'`);
  });

  it('strict mode still accepts every known attribute', () => {
    expect(() => validateUser(ENTERPRISE_USER, { strict: true })).not.toThrow();
  });
});

describe('prototype pollution', () => {
  const hostile: unknown = JSON.parse(
    '{"userName":"a","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},' +
      '"name":{"__proto__":{"polluted":true},"givenName":"A"},' +
      '"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"__proto__":{"polluted":true}}}',
  );

  it('never assigns __proto__ or constructor', () => {
    const { resource } = validateUser(hostile);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(resource)).toBe(Object.prototype);
    expect(Object.keys(resource)).toEqual(['schemas', 'userName', 'name']);
    expect(Object.keys(resource.name as object)).toEqual(['givenName']);
    expect((resource as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects them in strict mode', () => {
    expect(errorOf(() => validateUser(hostile, { strict: true })).scimType).toBe('invalidSyntax');
  });
});

describe('unassigned values', () => {
  it('treats null as unassigned and keeps an empty multi-valued list', () => {
    const { resource } = validateUser({ userName: 'a', displayName: null, emails: [], name: { givenName: null } });
    expect(resource).toEqual({ schemas: [CORE], userName: 'a', emails: [] });
  });

  it('drops an empty extension object and its schema URN', () => {
    const { resource } = validateUser({ schemas: [CORE, ENTERPRISE], userName: 'a', [ENTERPRISE]: {} });
    expect(resource.schemas).toEqual([CORE]);
    expect(resource).not.toHaveProperty(ENTERPRISE);
  });

  it('rejects the same attribute given twice in different cases', () => {
    const error = errorOf(() => validateUser({ userName: 'a', USERNAME: 'b' }));
    expect(error.scimType).toBe('invalidSyntax');
    expect(error.detail).toContain("'userName'");
  });
});
