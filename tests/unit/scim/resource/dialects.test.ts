import fc from 'fast-check';
import { ScimError } from '../../../../server/src/scim/errors';
import { QuirkLog } from '../../../../server/src/scim/quirks';
import { validateAttributeValue, validateGroup, validateUser } from '../../../../server/src/scim/resource';

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('attribute-name-any-case', () => {
  it('rewrites keys at every level, extension URN included, to their canonical names', () => {
    const { resource, quirks } = validateUser({
      SCHEMAS: [CORE],
      USERNAME: 'ann',
      Name: { GIVENNAME: 'Ann', familyname: 'Lee' },
      Emails: [{ VALUE: 'ann@x.org', Primary: true }],
      [ENTERPRISE.toUpperCase()]: { Department: 'Ops', MANAGER: { VALUE: 'm1' } },
    });
    expect(resource).toEqual({
      schemas: [CORE, ENTERPRISE],
      userName: 'ann',
      name: { givenName: 'Ann', familyName: 'Lee' },
      emails: [{ value: 'ann@x.org', primary: true }],
      [ENTERPRISE]: { department: 'Ops', manager: { value: 'm1' } },
    });
    expect(quirks).toEqual(['attribute-name-any-case']);
  });

  it('does not fire for canonical names', () => {
    expect(validateUser({ userName: 'a', name: { givenName: 'A' } }).quirks).toEqual([]);
  });

  const canonical = {
    userName: 'bjensen',
    displayName: 'Babs',
    active: true,
    name: { givenName: 'Barbara', familyName: 'Jensen' },
    phoneNumbers: [{ value: '555', type: 'work', primary: true }],
    [ENTERPRISE]: { employeeNumber: '7', manager: { value: 'boss' } },
  };

  const recase = (key: string, flips: boolean[]) =>
    Array.from(key)
      .map((char, index) => (flips[index % flips.length] ? char.toUpperCase() : char.toLowerCase()))
      .join('');

  const recaseKeys = (value: unknown, flips: boolean[]): unknown => {
    if (Array.isArray(value)) return value.map((element) => recaseKeys(element, flips));
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [recase(key, flips), recaseKeys(inner, flips)]),
    );
  };

  it('normalises any casing of the keys to the same resource (property)', () => {
    const expected = validateUser(canonical).resource;
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }), (flips) => {
        expect(validateUser(recaseKeys(canonical, flips)).resource).toEqual(expected);
      }),
    );
  });
});

describe('boolean-as-string', () => {
  it.each([
    ['True', true],
    ['False', false],
    ['TRUE', true],
    ['false', false],
  ])('reads %s as %s', (text, value) => {
    const { resource, quirks } = validateUser({
      userName: 'a',
      active: text,
      emails: [{ value: 'a@x', primary: text }],
    });
    expect(resource.active).toBe(value);
    expect(resource.emails).toEqual([{ value: 'a@x', primary: value }]);
    expect(quirks).toEqual(['boolean-as-string']);
  });

  it('rejects other strings', () => {
    expect(() => validateUser({ userName: 'a', active: 'yes' })).toThrow(ScimError);
    expect(() => validateUser({ userName: 'a', active: 'True ' })).toThrow(/'active'/);
  });

  it('reads any casing of "true"/"false" (property)', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), (value, flips) => {
        const text = Array.from(String(value))
          .map((char, index) => (flips[index] ? char.toUpperCase() : char))
          .join('');
        expect(validateUser({ userName: 'a', active: text }).resource.active).toBe(value);
      }),
    );
  });
});

describe('single-element-array-for-scalar', () => {
  it('unwraps one-element arrays around single values, simple and complex', () => {
    const { resource, quirks } = validateUser({
      userName: ['ann'],
      active: ['False'],
      name: [{ givenName: ['Ann'] }],
      [ENTERPRISE]: { department: ['Ops'] },
    });
    expect(resource).toEqual({
      schemas: [CORE, ENTERPRISE],
      userName: 'ann',
      active: false,
      name: { givenName: 'Ann' },
      [ENTERPRISE]: { department: 'Ops' },
    });
    expect(quirks).toEqual(expect.arrayContaining(['single-element-array-for-scalar', 'boolean-as-string']));
  });

  it('treats an empty array as unassigned and rejects longer arrays', () => {
    expect(validateUser({ userName: 'a', displayName: [] }).resource).not.toHaveProperty('displayName');
    expect(() => validateUser({ userName: 'a', displayName: ['A', 'B'] })).toThrow(/'displayName'/);
  });

  it('leaves multi-valued attributes alone', () => {
    const { resource, quirks } = validateUser({ userName: 'a', emails: [{ value: 'a@x' }] });
    expect(resource.emails).toEqual([{ value: 'a@x' }]);
    expect(quirks).toEqual([]);
  });
});

