import { matches, matchesElement, parseFilter, parseDateTime } from '../../../../server/src/scim/filter';
import { ScimError } from '../../../../server/src/scim/errors';
import { path } from './builders';
import { bare, bjensen, CORE_USER, ENTERPRISE_USER, jsmith, resolveUser } from './fixtures';

const test = (text: string, resource: Record<string, unknown> = bjensen) =>
  matches(parseFilter(text), resource, resolveUser);

const expectInvalidFilter = (text: string, detail: RegExp, resource: Record<string, unknown> = bjensen) => {
  let caught: unknown;
  try {
    test(text, resource);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ScimError);
  expect(caught).toMatchObject({ status: 400, scimType: 'invalidFilter' });
  expect((caught as ScimError).detail).toMatch(detail);
};

describe('matches: strings', () => {
  it('ignores case where caseExact is false, and in attribute names', () => {
    expect(test('userName eq "BJENSEN"')).toBe(true);
    expect(test('USERNAME eq "bjensen"')).toBe(true);
    expect(test('NAME.FAMILYNAME co "o\'malley"')).toBe(true);
    expect(test('emails.VALUE ew "@EXAMPLE.COM"')).toBe(true);
  });

  it('respects case where caseExact is true', () => {
    expect(test('id eq "2819C223-7F76-453A-919D-413861904646"')).toBe(false);
    expect(test('id eq "2819c223-7f76-453a-919d-413861904646"')).toBe(true);
    expect(test('meta.resourceType eq "user"')).toBe(false);
  });

  it('implements co, sw and ew, including the empty string', () => {
    expect(test('displayName co "bs je"')).toBe(true);
    expect(test('displayName sw "babs"')).toBe(true);
    expect(test('displayName ew "JENSEN"')).toBe(true);
    expect(test('displayName sw "Jensen"')).toBe(false);
    expect(test('displayName co ""')).toBe(true);
  });

  it('orders strings lexicographically, after folding case when caseExact is false', () => {
    expect(test('userName gt "BA"')).toBe(true);
    expect(test('userName lt "BJENSEN"')).toBe(false);
    expect(test('userName le "BJENSEN"')).toBe(true);
    expect(test('userName ge "c"')).toBe(false);
  });

  it('needs a string literal for a string attribute', () => {
    expectInvalidFilter('userName eq 5', /"userName" is of type string; 5 is not a valid string value/);
    expectInvalidFilter('userName eq true', /is not a valid string value/);
  });
});

describe('matches: numbers, dateTimes and booleans', () => {
  it('compares numbers numerically', () => {
    expect(test('loginCount gt 9')).toBe(true); // "42" < "9" as text
    expect(test('loginCount eq 42.0')).toBe(true);
    expect(test('score ge 9.5 and score lt 1e1')).toBe(true);
    expectInvalidFilter('loginCount gt "9"', /is not a valid integer value/);
  });

  it('compares dateTimes by time, whatever the zone or precision', () => {
    expect(test('meta.lastModified eq "2011-05-13T06:42:34+02:00"')).toBe(true);
    expect(test('meta.lastModified eq "2011-05-13T04:42:34.000Z"')).toBe(true);
    expect(test('meta.lastModified gt "2011-05-13T04:42:33.999Z"')).toBe(true);
    expect(test('meta.created lt "2011-01-01T00:00:00"')).toBe(true);
    expect(
      matches(
        parseFilter('meta.lastModified gt "2011-01-01T00:00:00Z"'),
        { meta: { lastModified: new Date('2012-01-01T00:00:00Z') } },
        resolveUser,
      ),
    ).toBe(true);
    expectInvalidFilter('meta.lastModified gt "yesterday"', /is not a valid dateTime value/);
    expectInvalidFilter('meta.lastModified co "2011"', /"co" cannot compare the dateTime attribute/);
  });

  it('reads xsd:dateTime only', () => {
    expect(parseDateTime('2011-05-13T04:42:34Z')).toBe(Date.UTC(2011, 4, 13, 4, 42, 34));
    expect(parseDateTime('2011-05-13T04:42:34.5-01:30')).toBe(Date.UTC(2011, 4, 13, 6, 12, 34, 500));
    expect(parseDateTime('2011-05-13T04:42:34.123456Z')).toBe(Date.UTC(2011, 4, 13, 4, 42, 34, 123));
    expect(parseDateTime('May 13, 2011')).toBeUndefined();
    expect(parseDateTime('2011-13-13T04:42:34Z')).toBeUndefined();
  });

  it('allows only eq and ne on booleans (400 for gt and co)', () => {
    expect(test('active eq true')).toBe(true);
    expect(test('active ne true', jsmith)).toBe(true);
    expect(test('active eq "True"')).toBe(true); // Entra ID's way of writing booleans
    expectInvalidFilter('active gt false', /"gt" cannot compare the boolean attribute "active"/);
    expectInvalidFilter('active le true', /"le" cannot compare the boolean attribute/);
    expectInvalidFilter('active co "t"', /"co" cannot compare the boolean attribute/);
    expectInvalidFilter('active eq 1', /is not a valid boolean value/);
    expectInvalidFilter('certificate gt "AAAA"', /"gt" cannot compare the binary attribute/);
  });
});

