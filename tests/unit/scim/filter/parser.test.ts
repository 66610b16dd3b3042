import { FilterSyntaxError, parseFilter, type Filter, type FilterLimits } from '../../../../server/src/scim/filter';
import { ScimError } from '../../../../server/src/scim/errors';
import { and, cmp, not, or, pr, valuePath } from './builders';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** The error parseFilter throws for `text`. */
const errorOf = (text: string, limits?: Partial<FilterLimits>): FilterSyntaxError => {
  try {
    parseFilter(text, limits);
  } catch (error) {
    expect(error).toBeInstanceOf(ScimError);
    expect(error).toBeInstanceOf(FilterSyntaxError);
    expect(error).toMatchObject({ status: 400, scimType: 'invalidFilter' });
    return error as FilterSyntaxError;
  }
  throw new Error(`parseFilter accepted ${JSON.stringify(text)}`);
};

describe('parseFilter: structure', () => {
  it('binds and tighter than or', () => {
    expect(parseFilter('a pr or b pr and c pr')).toStrictEqual(or(pr('a'), and(pr('b'), pr('c'))));
    expect(parseFilter('a pr and b pr or c pr')).toStrictEqual(or(and(pr('a'), pr('b')), pr('c')));
  });

  it('reads chains left-associatively', () => {
    expect(parseFilter('a pr or b pr or c pr')).toStrictEqual(or(or(pr('a'), pr('b')), pr('c')));
    expect(parseFilter('a pr and b pr and c pr')).toStrictEqual(and(and(pr('a'), pr('b')), pr('c')));
  });

  it('lets parentheses override precedence, however deep', () => {
    expect(parseFilter('(a pr or b pr) and c pr')).toStrictEqual(and(or(pr('a'), pr('b')), pr('c')));
    expect(parseFilter('((((a pr))))')).toStrictEqual(pr('a'));
    expect(parseFilter('a pr and (b pr and (c pr or (d pr)))')).toStrictEqual(
      and(pr('a'), and(pr('b'), or(pr('c'), pr('d')))),
    );
  });

  it('reads not with and without a space, in any case', () => {
    expect(parseFilter('not (a pr)')).toStrictEqual(not(pr('a')));
    expect(parseFilter('NOT(a pr)')).toStrictEqual(not(pr('a')));
    expect(parseFilter('not (not (a pr)) and b pr')).toStrictEqual(and(not(not(pr('a'))), pr('b')));
  });

  it('reads value paths with nested logic and not', () => {
    expect(parseFilter('emails[type eq "work" or (type eq "home" and not (value ew "@example.com"))]')).toStrictEqual(
      valuePath(
        'emails',
        or(cmp('type', 'eq', 'work'), and(cmp('type', 'eq', 'home'), not(cmp('value', 'ew', '@example.com')))),
      ),
    );
  });

  it("reads Entra ID's attr[filter].sub op value as one element matching both conditions", () => {
    const expected = valuePath('emails', and(cmp('type', 'eq', 'work'), cmp('value', 'eq', 'ann@contoso.com')));
    expect(parseFilter('emails[type eq "work"].value eq "ann@contoso.com"')).toStrictEqual(expected);
    expect(parseFilter('emails[type eq "work" and value eq "ann@contoso.com"]')).toStrictEqual(expected);
    expect(parseFilter('phoneNumbers[type eq "mobile" or primary eq true].value pr and userName sw "a"')).toStrictEqual(
      and(
        valuePath('phoneNumbers', and(or(cmp('type', 'eq', 'mobile'), cmp('primary', 'eq', true)), pr('value'))),
        cmp('userName', 'sw', 'a'),
      ),
    );
    expect(parseFilter(`${ENTERPRISE}:manager[value pr].displayName co "x"`)).toStrictEqual({
      op: 'valuePath',
      path: { urn: ENTERPRISE, attribute: 'manager' },
      filter: and(pr('value'), cmp('displayName', 'co', 'x')),
    });
  });

  it('reads keywords and operators in any case', () => {
    expect(parseFilter('a EQ "x" AnD b Pr oR NOT (c gE 1)')).toStrictEqual(
      or(and(cmp('a', 'eq', 'x'), pr('b')), not(cmp('c', 'ge', 1))),
    );
  });

  it('accepts every comparison operator', () => {
    for (const op of ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'] as const) {
      expect(parseFilter(`title ${op} "x"`)).toStrictEqual(cmp('title', op, 'x'));
    }
  });

  it('tells keywords from attribute names by position', () => {
    expect(parseFilter('not pr')).toStrictEqual(pr('not'));
    expect(parseFilter('and eq "x" or or pr')).toStrictEqual(or(cmp('and', 'eq', 'x'), pr('or')));
    expect(parseFilter('pr pr')).toStrictEqual(pr('pr'));
  });

  it('accepts extra whitespace of any kind between tokens', () => {
    expect(parseFilter('  userName\teq\n"x"   and\r\n( title pr )  ')).toStrictEqual(
      and(cmp('userName', 'eq', 'x'), pr('title')),
    );
  });
});

