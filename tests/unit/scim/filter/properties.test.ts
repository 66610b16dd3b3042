/** Property tests: the parser only ever throws invalidFilter, and printing round-trips. */
import fc from 'fast-check';
import { FilterSyntaxError, parseFilter, parsePatchPath, printFilter } from '../../../../server/src/scim/filter';
import { filterArbitrary } from './filter-arbitraries';

const SEEDED_TEXTS = [
  'userName eq "bjensen"',
  'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
  'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq "26118915" and meta.lastModified gt "2011-05-13T04:42:34Z"',
  'a eq -1.5e+3 or b eq true or c ne null or members[$ref eq "x\\u00e9\\"y"]',
  'emails[type eq "work" or primary eq true].value eq "ann@contoso.com" and phoneNumbers[type eq "mobile"].value pr',
];
const INTERESTING_CHARACTERS = [
  '(',
  ')',
  '[',
  ']',
  '"',
  '\\',
  ' ',
  '.',
  ':',
  '$',
  '-',
  '0',
  'e',
  'u',
  'x',
  'not ',
  ' and ',
  ' or ',
  ' pr',
  '\u0000',
  '\ud800',
];

/** Valid filter text broken by a handful of deletions, insertions and truncations. */
const mutatedFilterText = fc
  .tuple(
    fc.oneof(fc.constantFrom(...SEEDED_TEXTS), filterArbitrary.map(printFilter)),
    fc.array(
      fc.record({
        kind: fc.constantFrom('delete', 'insert', 'truncate', 'duplicate'),
        at: fc.nat(),
        text: fc.oneof(fc.constantFrom(...INTERESTING_CHARACTERS), fc.string({ maxLength: 3 })),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([text, mutations]) =>
    mutations.reduce((current, { kind, at, text: piece }) => {
      const index = current.length === 0 ? 0 : at % (current.length + 1);
      switch (kind) {
        case 'delete':
          return current.slice(0, index) + current.slice(index + 1);
        case 'insert':
          return current.slice(0, index) + piece + current.slice(index);
        case 'truncate':
          return current.slice(0, index);
        default:
          return current.slice(0, index) + current.slice(index, index + 8) + current.slice(index);
      }
    }, text),
  );

const expectOnlyInvalidFilter = (text: string, parse: (text: string) => unknown, scimType: string): void => {
  try {
    parse(text);
  } catch (error) {
    if (!(error instanceof FilterSyntaxError) || error.status !== 400 || error.scimType !== scimType) throw error;
    expect(error.position).toBeGreaterThanOrEqual(0);
    expect(error.position).toBeLessThanOrEqual(text.length);
  }
};

describe('filter properties', () => {
  it('arbitrary strings make parseFilter throw nothing but invalidFilter', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string({ unit: fc.constantFrom(...INTERESTING_CHARACTERS, 'a', 'eq', '1') }),
        ),
        (text) => expectOnlyInvalidFilter(text, parseFilter, 'invalidFilter'),
      ),
      { numRuns: 2000 },
    );
  });

  it('mutated valid filters make parseFilter throw nothing but invalidFilter', () => {
    fc.assert(
      fc.property(mutatedFilterText, (text) => expectOnlyInvalidFilter(text, parseFilter, 'invalidFilter')),
      { numRuns: 2000 },
    );
  });

  it('mutated texts make parsePatchPath throw nothing but invalidPath', () => {
    fc.assert(
      fc.property(mutatedFilterText, (text) => expectOnlyInvalidFilter(text, parsePatchPath, 'invalidPath')),
      { numRuns: 1000 },
    );
  });

  it('parse(print(ast)) deep-equals ast', () => {
    fc.assert(
      fc.property(filterArbitrary, (ast) => {
        expect(parseFilter(printFilter(ast), { maxNodes: Infinity, maxLength: Infinity })).toStrictEqual(ast);
      }),
      { numRuns: 1000 },
    );
  });

  it('print(parse(text)) is a fixed point', () => {
    fc.assert(
      fc.property(mutatedFilterText, (text) => {
        let printed: string;
        try {
          printed = printFilter(parseFilter(text));
        } catch {
          return; // not a filter: covered above
        }
        expect(printFilter(parseFilter(printed))).toBe(printed);
      }),
      { numRuns: 2000 },
    );
  });
});
