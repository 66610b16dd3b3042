import { etagFromVersion, ifMatchAllows, ifNoneMatchMatches, parseETagHeader } from '../../../server/src/scim/etag';

describe('etagFromVersion', () => {
  it('makes a weak ETag from a version', () => {
    expect(etagFromVersion(3)).toBe('W/"3"');
    expect(etagFromVersion('a330bc54f0671c9')).toBe('W/"a330bc54f0671c9"');
  });

  it('keeps a version that already is an ETag, weakening a strong one', () => {
    expect(etagFromVersion('W/"abc"')).toBe('W/"abc"');
    expect(etagFromVersion('"abc"')).toBe('W/"abc"');
  });
});

describe('parseETagHeader', () => {
  it('reads lists and the wildcard', () => {
    expect(parseETagHeader('W/"1", "2" ,W/"3"')).toEqual(['"1"', '"2"', '"3"']);
    expect(parseETagHeader(' * ')).toBe('*');
    expect(parseETagHeader('garbage')).toEqual([]);
  });
});

describe('If-Match', () => {
  it('allows a write without a header, with *, or with the current version (weak comparison)', () => {
    expect(ifMatchAllows(undefined, 3)).toBe(true);
    expect(ifMatchAllows('*', 3)).toBe(true);
    expect(ifMatchAllows('W/"3"', 3)).toBe(true);
    expect(ifMatchAllows('"3"', 3)).toBe(true);
    expect(ifMatchAllows('W/"2", W/"3"', '3')).toBe(true);
  });

  it('refuses a stale version', () => {
    expect(ifMatchAllows('W/"2"', 3)).toBe(false);
    expect(ifMatchAllows('W/"30"', 3)).toBe(false);
  });
});

describe('If-None-Match', () => {
  it('matches the current version or *', () => {
    expect(ifNoneMatchMatches('W/"3"', 3)).toBe(true);
    expect(ifNoneMatchMatches('*', 3)).toBe(true);
  });

  it('does not match without a header or with another version', () => {
    expect(ifNoneMatchMatches(undefined, 3)).toBe(false);
    expect(ifNoneMatchMatches('', 3)).toBe(false);
    expect(ifNoneMatchMatches('W/"2"', 3)).toBe(false);
  });
});
