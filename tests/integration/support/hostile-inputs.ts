/** fast-check generators of hostile SCIM requests: filters, PATCH bodies, odd JSON, headers, ids, query strings. */
import fc from 'fast-check';
import { printFilter, type Filter, type LiteralValue } from '../../../server/src/scim/filter';
import { filterArbitrary } from '../../unit/scim/filter/filter-arbitraries';
import { and, cmp, not, or, pr, valuePath } from '../../unit/scim/filter/builders';

export const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE_URN = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const SEARCH_URN = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';

/** Lone surrogates become U+FFFD: encodeURIComponent refuses them. */
export const wellFormed = (text: string) => text.replace(/\p{Cs}/gu, '\ufffd');

/** Strings a database or a JSON column may choke on: NUL, lone surrogates, LIKE wildcards, quotes, long text. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 16 }),
  fc.string({ unit: 'binary', maxLength: 16 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 8 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfff',
    '%',
    '_',
    '\\',
    "'; DROP TABLE scim_users; --",
    '"',
    '%_\\%',
    'é',
    '😀',
    'İ',
    'ß',
    '\u202e',
    'a'.repeat(256),
    'b'.repeat(5000),
    '😀'.repeat(200),
    '__proto__',
    'constructor',
    '2011-05-13T04:42:34Z',
    '9999-99-99T99:99:99Z',
    // Pattern inputs, short enough that a filter holding a few of them (percent-encoded) stays under Node's
    // 16 KiB request line; the long ones are in pattern-inputs.ts.
    `a@${'.'.repeat(1500)} x`,
    '['.repeat(500),
    `h${'/'.repeat(500)}x`,
  ),
);

/**
 * The worst inputs of the patterns that read client data (see pattern-inputs.ts): a head, a run of one
 * unit and a tail that makes the match fail at the end, up to 12,000 characters (under Node's 16 KiB
 * header limit, so that they also fit in a header).
 */
export const pathologicalText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(
      'a@',
      '',
      'Bearer',
      '::ffff:',
      'W/"',
      'urn:',
      'Okta SCIM Client',
      'return=',
      '2011-05-13T04:42:34.',
    ),
    fc.constantFrom('.', '[', '/', ' ', '1.', '%', 'a.', '0', '1', '"a",', 'W/'),
    fc.integer({ min: 1, max: 12_000 }),
    fc.constantFrom(' x', '!', '', 'x y', '"', '+'),
  )
  .map(([head, unit, length, tail]) => `${head}${unit.repeat(Math.max(1, Math.floor(length / unit.length)))}${tail}`);

/**
 * X-Forwarded-For values that are not one IP address: garbage, lists, ports, zones, brackets, overlong
 * addresses. Sent to an app that trusts the proxy header, so each one reaches the client-address code.
 */
export const forwardedFor: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    ',',
    'unknown',
    'garbage',
    '-',
    '1.2.3.4, 5.6.7.8',
    ', 1.2.3.4',
    '1.2.3.4:80',
    '[::1]',
    '[::1]:443',
    'fe80::1%eth0',
    `fe80::1%${'z'.repeat(5000)}`,
    '999.999.999.999',
    '1.2.3',
    '1.2.3.4.5',
    '::ffff:1.2.3.4.5',
    '::ffff:999.1.1.1',
    '::::',
    '1::2::3',
    'ffff'.repeat(3000),
    `::ffff:${'1.'.repeat(5000)}x`,
    '0'.repeat(12_000),
    '__proto__',
    'constructor',
  ),
  fc.string({ maxLength: 64 }),
  pathologicalText,
);

const nastyLiteral: fc.Arbitrary<LiteralValue> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  fc.constantFrom(0, -0, 1, -1, 1e308, -1e308, 5e-324, 2 ** 53 + 1, 2 ** 63, 1.5),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);

/** Paths of the real schema, filterable or not, so the database compiler sees what an IdP would send. */
const USER_PATHS = [
  'userName',
  'externalId',
  'displayName',
  'name.givenName',
  'name.familyName',
  'active',
  'id',
  'meta.created',
  'meta.lastModified',
  'emails',
  'emails.value',
  'title',
  'groups.value',
  'members.value',
  `${ENTERPRISE_URN}:department`,
  `${USER_URN}:userName`,
  'USERNAME',
  'meta',
  'name',
];
const OPERATORS = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'] as const;

