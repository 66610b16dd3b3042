import {
  compileFilter,
  listColumnValue,
  parseFilter,
  type ColumnMap,
  type CompileOptions,
} from '../../../../server/src/scim/filter';
import { ScimError } from '../../../../server/src/scim/errors';
import { CORE_USER, ENTERPRISE_USER, userColumns } from './fixtures';

const options: CompileOptions = { columns: userColumns, coreSchema: CORE_USER };
const compile = (text: string, overrides: Partial<CompileOptions> = {}) =>
  compileFilter(parseFilter(text), { ...options, ...overrides });

const expectInvalidFilter = (text: string, detail: RegExp, overrides: Partial<CompileOptions> = {}) => {
  let caught: unknown;
  try {
    compile(text, overrides);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ScimError);
  expect(caught).toMatchObject({ status: 400, scimType: 'invalidFilter' });
  expect((caught as ScimError).detail).toMatch(detail);
};

describe('compileFilter: comparisons', () => {
  it('compiles the identity-provider lookups to indexed equality', () => {
    expect(compile('userName eq "BJensen@Example.com"')).toEqual({
      userNameNormalized: { $eq: 'bjensen@example.com' },
    });
    expect(compile('externalId eq "AbC-1"')).toEqual({ externalId: { $eq: 'AbC-1' } });
    expect(compile('displayName eq "Tour Guides"')).toEqual({ displayNameNormalized: { $eq: 'tour guides' } });
  });

  it('maps every operator', () => {
    expect(compile('userName ne "A"')).toEqual({ userNameNormalized: { $ne: 'a' } });
    expect(compile('userName co "A"')).toEqual({ userNameNormalized: { $contains: 'a' } });
    expect(compile('userName sw "A"')).toEqual({ userNameNormalized: { $startsWith: 'a' } });
    expect(compile('userName ew "A"')).toEqual({ userNameNormalized: { $endsWith: 'a' } });
    expect(compile('loginCount gt 1')).toEqual({ loginCount: { $gt: 1 } });
    expect(compile('loginCount ge 1')).toEqual({ loginCount: { $gte: 1 } });
    expect(compile('loginCount lt 1')).toEqual({ loginCount: { $lt: 1 } });
    expect(compile('loginCount le 1')).toEqual({ loginCount: { $lte: 1 } });
    expect(compile('active eq false')).toEqual({ active: { $eq: false } });
  });

  it('normalizes dateTimes to ISO-8601 UTC', () => {
    expect(compile('meta.lastModified gt "2011-05-13T06:42:34+02:00"')).toEqual({
      updatedAt: { $gt: '2011-05-13T04:42:34.000Z' },
    });
  });

  it('compiles pr and null comparisons', () => {
    expect(compile('userName pr')).toEqual({ userNameNormalized: { $notNull: true, $ne: '' } });
    expect(compile('active pr')).toEqual({ active: { $notNull: true } });
    expect(compile('userName ne null')).toEqual({ userNameNormalized: { $notNull: true, $ne: '' } });
    expect(compile('userName eq null')).toEqual({
      $or: [{ userNameNormalized: { $null: true } }, { userNameNormalized: { $eq: '' } }],
    });
    expect(compile('loginCount eq null')).toEqual({ loginCount: { $null: true } });
  });

  it('looks attributes up case-insensitively, with or without the core URN', () => {
    expect(compile(`${CORE_USER}:USERNAME eq "x"`)).toEqual({ userNameNormalized: { $eq: 'x' } });
    expect(compile(`${ENTERPRISE_USER}:employeeNumber eq "7"`)).toEqual({ employeeNumber: { $eq: '7' } });
  });

  it('refuses an attribute that is not in the column map, naming it', () => {
    expectInvalidFilter('title pr', /The attribute "title" is not filterable/);
    expectInvalidFilter('name.givenName eq "x"', /"name.givenName" is not filterable/);
    expectInvalidFilter('employeeNumber eq "7"', /"employeeNumber" is not filterable/);
    expectInvalidFilter('urn:example:other:userName eq "x"', /"urn:example:other:userName" is not filterable/);
  });

  it('applies the same type rules as the evaluator', () => {
    expectInvalidFilter('active gt true', /"gt" cannot compare the boolean attribute "active"/);
    expectInvalidFilter('loginCount co "1"', /"co" cannot compare the integer attribute/);
    expectInvalidFilter('userName eq 1', /is not a valid string value/);
    expectInvalidFilter('meta.lastModified gt "soon"', /is not a valid dateTime value/);
    expectInvalidFilter('userName sw null', /Only "eq" and "ne"/);
  });
});

