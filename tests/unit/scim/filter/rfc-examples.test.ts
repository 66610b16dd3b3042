/** Every example filter of RFC 7644 §3.4.2.2, and the lookups Entra ID and Okta send. */
import { matches, parseFilter, parsePatchPath, printFilter, type Filter } from '../../../../server/src/scim/filter';
import { and, cmp, not, or, path, pr, valuePath } from './builders';
import { bare, bjensen, CORE_USER, ENTERPRISE_USER, jsmith, resolveGroup, resolveUser, tourGuides } from './fixtures';

const users = { bjensen, jsmith, bare };
type UserName = keyof typeof users;

const matching = (filter: Filter): UserName[] =>
  (Object.keys(users) as UserName[]).filter((name) => matches(filter, users[name], resolveUser));

const examples: [text: string, ast: Filter, matchingUsers: UserName[]][] = [
  ['userName eq "bjensen"', cmp('userName', 'eq', 'bjensen'), ['bjensen']],
  [`name.familyName co "O'Malley"`, cmp('name.familyName', 'co', "O'Malley"), ['bjensen']],
  ['userName sw "J"', cmp('userName', 'sw', 'J'), ['jsmith']],
  [
    `${CORE_USER}:userName sw "J"`,
    { op: 'sw', path: { urn: CORE_USER, attribute: 'userName' }, value: 'J' },
    ['jsmith'],
  ],
  ['title pr', pr('title'), ['bjensen']],
  ['meta.lastModified gt "2011-05-13T04:42:34Z"', cmp('meta.lastModified', 'gt', '2011-05-13T04:42:34Z'), ['jsmith']],
  [
    'meta.lastModified ge "2011-05-13T04:42:34Z"',
    cmp('meta.lastModified', 'ge', '2011-05-13T04:42:34Z'),
    ['bjensen', 'jsmith'],
  ],
  ['meta.lastModified lt "2011-05-13T04:42:34Z"', cmp('meta.lastModified', 'lt', '2011-05-13T04:42:34Z'), []],
  ['meta.lastModified le "2011-05-13T04:42:34Z"', cmp('meta.lastModified', 'le', '2011-05-13T04:42:34Z'), ['bjensen']],
  ['title pr and userType eq "Employee"', and(pr('title'), cmp('userType', 'eq', 'Employee')), ['bjensen']],
  ['title pr or userType eq "Intern"', or(pr('title'), cmp('userType', 'eq', 'Intern')), ['bjensen', 'jsmith']],
  [`schemas eq "${ENTERPRISE_USER}"`, cmp('schemas', 'eq', ENTERPRISE_USER), ['bjensen']],
  [
    'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
    and(
      cmp('userType', 'eq', 'Employee'),
      or(cmp('emails', 'co', 'example.com'), cmp('emails.value', 'co', 'example.org')),
    ),
    ['bjensen'],
  ],
  [
    'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
    and(
      cmp('userType', 'ne', 'Employee'),
      not(or(cmp('emails', 'co', 'example.com'), cmp('emails.value', 'co', 'example.org'))),
    ),
    ['jsmith'],
  ],
  [
    'userType eq "Employee" and (emails.type eq "work")',
    and(cmp('userType', 'eq', 'Employee'), cmp('emails.type', 'eq', 'work')),
    ['bjensen'],
  ],
  [
    'userType eq "Employee" and emails[type eq "work" and value co "@example.com"]',
    and(
      cmp('userType', 'eq', 'Employee'),
      valuePath('emails', and(cmp('type', 'eq', 'work'), cmp('value', 'co', '@example.com'))),
    ),
    ['bjensen'],
  ],
  [
    'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
    or(
      valuePath('emails', and(cmp('type', 'eq', 'work'), cmp('value', 'co', '@example.com'))),
      valuePath('ims', and(cmp('type', 'eq', 'xmpp'), cmp('value', 'co', '@foo.com'))),
    ),
    ['bjensen'],
  ],
];

describe('RFC 7644 §3.4.2.2 example filters', () => {
  it.each(examples)('%s', (text, ast, matchingUsers) => {
    const parsed = parseFilter(text);
    expect(parsed).toStrictEqual(ast);
    expect(matching(parsed)).toEqual(matchingUsers);
    expect(parseFilter(printFilter(parsed))).toStrictEqual(parsed);
  });

  it('reads attribute names and operators without regard to case', () => {
    expect(parseFilter('userName Eq "john"')).toStrictEqual(cmp('userName', 'eq', 'john'));
    expect(matches(parseFilter('USERNAME EQ "BJENSEN"'), bjensen, resolveUser)).toBe(true);
  });
});

describe('identity-provider lookups', () => {
  it('Entra ID and Okta: userName eq, case-insensitively', () => {
    const filter = parseFilter('userName eq "BJensen"');
    expect(filter).toStrictEqual(cmp('userName', 'eq', 'BJensen'));
    expect(matches(filter, bjensen, resolveUser)).toBe(true);
    expect(matches(filter, jsmith, resolveUser)).toBe(false);
  });

  it('Entra ID: externalId eq, which is caseExact', () => {
    expect(matches(parseFilter('externalId eq "bjensen"'), bjensen, resolveUser)).toBe(true);
    expect(matches(parseFilter('externalId eq "BJENSEN"'), bjensen, resolveUser)).toBe(false);
  });

  it('Entra ID: a user name that is an e-mail address with a plus', () => {
    const user = { ...bare, userName: 'Test_User+tag@contoso.com' };
    expect(matches(parseFilter('userName eq "test_user+tag@contoso.com"'), user, resolveUser)).toBe(true);
  });

  it('Entra ID: groups by displayName eq', () => {
    expect(matches(parseFilter('displayName eq "Tour Guides"'), tourGuides, resolveGroup)).toBe(true);
    expect(matches(parseFilter('displayName eq "Tour"'), tourGuides, resolveGroup)).toBe(false);
  });

  it('Entra ID: members[value eq "..."] as a PATCH path and as a filter', () => {
    const id = '2819c223-7f76-453a-919d-413861904646';
    expect(parsePatchPath(`members[value eq "${id}"]`)).toStrictEqual({
      attributePath: path('members'),
      valueFilter: cmp('value', 'eq', id),
    });
    expect(matches(parseFilter(`members[value eq "${id}"]`), tourGuides, resolveGroup)).toBe(true);
    expect(matches(parseFilter('members[value eq "someone-else"]'), tourGuides, resolveGroup)).toBe(false);
  });

  it('Entra ID: an enterprise extension attribute by URN', () => {
    const filter = parseFilter(`${ENTERPRISE_USER}:manager.value eq "26118915-6090-4610-87e4-49d8ca9f808d"`);
    expect(filter).toStrictEqual({
      op: 'eq',
      path: { urn: ENTERPRISE_USER, attribute: 'manager', subAttribute: 'value' },
      value: '26118915-6090-4610-87e4-49d8ca9f808d',
    });
    expect(matches(filter, bjensen, resolveUser)).toBe(true);
    expect(matches(filter, jsmith, resolveUser)).toBe(false);
  });
});
