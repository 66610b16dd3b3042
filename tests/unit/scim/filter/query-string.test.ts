import { decodeFilterQueryValue, parseFilter, readFilterParameter } from '../../../../server/src/scim/filter';
import { ScimError } from '../../../../server/src/scim/errors';
import { required } from '../../../integration/support/required';

describe('readFilterParameter', () => {
  it('decodes a form-encoded filter, + standing for a space (Okta, Entra ID)', () => {
    expect(readFilterParameter('filter=userName+eq+%22bjensen%40example.com%22&startIndex=1&count=100')).toBe(
      'userName eq "bjensen@example.com"',
    );
    expect(readFilterParameter('?count=1&filter=userName+eq+%22a%2Bb%40example.com%22')).toBe(
      'userName eq "a+b@example.com"',
    );
  });

  it('keeps + literal when the client percent-encoded its spaces (RFC 3986 encoders)', () => {
    expect(readFilterParameter('filter=userName%20eq%20%22a+b@example.com%22')).toBe('userName eq "a+b@example.com"');
    expect(
      parseFilter(
        required(readFilterParameter('filter=userName%20eq%20%22a+b@example.com%22'), 'the filter parameter'),
      ),
    ).toEqual({
      op: 'eq',
      path: { attribute: 'userName' },
      value: 'a+b@example.com',
    });
  });

  it('returns undefined without a filter parameter, and matches the name case-insensitively', () => {
    expect(readFilterParameter('')).toBeUndefined();
    expect(readFilterParameter('startIndex=1&count=10&filterx=1')).toBeUndefined();
    expect(readFilterParameter('Filter=title+pr')).toBe('title pr');
    expect(readFilterParameter('filter')).toBe('');
  });

  it('refuses two filter parameters and broken percent-encoding with invalidFilter', () => {
    expect(() => readFilterParameter('filter=a+pr&filter=b+pr')).toThrow(ScimError);
    expect(() => readFilterParameter('filter=a+pr&filter=b+pr')).toThrow(/More than one filter parameter/);
    try {
      decodeFilterQueryValue('userName%20eq%20%22%E0%A4%A%22');
      throw new Error('accepted');
    } catch (error) {
      expect(error).toMatchObject({ status: 400, scimType: 'invalidFilter' });
    }
  });
});