describe('parseFilter: attribute paths', () => {
  it('splits URN, attribute and sub-attribute at the last colon', () => {
    expect(parseFilter(`${ENTERPRISE}:manager.value eq "1"`)).toStrictEqual({
      op: 'eq',
      path: { urn: ENTERPRISE, attribute: 'manager', subAttribute: 'value' },
      value: '1',
    });
    expect(parseFilter(`${ENTERPRISE}:employeeNumber pr`)).toStrictEqual({
      op: 'pr',
      path: { urn: ENTERPRISE, attribute: 'employeeNumber' },
    });
  });

  it('accepts $ref, hyphens, underscores and digits in names', () => {
    expect(parseFilter('members[$ref eq "https://x/Users/1"]')).toStrictEqual(
      valuePath('members', cmp('$ref', 'eq', 'https://x/Users/1')),
    );
    expect(parseFilter('groups.$ref pr')).toStrictEqual(pr('groups.$ref'));
    expect(parseFilter('x-custom_attr2 pr')).toStrictEqual(pr('x-custom_attr2'));
  });

  it.each([
    ['a.b.c pr', 0, /only one level/],
    ['1abc pr', 0, /Invalid attribute name/],
    ['_a pr', 0, /Invalid attribute name/],
    ['a. pr', 0, /Invalid sub-attribute name/],
    [':a pr', 0, /Invalid schema URN/],
    ['urn::x:a pr', 0, /Invalid schema URN/],
    ['emails.value[type eq "work"]', 12, /must follow an attribute/],
    ['emails[urn:x:y:type eq "work"]', 7, /only sub-attribute names/],
    ['emails[name.type eq "work"]', 7, /only sub-attribute names/],
    ['emails[x[y pr]]', 8, /another value filter/],
    ['emails[type eq "work"].value', 28, /Expected an operator after ".value", found end of input/],
    ['emails[type eq "work"].value.x eq "a"', 22, /Invalid sub-attribute name "value.x"/],
    ['emails[type eq "work"].value[x pr]', 28, /Unknown operator|Expected an operator/],
    ['emails[type eq "work"]. eq "a"', 22, /Invalid sub-attribute name ""/],
  ])('refuses the path in %s', (text, position, detail) => {
    const error = errorOf(text);
    expect(error.position).toBe(position);
    expect(error.detail).toMatch(detail);
  });
});

describe('parseFilter: literals', () => {
  it('reads JSON strings with every escape', () => {
    const filter = parseFilter(String.raw`a eq "q\" b\\ s\/ \b\f\n\r\t \u00e9\uD83D\uDE00 é"`) as Extract<
      Filter,
      { value: unknown }
    >;
    expect(filter.value).toBe('q" b\\ s/ \b\f\n\r\t é\u{1F600} é');
  });

  it('reads numbers: integers, decimals, exponents, negatives', () => {
    const values = ['0', '-0', '42', '-7', '3.25', '1e3', '1E-2', '-2.5e+2'].map(
      (text) => (parseFilter(`a eq ${text}`) as Extract<Filter, { value: unknown }>).value,
    );
    expect(values).toEqual([0, -0, 42, -7, 3.25, 1000, 0.01, -250]);
    expect(Object.is(values[1], -0)).toBe(true);
  });

  it('reads an unquoted value as a string (filter-unquoted-value, Microsoft reference collection)', () => {
    const valueOf = (text: string) => (parseFilter(text) as Extract<Filter, { value: unknown }>).value;
    expect(valueOf('userName sw O')).toBe('O');
    expect(valueOf('userName eq ann@example.com')).toBe('ann@example.com');
    expect(valueOf('meta.created gt 2015-10-10T14:38:21.8617979-07:00')).toBe('2015-10-10T14:38:21.8617979-07:00');
    expect(valueOf('a eq 01')).toBe('01');
    expect(valueOf('userName eq and')).toBe('and');
    expect(
      parseFilter('name.familyName eq Employee and (emails.value co example.com or emails.value co example.org)'),
    ).toStrictEqual(
      and(
        cmp('name.familyName', 'eq', 'Employee'),
        or(cmp('emails.value', 'co', 'example.com'), cmp('emails.value', 'co', 'example.org')),
      ),
    );
  });

  it('reads true, false and null in any case', () => {
    expect(parseFilter('a eq true or b eq FALSE or c ne Null')).toStrictEqual(
      or(or(cmp('a', 'eq', true), cmp('b', 'eq', false)), cmp('c', 'ne', null)),
    );
  });
});