describe('manager-as-bare-id and manager-empty-string-clears', () => {
  it('turns a bare id into {value}', () => {
    const { resource, quirks } = validateUser({ userName: 'a', [ENTERPRISE]: { manager: 'boss-id' } });
    expect(resource[ENTERPRISE]).toEqual({ manager: { value: 'boss-id' } });
    expect(quirks).toEqual(['manager-as-bare-id']);
  });

  it.each([[''], [{ value: '' }], [{ value: '  ' }], [['']]])('clears the manager when given %j', (manager) => {
    const { resource, quirks } = validateUser({ userName: 'a', [ENTERPRISE]: { department: 'Ops', manager } });
    expect(resource[ENTERPRISE]).toEqual({ department: 'Ops' });
    expect(quirks).toContain('manager-empty-string-clears');
  });

  it('drops the extension when clearing the manager leaves it empty', () => {
    const { resource } = validateUser({ schemas: [CORE, ENTERPRISE], userName: 'a', [ENTERPRISE]: { manager: '' } });
    expect(resource).toEqual({ schemas: [CORE], userName: 'a' });
  });

  it('clears the manager given as a dotted key with ""', () => {
    const { resource, quirks } = validateUser({ userName: 'a', [`${ENTERPRISE}:manager.value`]: '' });
    expect(resource).toEqual({ schemas: [CORE], userName: 'a' });
    expect(quirks).toContain('manager-empty-string-clears');
  });

  it('keeps a manager given only by $ref', () => {
    const { resource, quirks } = validateUser({ userName: 'a', [ENTERPRISE]: { manager: { $ref: '../Users/b' } } });
    expect(resource[ENTERPRISE]).toEqual({ manager: { $ref: '../Users/b' } });
    expect(quirks).toEqual([]);
  });

  it('rejects a manager that is neither a string nor an object', () => {
    expect(() => validateUser({ userName: 'a', [ENTERPRISE]: { manager: 5 } })).toThrow(
      new RegExp(`'${ENTERPRISE}:manager'`),
    );
  });
});

describe('entra-legacy-group-schema', () => {
  it.each([
    'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/Group',
    'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group',
  ])('accepts %s next to the core URN and answers with the core URN only', (legacy) => {
    const { resource, quirks } = validateGroup({
      schemas: [GROUP, legacy],
      externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
      displayName: 'displayName',
      meta: { resourceType: 'Group' },
    });
    expect(resource).toEqual({
      schemas: [GROUP],
      externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
      displayName: 'displayName',
    });
    expect(quirks).toEqual(['entra-legacy-group-schema', 'client-id-and-meta-ignored']);
  });
});

describe('client-id-and-meta-ignored and read-only-attribute-ignored', () => {
  it('drops a client id and meta, also as dotted keys', () => {
    const { resource, quirks } = validateUser({
      id: 'mine',
      userName: 'a',
      meta: { version: 'W/"1"' },
      'meta.created': 'x',
    });
    expect(resource).toEqual({ schemas: [CORE], userName: 'a' });
    expect(quirks).toEqual(['client-id-and-meta-ignored', 'dotted-attribute-key']);
  });

  it('drops read-only attributes and sub-attributes', () => {
    const { resource, quirks } = validateUser({
      userName: 'a',
      groups: [{ value: 'g1' }],
      [ENTERPRISE]: { manager: { value: 'm', displayName: 'Boss' } },
    });
    expect(resource).toEqual({ schemas: [CORE, ENTERPRISE], userName: 'a', [ENTERPRISE]: { manager: { value: 'm' } } });
    expect(quirks).toEqual(['read-only-attribute-ignored']);
  });

  it('ignores read-only attributes even in strict mode', () => {
    expect(validateUser({ userName: 'a', id: 'x', groups: [] }, { strict: true }).resource).toEqual({
      schemas: [CORE],
      userName: 'a',
    });
  });
});