const realComparison: fc.Arbitrary<Filter> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(fc.constantFrom(...USER_PATHS), fc.constantFrom(...OPERATORS), nastyLiteral)
      .map(([path, op, value]) => cmp(path, op, value)),
  },
  fc.constantFrom(...USER_PATHS).map((path) => pr(path)),
  fc
    .tuple(fc.constantFrom('emails', 'groups', 'members'), fc.constantFrom('value', 'type', 'primary'), nastyLiteral)
    .map(([attribute, sub, value]) => valuePath(attribute, cmp(sub, 'eq', value))),
);

const realFilter: fc.Arbitrary<Filter> = fc.letrec<{ node: Filter }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    realComparison,
    fc.tuple(tie('node'), tie('node')).map(([left, right]) => and(left, right)),
    fc.tuple(tie('node'), tie('node')).map(([left, right]) => or(left, right)),
    tie('node').map((inner) => not(inner)),
  ),
})).node;

const printed = (arbitrary: fc.Arbitrary<Filter>) => arbitrary.map((filter) => printFilter(filter));

const FILTER_DEBRIS = [
  '(',
  ')',
  '[',
  ']',
  '"',
  '\\',
  ' ',
  'and',
  'or',
  'not',
  '.',
  ':',
  'eq',
  'pr',
  '\u0000',
  '%',
  '\ud800',
  '\\u0000',
  '\\ud800',
];

/** A filter text with a few random edits: characters dropped, debris inserted, parts repeated, cut short. */
const mutate = (text: string): fc.Arbitrary<string> =>
  fc
    .array(
      fc.tuple(
        fc.constantFrom('delete', 'insert', 'repeat', 'truncate', 'swapCase'),
        fc.nat(),
        fc.constantFrom(...FILTER_DEBRIS),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((edits) => {
      let result = text;
      for (const [kind, position, debris] of edits) {
        const at = result.length === 0 ? 0 : position % (result.length + 1);
        if (kind === 'delete') result = result.slice(0, at) + result.slice(at + 1);
        else if (kind === 'insert') result = result.slice(0, at) + debris + result.slice(at);
        else if (kind === 'repeat') result = result + ' ' + result.slice(0, at);
        else if (kind === 'truncate') result = result.slice(0, at);
        else result = result.slice(0, at) + result.slice(at).toUpperCase();
      }
      return result;
    });

const deepFilter = (depth: number) => `${'('.repeat(depth)}userName eq "x"${')'.repeat(depth)}`;

/** Filter texts: random grammar trees, trees over the real schema, mutations of both, and limits. */
export const filterText: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: printed(filterArbitrary) },
  { weight: 3, arbitrary: printed(realFilter) },
  { weight: 3, arbitrary: fc.oneof(printed(realFilter), printed(filterArbitrary)).chain(mutate) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      deepFilter(33),
      deepFilter(5000),
      `${'not ('.repeat(2000)}active eq true${')'.repeat(2000)}`,
      Array.from({ length: 300 }, (_, index) => `userName eq "u${index}"`).join(' or '),
      `userName eq "${'x'.repeat(4100)}"`,
      'userName eq "\\u0000"',
      'userName eq "\\ud800"',
      'userName eq "a\\"',
      'emails[type eq "work" and value co "@"].value eq "x"',
      'meta.lastModified gt "2011-05-13T04:42:34Z"',
      'meta.lastModified gt "not a date"',
      'meta.created ge 1e308',
      'active eq "True"',
      'userName gt 99999999999999999999999',
    ),
  },
);

/** Where a filter goes: both list endpoints, both .search endpoints, raw or form-encoded in the URL. */
export const filterRequest = fc.record({
  filter: filterText,
  where: fc.constantFrom('GET /Users', 'GET /Groups', 'POST /Users/.search', 'POST /.search', 'GET raw'),
});

/** JSON text holding `key` with a value meant to pollute, at one level of a nested object. */
export const protoKeys = ['__proto__', 'constructor', 'prototype'] as const;