describe('compileFilter: LIKE wildcards', () => {
  it('passes % _ and \\ through unescaped: Strapi 5.54 escapes them itself', () => {
    expect(compile(String.raw`userName co "50%_off\\"`)).toEqual({ userNameNormalized: { $contains: '50%_off\\' } });
    expect(compile('externalId sw "a_b"')).toEqual({ externalId: { $startsWith: 'a_b' } });
  });

  it('refuses them in co/sw/ew when the engine is known not to escape', () => {
    expectInvalidFilter('userName co "a_b"', /"co" cannot search for %, _ or \\/, { likeWildcards: 'reject' });
    expectInvalidFilter('userName ew "100%"', /"ew" cannot search/, { likeWildcards: 'reject' });
    expect(compile('userName eq "a_b"', { likeWildcards: 'reject' })).toEqual({ userNameNormalized: { $eq: 'a_b' } });
    expect(compile('userName co "ab"', { likeWildcards: 'reject' })).toEqual({
      userNameNormalized: { $contains: 'ab' },
    });
  });
});

describe('compileFilter: logic', () => {
  it('flattens chains into $and / $or arrays', () => {
    expect(compile('userName eq "a" and active eq true and loginCount gt 1')).toEqual({
      $and: [{ userNameNormalized: { $eq: 'a' } }, { active: { $eq: true } }, { loginCount: { $gt: 1 } }],
    });
    expect(compile('userName sw "a" or (userName sw "b" and active eq true) or loginCount gt 1')).toEqual({
      $or: [
        { userNameNormalized: { $startsWith: 'a' } },
        { $and: [{ userNameNormalized: { $startsWith: 'b' } }, { active: { $eq: true } }] },
        { loginCount: { $gt: 1 } },
      ],
    });
  });

  it('merges or-ed equalities on one column into $in', () => {
    expect(compile('id eq "1" or id eq "2" or externalId eq "3" or id eq "1"')).toEqual({
      $or: [{ scimId: { $in: ['1', '2'] } }, { externalId: { $eq: '3' } }],
    });
    expect(compile('id eq "1" or id eq "2"')).toEqual({ scimId: { $in: ['1', '2'] } });
  });

  it('compiles not through $not, with comparisons made two-valued', () => {
    expect(compile('not (userName eq "X")')).toEqual({ $not: { userNameNormalized: { $notNull: true, $eq: 'x' } } });
    expect(compile('not (userName pr)')).toEqual({ $not: { userNameNormalized: { $notNull: true, $ne: '' } } });
    expect(compile('not (id eq "1" or id eq "2")')).toEqual({ $not: { scimId: { $notNull: true, $in: ['1', '2'] } } });
    expect(compile('active eq true and not (not (loginCount lt 3))')).toEqual({
      $and: [{ active: { $eq: true } }, { $not: { $not: { loginCount: { $notNull: true, $lt: 3 } } } }],
    });
  });
});