describe('parseFilter: errors carry the position', () => {
  it.each([
    ['userName eq "bjensen', 12, /Unterminated string/],
    ['userName eq', 11, /Expected a value .* after "eq", found end of input/],
    ['userName xx "a"', 9, /Unknown operator "xx"/],
    ['userName', 8, /Expected an operator after "userName", found end of input/],
    ['userName eq "a" foo', 16, /Expected "and", "or" or the end of the filter, found "foo"/],
    ['userName eq "a")', 15, /found '\)'/],
    ['emails[type eq "work"', 21, /Expected '\]' to close the '\[' at position 6, found end of input/],
    ['(a pr', 5, /Expected '\)' to close the '\(' at position 0/],
    ['not (a pr', 9, /Expected '\)'/],
    ['not a pr', 4, /Expected '\(' after "not"/],
    ['a pr and', 8, /Expected an attribute name/],
    ['and', 3, /Expected an operator/],
    ['a eq "x" or', 11, /Expected an attribute name/],
    ["a eq 'x'", 5, /Unexpected character '''/],
    ['a eq "x\\q"', 7, /Invalid escape \\q/],
    ['a eq "\\u12G4"', 6, /Invalid \\u escape/],
    ['a eq "tab\there"', 9, /Unescaped control character U\+0009/],
    ['a eq -', 5, /Invalid number/],
    ['a eq 1"x"', 6, /Invalid number: unexpected '"'/],
    ['a eq 1e999', 5, /Number out of range/],
    ['a eq (', 5, /Expected a value/],
    ['a = "x"', 2, /Unexpected character '='/],
    ['', 0, /Empty filter/],
    ['   ', 0, /Empty filter/],
    ['()', 1, /Expected an attribute name/],
    ['emails[]', 7, /Expected an attribute name/],
    ['a pr b pr', 5, /Expected "and", "or"/],
    ['a eq "x" "y"', 9, /Expected "and", "or"/],
  ])('%j', (text, position, detail) => {
    const error = errorOf(text);
    expect(error.position).toBe(position);
    expect(error.detail).toMatch(detail);
    expect(error.detail).toContain(`at position ${position}`);
  });

  it('refuses a value that is not a string', () => {
    expect(errorOf(42 as unknown as string).detail).toMatch(/must be a string/);
  });
});

describe('parseFilter: limits', () => {
  it('refuses text longer than maxLength (4096 by default)', () => {
    const long = `userName eq "${'x'.repeat(4096)}"`;
    expect(errorOf(long).detail).toMatch(/Longer than 4096 characters at position 4096/);
    expect(() => parseFilter(long, { maxLength: 10_000 })).not.toThrow();
    expect(errorOf('userName pr', { maxLength: 5 }).position).toBe(5);
  });

  it('refuses nesting deeper than maxDepth (32 by default)', () => {
    const nested = (depth: number) => `${'('.repeat(depth)}a pr${')'.repeat(depth)}`;
    expect(parseFilter(nested(32))).toStrictEqual(pr('a'));
    const error = errorOf(nested(33));
    expect(error.detail).toMatch(/Nested deeper than 32 levels/);
    expect(error.position).toBe(32);
    expect(errorOf(`${'not ('.repeat(4)}a pr${')'.repeat(4)}`, { maxDepth: 3 }).detail).toMatch(/deeper than 3/);
    expect(errorOf('emails[type pr]', { maxDepth: 0 }).detail).toMatch(/deeper than 0/);
  });

  it('refuses more than maxNodes expressions (256 by default)', () => {
    const chain = (terms: number) => Array.from({ length: terms }, (_, index) => `id eq "${index}"`).join(' or ');
    expect(() => parseFilter(chain(128))).not.toThrow(); // 128 comparisons + 127 ors = 255 nodes
    expect(errorOf(chain(129)).detail).toMatch(/More than 256 expressions/);
    expect(errorOf('a pr and b pr', { maxNodes: 2 }).detail).toMatch(/More than 2 expressions/);
  });

  it('turns even absurd limits into ScimErrors, never a RangeError', () => {
    const depth = 200_000;
    const text = `${'('.repeat(depth)}a pr${')'.repeat(depth)}`;
    const error = errorOf(text, { maxLength: Infinity, maxDepth: Infinity });
    expect(error.detail).toMatch(/Too complex/);
  });

  it('keeps the default for a limit given as undefined', () => {
    expect(errorOf('((a pr))', { maxDepth: undefined, maxNodes: 0 }).detail).toMatch(/More than 0 expressions/);
    expect(errorOf(`${'('.repeat(33)}a pr${')'.repeat(33)}`, { maxDepth: undefined }).detail).toMatch(/deeper than 32/);
  });

  it('parses long flat chains without deep recursion', () => {
    const text = Array.from({ length: 5000 }, () => 'a pr').join(' and ');
    expect(() => parseFilter(text, { maxLength: Infinity, maxNodes: Infinity })).not.toThrow();
  });
});
