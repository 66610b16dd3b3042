import fc from 'fast-check';
import {
  ENTERPRISE_USER_SCHEMA_URN,
  GROUP_SCHEMA_URN,
  RESOURCE_TYPES,
  USER_SCHEMA_URN,
  findAttribute,
  findResourceType,
  findSchema,
  schemasOf,
} from '../../../../server/src/scim/schema';

describe('registry', () => {
  it('has User with the optional enterprise extension and Group without extensions', () => {
    expect(RESOURCE_TYPES.map((type) => [type.id, type.endpoint, type.schema, type.schemaExtensions])).toEqual([
      ['User', '/Users', USER_SCHEMA_URN, [{ schema: ENTERPRISE_USER_SCHEMA_URN, required: false }]],
      ['Group', '/Groups', GROUP_SCHEMA_URN, []],
    ]);
    expect(schemasOf('User').extensions.map((schema) => schema.id)).toEqual([ENTERPRISE_USER_SCHEMA_URN]);
  });

  it('finds schemas by URN in any case and resource types by id', () => {
    expect(findSchema(USER_SCHEMA_URN.toUpperCase())?.id).toBe(USER_SCHEMA_URN);
    expect(findSchema('urn:example:nope')).toBeUndefined();
    expect(findResourceType('Group')?.id).toBe('Group');
    expect(findResourceType('group')?.id).toBe('Group');
    expect(findResourceType('Device')).toBeUndefined();
  });
});

describe('findAttribute', () => {
  it('resolves a top-level core attribute', () => {
    const found = findAttribute('User', 'userName');
    expect(found).toMatchObject({
      schema: USER_SCHEMA_URN,
      path: 'userName',
      qualifiedPath: 'userName',
      common: false,
    });
    expect(found?.attribute.required).toBe(true);
    expect(found?.parent).toBeUndefined();
  });

  it('resolves a sub-attribute and reports its parent', () => {
    const found = findAttribute('User', 'name.givenName');
    expect(found?.attribute.name).toBe('givenName');
    expect(found?.parent?.name).toBe('name');
    expect(found?.path).toBe('name.givenName');
  });

  it('resolves names in any case to the canonical path', () => {
    expect(findAttribute('User', 'USERNAME')?.path).toBe('userName');
    expect(findAttribute('User', 'Name.GivenName')?.path).toBe('name.givenName');
    expect(findAttribute('Group', 'DISPLAYNAME')?.path).toBe('displayName');
  });

  it('resolves URN-qualified core and extension names', () => {
    expect(findAttribute('User', `${USER_SCHEMA_URN}:name.givenName`)?.path).toBe('name.givenName');
    const manager = findAttribute('User', `${ENTERPRISE_USER_SCHEMA_URN}:manager.value`);
    expect(manager).toMatchObject({
      schema: ENTERPRISE_USER_SCHEMA_URN,
      path: 'manager.value',
      qualifiedPath: `${ENTERPRISE_USER_SCHEMA_URN}:manager.value`,
    });
    expect(findAttribute('User', `${ENTERPRISE_USER_SCHEMA_URN.toUpperCase()}:MANAGER`)?.qualifiedPath).toBe(
      `${ENTERPRISE_USER_SCHEMA_URN}:manager`,
    );
  });

  it('resolves the common attributes id, externalId and meta.*', () => {
    expect(findAttribute('User', 'id')).toMatchObject({ common: true, schema: USER_SCHEMA_URN });
    expect(findAttribute('Group', 'externalId')?.attribute.caseExact).toBe(true);
    expect(findAttribute('Group', 'meta.lastModified')).toMatchObject({ common: true, path: 'meta.lastModified' });
    expect(findAttribute('User', `${USER_SCHEMA_URN}:meta.created`)?.attribute.type).toBe('dateTime');
  });

  it('falls back to extension attributes for unqualified names', () => {
    expect(findAttribute('User', 'employeeNumber')?.schema).toBe(ENTERPRISE_USER_SCHEMA_URN);
  });

  it.each([
    ['User', 'nope'],
    ['User', 'name.nope'],
    ['User', 'userName.sub'],
    ['User', 'name.givenName.more'],
    ['User', 'name.'],
    ['User', ''],
    ['Group', 'userName'],
    ['Group', `${ENTERPRISE_USER_SCHEMA_URN}:manager`],
    ['User', `${ENTERPRISE_USER_SCHEMA_URN}:userName`],
    ['User', 'urn:example:other:2.0:User:userName'],
    ['User', '__proto__'],
    ['User', 'constructor'],
  ] as const)('%s %s does not resolve', (type, path) => {
    expect(findAttribute(type, path)).toBeUndefined();
  });

  it('resolves the same attribute whatever the casing (property)', () => {
    const paths = [
      'userName',
      'name.familyName',
      'emails.value',
      'meta.version',
      `${ENTERPRISE_USER_SCHEMA_URN}:manager.value`,
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...paths),
        fc.array(fc.boolean(), { minLength: 80, maxLength: 80 }),
        (path, flips) => {
          const cased = Array.from(path)
            .map((char, index) => (flips[index] ? char.toUpperCase() : char.toLowerCase()))
            .join('');
          expect(findAttribute('User', cased)?.qualifiedPath).toBe(findAttribute('User', path)?.qualifiedPath);
        },
      ),
    );
  });
});
