import fc from 'fast-check';
import { withoutTrailingSlashes } from '../../../server/src/scim/trailing-slashes';
import { withoutBracketedParts } from '../../../server/src/scim/value-filter-brackets';

/** The string scans that replace two quadratic patterns do what the patterns did, in one pass. */
describe('withoutTrailingSlashes', () => {
  it('equals the former trailing-slash pattern', () => {
    const text = fc.string({ unit: fc.constantFrom('/', 'a', ':'), maxLength: 12 });
    fc.assert(
      fc.property(text, (candidate) => withoutTrailingSlashes(candidate) === candidate.replace(/\/+$/, '')),
      { numRuns: 10_000 },
    );
  });

  it('takes a million slashes not at the end in one pass', () => {
    const text = `${'/'.repeat(1_000_000)}x`;
    expect(withoutTrailingSlashes(text)).toBe(text);
    expect(withoutTrailingSlashes('https://app.example/api//')).toBe('https://app.example/api');
  });
});

describe('withoutBracketedParts', () => {
  it('equals the former value-filter pattern', () => {
    const text = fc.string({ unit: fc.constantFrom('[', ']', 'a', ','), maxLength: 14 });
    fc.assert(
      fc.property(text, (candidate) => withoutBracketedParts(candidate) === candidate.replace(/\[[^\]]*\]/g, '')),
      { numRuns: 10_000 },
    );
  });

  it('takes a million "[" in one pass', () => {
    expect(withoutBracketedParts('['.repeat(1_000_000))).toBe('['.repeat(1_000_000));
    expect(withoutBracketedParts('emails[type eq "work"].value,name')).toBe('emails.value,name');
  });
});
