import {
  parseAttributeSource,
  readAttributeSource,
  type AttributeSource,
} from '../../../server/src/scim/attribute-source';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const parsed = (text: string): AttributeSource => {
  const source = parseAttributeSource(text);
  if (typeof source === 'string') throw new Error(source);
  return source;
};

const resource = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
  userName: 'ann',
  preferredLanguage: 'de-CH',
  phoneNumbers: [
    { type: 'work', value: '+41 44 000 00 00' },
    { type: 'mobile', value: '+41 79 000 00 01' },
  ],
  emails: [
    { type: 'home', value: 'ann@home.example' },
    { type: 'work', value: 'ann@example.com', primary: true },
  ],
  [ENTERPRISE]: { department: 'Sales', manager: { value: 'm-1' } },
};

describe('attribute sources', () => {
  it('reads core, enterprise, filtered and primary values, without case', () => {
    expect(readAttributeSource(resource, parsed('preferredLanguage'))).toBe('de-CH');
    expect(readAttributeSource(resource, parsed(`${ENTERPRISE}:department`))).toBe('Sales');
    expect(readAttributeSource(resource, parsed(`${ENTERPRISE}:manager.value`))).toBe('m-1');
    expect(readAttributeSource(resource, parsed('phoneNumbers[type eq "mobile"].value'))).toBe('+41 79 000 00 01');
    expect(readAttributeSource(resource, parsed('PHONENUMBERS[TYPE eq "mobile"].VALUE'))).toBe('+41 79 000 00 01');
    expect(readAttributeSource(resource, parsed('emails.value'))).toBe('ann@example.com');
  });

  it('reads null where the resource has no value', () => {
    expect(readAttributeSource(resource, parsed('title'))).toBeNull();
    expect(readAttributeSource(resource, parsed('phoneNumbers[type eq "fax"].value'))).toBeNull();
    expect(readAttributeSource({ schemas: [] }, parsed(`${ENTERPRISE}:department`))).toBeNull();
  });

  it('says what is wrong with a path that names no single value', () => {
    expect(parseAttributeSource('nickName[')).toEqual(expect.any(String));
    expect(parseAttributeSource('costCentre')).toContain('is not an attribute of the SCIM User');
    expect(parseAttributeSource('name')).toContain('is complex');
    expect(parseAttributeSource('phoneNumbers')).toContain('is complex');
    expect(parseAttributeSource('name[givenName eq "x"].familyName')).toContain('only a multi-valued attribute');
    expect(parsed('active').type).toBe('boolean');
  });
});