describe('matches: presence and null', () => {
  it('pr is false for missing, null, empty string, empty array and empty object', () => {
    const resource = {
      schemas: [CORE_USER],
      title: '',
      displayName: null,
      emails: [],
      name: {},
      ims: [{ value: '' }],
      nickName: 'x',
    };
    for (const attribute of ['title', 'displayName', 'emails', 'name', 'ims', 'userType', 'emails.value']) {
      expect(test(`${attribute} pr`, resource)).toBe(false);
    }
    expect(test('active pr', { active: false })).toBe(true);
    expect(test('loginCount pr', { loginCount: 0 })).toBe(true);
    expect(test('emails pr')).toBe(true);
    expect(test('name pr')).toBe(true);
  });

  it('eq null means "has no value" and ne null "has a value"', () => {
    expect(test('title eq null', bare)).toBe(true);
    expect(test('title eq null')).toBe(false);
    expect(test('title ne null')).toBe(true);
    expect(test('emails eq null', bare)).toBe(true);
    expectInvalidFilter('title co null', /Only "eq" and "ne" can compare "title" with null/);
  });

  it('a comparison on an attribute without values is false, so not makes it true', () => {
    expect(test('userType ne "Employee"', bare)).toBe(false);
    expect(test('not (userType eq "Employee")', bare)).toBe(true);
  });
});

describe('matches: multi-valued and complex attributes', () => {
  it('matches when any element matches', () => {
    expect(test('emails.type eq "home"')).toBe(true);
    expect(test('emails.value co "jensen.org"')).toBe(true);
    expect(test('emails.type eq "other"')).toBe(false);
    expect(test(`schemas eq "${CORE_USER}"`)).toBe(true);
  });

  it('compares a complex attribute through its value sub-attribute', () => {
    expect(test('emails eq "BABS@jensen.org"')).toBe(true);
    expectInvalidFilter('name eq "Barbara"', /"name" is complex: compare one of its sub-attributes/);
  });

  it('applies a value path to one element at a time', () => {
    expect(test('emails[type eq "work" and value co "@example.com"]')).toBe(true);
    expect(test('emails[type eq "home" and value co "@example.com"]')).toBe(false);
    expect(test('emails.type eq "home" and emails.value co "@example.com"')).toBe(true);
    expect(test('emails[not (type eq "work")]')).toBe(true);
    expect(test('emails[not (type eq "work")]', bare)).toBe(false);
    expect(test('name[givenName eq "barbara" and familyName sw "O"]')).toBe(true);
    expect(test('emails[primary eq true]')).toBe(true);
    expect(test('emails[primary eq true]', jsmith)).toBe(false);
  });

  it("reads Entra ID's attr[filter].sub op value on the element the brackets select", () => {
    expect(test('emails[type eq "work"].value eq "bjensen@example.com"')).toBe(true);
    expect(test('emails[type eq "home"].value eq "bjensen@example.com"')).toBe(false);
    expect(test('emails[type eq "home"].value co "jensen.org"')).toBe(true);
    expect(test('emails[type eq "work"].value pr', bare)).toBe(false);
  });

  it('matchesElement picks the elements a PATCH path filter addresses', () => {
    const filter = parseFilter('type eq "work" or primary eq true');
    const picked = bjensen.emails.filter((email) => matchesElement(filter, email, path('emails'), resolveUser));
    expect(picked).toEqual([bjensen.emails[0]]);
    expect(matchesElement(filter, 'not an object', path('emails'), resolveUser)).toBe(false);
  });
});

describe('matches: URNs and unknown attributes', () => {
  it('reads core attributes qualified with the core URN, extension attributes from their object', () => {
    expect(test(`${CORE_USER}:userName eq "bjensen"`)).toBe(true);
    expect(test(`${ENTERPRISE_USER}:employeeNumber eq "701984"`)).toBe(true);
    expect(test(`${ENTERPRISE_USER}:department sw "tour"`)).toBe(true);
    expect(test(`${ENTERPRISE_USER}:employeeNumber pr`, jsmith)).toBe(false);
    expect(test(`${ENTERPRISE_USER.toUpperCase()}:EMPLOYEENUMBER eq "701984"`)).toBe(true);
  });

  it('an unknown attribute matches nothing and is not an error', () => {
    expect(test('nickName eq "Babs"')).toBe(false);
    expect(test('nickName gt true')).toBe(false);
    expect(test('emails.nope eq "x"')).toBe(false);
    expect(test('unknown[type eq "x"]')).toBe(false);
    expect(test('urn:example:other:userName eq "bjensen"')).toBe(false);
    expect(test('not (nickName eq "Babs")')).toBe(true);
  });
});
