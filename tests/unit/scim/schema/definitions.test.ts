import {
  ENTERPRISE_USER_SCHEMA,
  GROUP_SCHEMA,
  USER_SCHEMA,
  type AttributeDefinition,
  type SchemaDefinition,
} from '../../../../server/src/scim/schema';

const attributeOf = (schema: SchemaDefinition, path: string): AttributeDefinition => {
  const [top, sub] = path.split('.');
  const attribute = schema.attributes.find((candidate) => candidate.name === top);
  if (!attribute) throw new Error(`no ${top}`);
  if (!sub) return attribute;
  const subAttribute = attribute.subAttributes?.find((candidate) => candidate.name === sub);
  if (!subAttribute) throw new Error(`no ${path}`);
  return subAttribute;
};

const names = (attributes: AttributeDefinition[] | undefined) => (attributes ?? []).map((attribute) => attribute.name);

describe('core User schema (RFC 7643 §4.1, §8.7.1)', () => {
  it('defines every attribute of §4.1 in order', () => {
    expect(names(USER_SCHEMA.attributes)).toEqual([
      'userName',
      'name',
      'displayName',
      'nickName',
      'profileUrl',
      'title',
      'userType',
      'preferredLanguage',
      'locale',
      'timezone',
      'active',
      'password',
      'emails',
      'phoneNumbers',
      'ims',
      'photos',
      'addresses',
      'groups',
      'entitlements',
      'roles',
      'x509Certificates',
    ]);
    expect(names(attributeOf(USER_SCHEMA, 'name').subAttributes)).toEqual([
      'formatted',
      'familyName',
      'givenName',
      'middleName',
      'honorificPrefix',
      'honorificSuffix',
    ]);
    expect(names(attributeOf(USER_SCHEMA, 'addresses').subAttributes)).toEqual([
      'formatted',
      'streetAddress',
      'locality',
      'region',
      'postalCode',
      'country',
      'type',
      'primary',
    ]);
    expect(names(attributeOf(USER_SCHEMA, 'groups').subAttributes)).toEqual(['value', '$ref', 'display', 'type']);
    for (const multi of ['emails', 'phoneNumbers', 'ims', 'photos', 'entitlements', 'roles', 'x509Certificates']) {
      expect(names(attributeOf(USER_SCHEMA, multi).subAttributes)).toEqual(['value', 'display', 'type', 'primary']);
    }
  });

  it.each([
    [
      'userName',
      {
        type: 'string',
        required: true,
        caseExact: false,
        mutability: 'readWrite',
        returned: 'default',
        uniqueness: 'server',
      },
    ],
    ['password', { type: 'string', mutability: 'writeOnly', returned: 'never', required: false }],
    ['active', { type: 'boolean', multiValued: false, mutability: 'readWrite' }],
    ['profileUrl', { type: 'reference', referenceTypes: ['external'] }],
    ['emails', { type: 'complex', multiValued: true }],
    ['emails.type', { canonicalValues: ['work', 'home', 'other'] }],
    ['emails.primary', { type: 'boolean' }],
    ['phoneNumbers.type', { canonicalValues: ['work', 'home', 'mobile', 'fax', 'pager', 'other'] }],
    ['ims.type', { canonicalValues: ['aim', 'gtalk', 'icq', 'xmpp', 'msn', 'skype', 'qq', 'yahoo'] }],
    ['photos.value', { type: 'reference', referenceTypes: ['external'] }],
    ['photos.type', { canonicalValues: ['photo', 'thumbnail'] }],
    ['addresses.type', { canonicalValues: ['work', 'home', 'other'] }],
    ['groups', { multiValued: true, mutability: 'readOnly' }],
    ['groups.$ref', { type: 'reference', referenceTypes: ['User', 'Group'], mutability: 'readOnly' }],
    ['groups.type', { canonicalValues: ['direct', 'indirect'], mutability: 'readOnly' }],
    ['roles.type', { canonicalValues: [] }],
    ['x509Certificates.value', { type: 'binary' }],
    ['x509Certificates.type', { canonicalValues: [] }],
    [
      'name.givenName',
      { type: 'string', caseExact: false, mutability: 'readWrite', returned: 'default', uniqueness: 'none' },
    ],
  ])('%s has the §8.7.1 characteristics', (path, expected) => {
    expect(attributeOf(USER_SCHEMA, path)).toMatchObject(expected);
  });

  it('leaves canonicalValues off entitlements.type, as §8.7.1 does', () => {
    expect(attributeOf(USER_SCHEMA, 'entitlements.type').canonicalValues).toBeUndefined();
  });
});

describe('Enterprise User extension (RFC 7643 §4.3)', () => {
  it('defines its attributes and the manager sub-attributes', () => {
    expect(ENTERPRISE_USER_SCHEMA.id).toBe('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User');
    expect(names(ENTERPRISE_USER_SCHEMA.attributes)).toEqual([
      'employeeNumber',
      'costCenter',
      'organization',
      'division',
      'department',
      'manager',
    ]);
    expect(names(attributeOf(ENTERPRISE_USER_SCHEMA, 'manager').subAttributes)).toEqual([
      'value',
      '$ref',
      'displayName',
    ]);
    expect(attributeOf(ENTERPRISE_USER_SCHEMA, 'manager.$ref')).toMatchObject({
      type: 'reference',
      referenceTypes: ['User'],
    });
    expect(attributeOf(ENTERPRISE_USER_SCHEMA, 'manager.displayName').mutability).toBe('readOnly');
    expect(attributeOf(ENTERPRISE_USER_SCHEMA, 'manager').multiValued).toBe(false);
  });
});

describe('Group schema (RFC 7643 §4.2)', () => {
  it('requires displayName and defines members', () => {
    expect(attributeOf(GROUP_SCHEMA, 'displayName')).toMatchObject({ required: true, returned: 'default' });
    expect(attributeOf(GROUP_SCHEMA, 'members')).toMatchObject({
      type: 'complex',
      multiValued: true,
      mutability: 'readWrite',
    });
    expect(names(attributeOf(GROUP_SCHEMA, 'members').subAttributes)).toEqual(['value', '$ref', 'display', 'type']);
    expect(attributeOf(GROUP_SCHEMA, 'members.value').mutability).toBe('immutable');
    expect(attributeOf(GROUP_SCHEMA, 'members.type').canonicalValues).toEqual(['User', 'Group']);
    expect(attributeOf(GROUP_SCHEMA, 'members.$ref').referenceTypes).toEqual(['User', 'Group']);
  });
});

describe('every definition', () => {
  const all = (attributes: AttributeDefinition[]): AttributeDefinition[] =>
    attributes.flatMap((attribute) => [attribute, ...all(attribute.subAttributes ?? [])]);

  it.each([USER_SCHEMA, ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA].map((schema) => [schema.name, schema] as const))(
    '%s: complex attributes and only they have sub-attributes, and no name repeats at one level',
    (_name, schema) => {
      for (const attribute of all(schema.attributes)) {
        expect(Boolean(attribute.subAttributes?.length)).toBe(attribute.type === 'complex');
        const subNames = names(attribute.subAttributes).map((name) => name.toLowerCase());
        expect(new Set(subNames).size).toBe(subNames.length);
      }
    },
  );
});