const PATCH_PATHS = [
  'userName',
  'displayName',
  'active',
  'title',
  'name',
  'name.givenName',
  'name.familyName',
  'emails',
  'emails.value',
  'emails[type eq "work"].value',
  'emails[type eq "work"]',
  'emails[value eq "nobody@example.com"]',
  'emails[primary eq true].type',
  'members',
  'members[value eq "00000000-0000-0000-0000-000000000000"]',
  'members[display co "x"]',
  'members.value',
  'externalId',
  'id',
  'meta',
  'meta.version',
  'schemas',
  'groups',
  'password',
  `${ENTERPRISE_URN}:department`,
  `${ENTERPRISE_URN}:manager`,
  `${ENTERPRISE_URN}:manager.value`,
  ENTERPRISE_URN,
  `${USER_URN}:name.givenName`,
  '__proto__',
  '__proto__.polluted',
  'constructor.prototype.polluted',
  'name.__proto__',
  'emails[__proto__ eq "x"].value',
  'emails[value eq "a"].__proto__',
  '',
  ' ',
  '.',
  '[',
  'emails[',
  'emails]',
  'a.b.c.d',
  'x'.repeat(3000),
];

const jsonValue = fc.jsonValue({ maxDepth: 3 });

const pollutingObject = fc
  .constantFrom(...protoKeys)
  .map((key) => JSON.parse(`{"${key}": {"polluted": "yes", "isAdmin": true}, "givenName": "P"}`));

const patchValue = (memberIds: string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 3, arbitrary: jsonValue },
    nastyString,
    fc.constantFrom('True', 'False', true, false, null, [], {}, 0, [null], [[]], { value: null }),
    fc.subarray(memberIds).map((ids) => ids.map((value) => ({ value, type: 'User' }))),
    fc.constantFrom(...memberIds).map((value) => ({ value })),
    fc.constantFrom(...memberIds),
    pollutingObject,
    fc.dictionary(fc.constantFrom(...PATCH_PATHS, ...protoKeys), jsonValue, { maxKeys: 4 }),
    fc.record({ givenName: nastyString, familyName: nastyString }),
    fc.array(
      fc.record({ value: nastyString, type: fc.constantFrom('work', 'home', 'User', 'Group'), primary: fc.boolean() }),
      { maxLength: 3 },
    ),
  );

const patchOperation = (memberIds: string[]) =>
  fc.record(
    {
      op: fc.oneof(
        fc.constantFrom('add', 'remove', 'replace', 'Add', 'REPLACE', 'Remove', 'delete', 'move', '', ' add '),
        jsonValue,
      ),
      path: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...PATCH_PATHS) },
        fc.constantFrom(...PATCH_PATHS).chain(mutate),
        nastyString,
        jsonValue,
      ),
      value: patchValue(memberIds),
    },
    { requiredKeys: [] },
  );

/** PATCH bodies: mostly well-formed PatchOps with random operations, sometimes a broken envelope. */
export const patchBody = (memberIds: string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .array(patchOperation(memberIds), { minLength: 1, maxLength: 4 })
        .map((Operations) => ({ schemas: [PATCH_OP], Operations })),
    },
    fc.array(patchOperation(memberIds), { maxLength: 3 }).map((Operations) => ({ Operations })),
    fc.record(
      {
        schemas: fc.oneof(jsonValue, fc.constant([USER_URN])),
        Operations: fc.oneof(jsonValue, fc.array(jsonValue, { maxLength: 3 })),
      },
      { requiredKeys: [] },
    ),
    jsonValue,
  );

/** One request of the PATCH category: its target and body, sometimes with an If-Match. */
export const patchRequest = (memberIds: string[]) =>
  fc.record({
    target: fc.constantFrom('Users', 'Groups'),
    pick: fc.nat(),
    body: patchBody(memberIds),
    ifMatch: fc.option(fc.constantFrom('W/"1"', '*', 'garbage', 'W/"999"', ''), { nil: undefined }),
  });

/** startIndex / count / attributes values an IdP should never send. */
const NUMBERS = [
  '0',
  '-1',
  '1',
  '+1',
  '1e3',
  '1.5',
  ' 7',
  '0x10',
  'abc',
  '',
  '١',
  '2147483648',
  '9007199254740993',
  '2147483647',
  '9223372036854775807',
  '9223372036854775808',
  '18446744073709551616',
  '99999999999999999999',
  '99999999999999999999999',
  '-99999999999999999999999',
  '1' + '0'.repeat(400),
];
const ATTRIBUTE_LISTS = [
  'userName',
  'a,,b',
  ',',
  `${ENTERPRISE_URN}:`,
  'emails[type eq "work"]',
  'name.givenName.x',
  '__proto__',
  'constructor.prototype',
  'members.value,displayName',
  'meta.version',
  'password',
  Array.from({ length: 400 }, (_, index) => `attr${index}`).join(','),
  // Many "[" (the former value-filter pattern was quadratic on them), within the 16 KiB request line when repeated.
  '['.repeat(1500),
  `emails${'[type eq "a"]'.repeat(60)}`,
];

