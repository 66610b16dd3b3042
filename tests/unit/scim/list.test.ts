import fc from 'fast-check';
import { ScimError } from '../../../server/src/scim/errors';
import { MAX_START_INDEX, buildListResponse, parsePagination, parseSort } from '../../../server/src/scim/list';

const scimTypeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as ScimError).scimType;
  }
  return 'no error';
};

describe('buildListResponse', () => {
  it('wraps resources with totals', () => {
    expect(buildListResponse([{ id: 'a' }, { id: 'b' }], { totalResults: 7, startIndex: 3 })).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 7,
      startIndex: 3,
      itemsPerPage: 2,
      Resources: [{ id: 'a' }, { id: 'b' }],
    });
  });
});

describe('parsePagination', () => {
  it('defaults to startIndex 1 and count 100', () => {
    expect(parsePagination({})).toEqual({ startIndex: 1, count: 100 });
    expect(parsePagination({ startIndex: '', count: '' })).toEqual({ startIndex: 1, count: 100 });
  });

  it('reads Okta-style values', () => {
    expect(parsePagination({ startIndex: '1', count: '100' })).toEqual({ startIndex: 1, count: 100 });
    expect(parsePagination({ startIndex: '51', count: '25' })).toEqual({ startIndex: 51, count: 25 });
  });

  it('clamps as RFC 7644 §3.4.2.4 says', () => {
    expect(parsePagination({ startIndex: '0', count: '-5' })).toEqual({ startIndex: 1, count: 0 });
    expect(parsePagination({ startIndex: '-3', count: '5000' })).toEqual({ startIndex: 1, count: 1000 });
    expect(parsePagination({ count: '50' }, { maxCount: 20, defaultCount: 10 })).toEqual({ startIndex: 1, count: 20 });
    expect(parsePagination({}, { defaultCount: 10 })).toEqual({ startIndex: 1, count: 10 });
  });

  it.each([['abc'], ['1.5'], ['1e3'], ['0x10']])('rejects count=%s with invalidValue', (count) => {
    expect(scimTypeOf(() => parsePagination({ count }))).toBe('invalidValue');
    expect(scimTypeOf(() => parsePagination({ startIndex: count }))).toBe('invalidValue');
  });

  it('caps startIndex at 2^31-1, so that every database takes the OFFSET', () => {
    for (const startIndex of [
      '2147483647',
      '2147483648',
      '99999999999999999999',
      '+9999999999999999999999999999999',
      1e20,
    ]) {
      expect(parsePagination({ startIndex, count: '99999999999999999999' })).toEqual({
        startIndex: MAX_START_INDEX,
        count: 1000,
      });
    }
    expect(MAX_START_INDEX).toBe(2 ** 31 - 1);
    expect(parsePagination({ startIndex: '-99999999999999999999', count: '-99999999999999999999' })).toEqual({
      startIndex: 1,
      count: 0,
    });
  });

  it('refuses an integer text longer than 32 characters before reading it', () => {
    expect(scimTypeOf(() => parsePagination({ startIndex: '1'.repeat(33) }))).toBe('invalidValue');
    expect(scimTypeOf(() => parsePagination({ count: `${'1'.repeat(1_000_000)}x` }))).toBe('invalidValue');
    expect(parsePagination({ startIndex: '1'.repeat(32) }).startIndex).toBe(MAX_START_INDEX);
  });

  it('rejects a repeated parameter', () => {
    expect(scimTypeOf(() => parsePagination({ count: ['1', '2'] }))).toBe('invalidValue');
  });

  it('always lands inside the bounds (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -1e6, max: 1e6 }), (startIndex, count) => {
        const page = parsePagination({ startIndex: String(startIndex), count: String(count) });
        expect(page.startIndex).toBe(Math.max(1, startIndex));
        expect(page.count).toBeGreaterThanOrEqual(0);
        expect(page.count).toBeLessThanOrEqual(1000);
      }),
    );
  });
});

describe('parseSort', () => {
  it('returns nothing without sortBy, even with a sortOrder', () => {
    expect(parseSort('User', {})).toBeUndefined();
    expect(parseSort('User', { sortOrder: 'descending' })).toBeUndefined();
  });

  it('resolves sortBy through the schema, ascending by default', () => {
    const sort = parseSort('User', { sortBy: 'NAME.familyName' });
    expect(sort?.attribute.path).toBe('name.familyName');
    expect(sort?.order).toBe('ascending');
    expect(parseSort('User', { sortBy: 'meta.lastModified', sortOrder: 'DESCENDING' })?.order).toBe('descending');
    expect(
      parseSort('User', { sortBy: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department' })?.attribute
        .qualifiedPath,
    ).toBe('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department');
  });

  it('sorts a multi-valued attribute by its value', () => {
    expect(parseSort('User', { sortBy: 'emails' })?.attribute.path).toBe('emails.value');
  });

  it.each([['nope'], ['name'], ['password'], ['members']])(
    'rejects sortBy=%s with invalidValue naming it',
    (sortBy) => {
      try {
        parseSort('User', { sortBy });
        throw new Error('expected an error');
      } catch (error) {
        expect((error as ScimError).scimType).toBe('invalidValue');
        expect((error as ScimError).detail).toContain(`'${sortBy}'`);
      }
    },
  );

  it('rejects an unknown sortOrder', () => {
    expect(scimTypeOf(() => parseSort('Group', { sortBy: 'displayName', sortOrder: 'up' }))).toBe('invalidValue');
  });
});