describe('compileFilter: multi-valued attributes through relations', () => {
  it('joins for a sub-attribute, and for a complex attribute through .value', () => {
    expect(compile('emails.value co "@Example.com"')).toEqual({
      emails: { valueNormalized: { $contains: '@example.com' } },
    });
    expect(compile('emails co "@Example.com"')).toEqual({ emails: { valueNormalized: { $contains: '@example.com' } } });
  });

  it('puts the conditions of a value path on the same joined row', () => {
    expect(compile('emails[type eq "work" and value co "@example.com"]')).toEqual({
      emails: { $and: [{ type: { $eq: 'work' } }, { valueNormalized: { $contains: '@example.com' } }] },
    });
    expect(compile('emails[type eq "work"].value co "@example.com"')).toEqual({
      emails: { $and: [{ type: { $eq: 'work' } }, { valueNormalized: { $contains: '@example.com' } }] },
    });
    expect(compile('emails.type eq "work" and emails.value co "@example.com"')).toEqual({
      $and: [{ emails: { type: { $eq: 'work' } } }, { emails: { valueNormalized: { $contains: '@example.com' } } }],
    });
  });

  it('guards a not inside a value path against the all-NULL row of the LEFT JOIN', () => {
    expect(compile('emails[not (type eq "work")]')).toEqual({
      emails: { $and: [{ id: { $notNull: true } }, { $not: { type: { $notNull: true, $eq: 'work' } } }] },
    });
  });

  it('guards eq null inside a value path the same way', () => {
    expect(compile('emails[value eq null]')).toEqual({
      emails: {
        $and: [
          { id: { $notNull: true } },
          { $or: [{ valueNormalized: { $null: true } }, { valueNormalized: { $eq: '' } }] },
        ],
      },
    });
  });

  it('compiles pr on a complex attribute as "some element has some mapped sub-attribute"', () => {
    expect(compile('emails pr')).toEqual({
      emails: { $or: [{ valueNormalized: { $notNull: true, $ne: '' } }, { type: { $notNull: true, $ne: '' } }] },
    });
    expect(compile('name pr')).toEqual({ familyNameNormalized: { $notNull: true, $ne: '' } });
    expectInvalidFilter('not (emails pr)', /multi-valued attribute "emails"/);
  });

  it('refuses not and eq null over a relation, which would need NOT EXISTS', () => {
    expectInvalidFilter(
      'not (emails.value co "x")',
      /"not" and "eq null" over the multi-valued attribute "emails.value"/,
    );
    expectInvalidFilter('userName pr and not (emails[type eq "work"])', /multi-valued attribute "emails"/);
    expectInvalidFilter('emails.value eq null', /"eq null" over the multi-valued attribute/);
  });

  it('follows a dotted relation chain', () => {
    const columns: ColumnMap = {
      displayName: { column: 'displayName', type: 'string' },
      'members.value': { relation: 'memberships.member', column: 'scimId', type: 'string' },
    };
    expect(compileFilter(parseFilter('members[value eq "u1"]'), { columns })).toEqual({
      memberships: { member: { scimId: { $eq: 'u1' } } },
    });
    expect(compileFilter(parseFilter('members.value eq "u1"'), { columns })).toEqual({
      memberships: { member: { scimId: { $eq: 'u1' } } },
    });
  });

  it('refuses a value path that mixes columns and relations', () => {
    const columns: ColumnMap = { ...userColumns, 'emails.primary': { column: 'primaryEmailFlag', type: 'boolean' } };
    expect(() => compileFilter(parseFilter('emails[type eq "work" and primary eq true]'), { columns })).toThrow(
      /not filterable with this combination/,
    );
  });

  it('treats a value path over column-stored sub-attributes as grouping', () => {
    expect(compile('name[familyName sw "O"]')).toEqual({ familyNameNormalized: { $startsWith: 'o' } });
  });
});

describe('compileFilter: multi-valued attributes in a list column', () => {
  const listColumns: ColumnMap = {
    userName: { column: 'userNameKey', type: 'string', normalized: true },
    'emails.value': { column: 'emailValues', type: 'string', normalized: true, list: true },
  };
  const compileList = (text: string) => compile(text, { columns: listColumns });

  it('searches the framed values: eq matches a whole element, sw/ew its start/end', () => {
    expect(compileList('emails.value eq "Ann@Example.com"')).toEqual({
      emailValues: { $contains: '\nann@example.com\n' },
    });
    expect(compileList('emails.value co "example"')).toEqual({ emailValues: { $contains: 'example' } });
    expect(compileList('emails.value sw "ann"')).toEqual({ emailValues: { $contains: '\nann' } });
    expect(compileList('emails.value ew ".org"')).toEqual({ emailValues: { $contains: '.org\n' } });
    expect(compileList('emails co "x"')).toEqual({ emailValues: { $contains: 'x' } });
    expect(compileList('emails[value eq "a@b.c"]')).toEqual({ emailValues: { $contains: '\na@b.c\n' } });
  });

  it('answers pr and not like a single column', () => {
    expect(compileList('emails.value pr')).toEqual({ emailValues: { $notNull: true, $ne: '' } });
    expect(compileList('not (emails.value eq "a")')).toEqual({
      $not: { emailValues: { $notNull: true, $contains: '\na\n' } },
    });
  });

  it('refuses what a LIKE on the list cannot answer', () => {
    const refused = (text: string, detail: RegExp) => {
      expect(() => compileList(text)).toThrow(detail);
    };
    refused('emails.value gt "a"', /"gt" is not supported on the multi-valued attribute/);
    refused('emails.value ne "a"', /"ne" is not supported/);
    refused('emails.value eq ""', /must be non-empty/);
    refused('emails.value eq "a\\nb"', /line break/);
  });
});

describe('listColumnValue', () => {
  it('frames each value and drops empty ones', () => {
    expect(listColumnValue(['a@b.c', '', 'd@e.f'])).toBe('\na@b.c\nd@e.f\n');
    expect(listColumnValue([])).toBeNull();
    expect(listColumnValue(['x\ny'])).toBe('\nx y\n');
  });
});