const queryPair = fc.oneof(
  fc.tuple(fc.constantFrom('startIndex', 'count', 'StartIndex', 'COUNT'), fc.constantFrom(...NUMBERS)),
  fc.tuple(fc.constantFrom('attributes', 'excludedAttributes'), fc.constantFrom(...ATTRIBUTE_LISTS)),
  fc.tuple(
    fc.constantFrom('sortBy'),
    fc.constantFrom('userName', 'emails', 'name', 'password', 'meta.created', 'x', '', '__proto__', 'displayName'),
  ),
  fc.tuple(fc.constantFrom('sortOrder'), fc.constantFrom('ascending', 'DESCENDING', 'up', '')),
  fc.tuple(fc.constantFrom('filter'), fc.constantFrom('userName eq "x"', 'displayName pr', 'bad')),
  fc.tuple(
    fc.constantFrom(
      'startIndex[]',
      'count[a]',
      'attributes[0]',
      '__proto__[x]',
      'constructor[prototype][x]',
      'a[b][c][d][e][f][g]',
    ),
    fc.constantFrom('1', 'x'),
  ),
  fc.tuple(
    nastyString.filter((text) => text.length < 40),
    nastyString.filter((text) => text.length < 40),
  ),
);

const encodePart = (text: string, how: number) => {
  if (how === 0) return encodeURIComponent(wellFormed(text));
  if (how === 1)
    return text.replace(
      /[^A-Za-z0-9._~\-[\],:"]/g,
      (char) => `%${char.charCodeAt(0).toString(16).padStart(2, '0').slice(-2)}`,
    );
  return `%${text.slice(0, 3)}`;
};

/** node:http sends only printable ASCII in a request line: everything else is percent-encoded (as UTF-8). */
export const requestLineSafe = (text: string) =>
  text.replace(/[^\u0021-\u007e]/gu, (char) => encodeURIComponent(wellFormed(char)));

/** Query strings with repeated and odd parameters, against one of the list endpoints or a single resource. */
export const queryRequest = fc
  .record({
    path: fc.constantFrom('/Users', '/Groups', '/Users/{user}', '/Groups/{group}'),
    pairs: fc.array(fc.tuple(queryPair, fc.nat(2), fc.boolean()), { minLength: 1, maxLength: 5 }),
  })
  .map(({ path, pairs }) => ({
    path,
    query: pairs
      .flatMap(([[name, value], how, repeat]) => {
        const pair = `${encodePart(name, how === 2 ? 0 : how)}=${encodePart(value, how)}`;
        return repeat ? [pair, pair] : [pair];
      })
      .join('&'),
  }))
  .map(({ path, query }) => ({ path, query: requestLineSafe(query) }));

/** Resource ids in the URL path: traversal, encodings, unicode, very long, empty. */
export const ID_SEGMENTS = [
  '..',
  '../..',
  '..%2F..%2Fadmin',
  '%2e%2e%2f%2e%2e',
  '%2F',
  '%00',
  'a%00b',
  '%ff',
  '%c0%af',
  '%ed%a0%80',
  '%',
  '%zz',
  encodeURIComponent('élève'),
  encodeURIComponent('😀'),
  encodeURIComponent('İ'),
  'x'.repeat(7000),
  encodeURIComponent('é'.repeat(1200)),
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  '.search',
  '__proto__',
  'constructor',
  '%20',
  '1%3BDROP%20TABLE%20scim_users',
  "'%20OR%20'1'%3D'1",
  '*',
  '1',
  '-1',
  '9'.repeat(40),
];

export const idRequest = fc.record({
  resource: fc.constantFrom('Users', 'Groups', 'Schemas', 'ResourceTypes'),
  segment: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ID_SEGMENTS) },
    nastyString.map((text) => encodeURIComponent(wellFormed(text))),
  ),
  suffix: fc.constantFrom('', '', '/', '/x', '?', '#'),
  method: fc.constantFrom('GET', 'PUT', 'PATCH', 'DELETE', 'POST'),
});