describe('urn-qualified-attribute-key and dotted-attribute-key', () => {
  it('moves top-level URN-qualified extension keys under the extension', () => {
    const { resource, quirks } = validateUser({
      userName: 'a',
      [`${ENTERPRISE}:department`]: 'Ops',
      [`${ENTERPRISE}:manager`]: 'boss',
    });
    expect(resource[ENTERPRISE]).toEqual({ department: 'Ops', manager: { value: 'boss' } });
    expect(quirks).toEqual(expect.arrayContaining(['urn-qualified-attribute-key', 'manager-as-bare-id']));
  });

  it('nests dotted keys and merges them with the complex attribute', () => {
    const { resource, quirks } = validateUser({
      userName: 'a',
      name: { familyName: 'Lee' },
      'name.givenName': 'Ann',
      [`${ENTERPRISE}:manager.value`]: 'boss',
    });
    expect(resource.name).toEqual({ familyName: 'Lee', givenName: 'Ann' });
    expect(resource[ENTERPRISE]).toEqual({ manager: { value: 'boss' } });
    expect(quirks).toEqual(expect.arrayContaining(['dotted-attribute-key', 'urn-qualified-attribute-key']));
  });

  it('accepts a URN-qualified core attribute without noting a quirk', () => {
    const { resource, quirks } = validateUser({ [`${CORE}:userName`]: 'a' });
    expect(resource.userName).toBe('a');
    expect(quirks).toEqual([]);
  });

  it('rejects a dotted key that collides with a value already given', () => {
    expect(() => validateUser({ userName: 'a', name: { givenName: 'A' }, 'name.givenName': 'B' })).toThrow(
      /'name.givenName'/,
    );
  });
});

describe('validateAttributeValue (for PATCH operations with a path)', () => {
  it('normalises a value for a path in any case and reports the canonical path', () => {
    expect(validateAttributeValue('User', 'ACTIVE', 'False')).toEqual({
      path: 'active',
      value: false,
      quirks: ['attribute-name-any-case', 'boolean-as-string'],
    });
    expect(validateAttributeValue('User', `${ENTERPRISE}:manager`, 'boss')).toEqual({
      path: `${ENTERPRISE}:manager`,
      value: { value: 'boss' },
      quirks: ['manager-as-bare-id'],
    });
  });

  it('returns undefined for values that unassign', () => {
    expect(validateAttributeValue('User', `${ENTERPRISE}:manager`, '').value).toBeUndefined();
    expect(validateAttributeValue('User', `${ENTERPRISE}:manager`, { value: '' }).value).toBeUndefined();
    expect(validateAttributeValue('User', `${ENTERPRISE}:manager.value`, '')).toEqual({
      path: `${ENTERPRISE}:manager.value`,
      value: undefined,
      quirks: ['manager-empty-string-clears'],
    });
    expect(validateAttributeValue('User', 'displayName', null).value).toBeUndefined();
  });

  it('validates against the attribute definition', () => {
    expect(() => validateAttributeValue('User', 'emails', [{ primary: true }, { primary: true }])).toThrow(/'emails'/);
    expect(() => validateAttributeValue('User', 'name.givenName', 3)).toThrow(/'name.givenName'/);
    expect(() => validateAttributeValue('User', `${ENTERPRISE}:employeeNumber`, 3)).toThrow(
      new RegExp(`'${ENTERPRISE}:employeeNumber'`),
    );
  });

  it('answers invalidPath for an unknown path', () => {
    try {
      validateAttributeValue('Group', 'nope', 'x');
      throw new Error('expected an error');
    } catch (error) {
      expect((error as ScimError).scimType).toBe('invalidPath');
    }
  });

  it('collects into a shared QuirkLog', () => {
    const log = new QuirkLog();
    validateAttributeValue('User', 'Active', 'True', { log });
    validateUser({ userName: ['a'] }, { log });
    expect(log.list()).toEqual(['attribute-name-any-case', 'boolean-as-string', 'single-element-array-for-scalar']);
  });
});
