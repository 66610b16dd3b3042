import path from 'node:path';
import { check } from 'recheck';
import { PATTERN_USES } from '../../integration/support/pattern-inputs';
import { findPatterns } from './support/regex-inventory';

/**
 * No regular expression in server/src can backtrack super-linearly (docs/decisions/redos-checker.md):
 * recheck proves each one safe, and each is listed with what it reads and how long that can be
 * (tests/integration/support/pattern-inputs.ts, whose requests hostile-input.test.ts sends).
 * recheck's `auto` backend: its native binary where npm installed it (2 s for the tree), else Java, else
 * its pure JavaScript backend in a worker (same verdicts, ~15-30 s on 2 busy cores); RECHECK_BACKEND=pure
 * forces the latter.
 */
process.env.RECHECK_BACKEND = process.env.RECHECK_BACKEND ?? 'auto';

const ROOT = path.resolve(__dirname, '../../..');
const found = findPatterns(ROOT, 'server/src');
const key = (file: string, pattern: string) => `${file} ${pattern}`;
const audited = new Set(PATTERN_USES.map((use) => key(use.file, use.pattern)));

describe('regular expressions in server/src', () => {
  it('are found by the TypeScript compiler: literals and RegExp(...) calls, with their flags', () => {
    expect(found.length).toBeGreaterThan(25);
    expect(found).toContainEqual(
      /* eslint-disable @typescript-eslint/no-unsafe-assignment -- @types/jest types asymmetric matchers as any */
      expect.objectContaining({
        source: '^[+-]?\\d+$',
        flags: '',
        where: expect.stringMatching(/^server\/src\/scim\/list\.ts:\d+$/),
      }),
      /* eslint-enable @typescript-eslint/no-unsafe-assignment */
    );
    expect(found).toContainEqual(
      expect.objectContaining({ source: '-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?', flags: 'y' }),
    );
  });

  it('are all literals (a pattern built at run time cannot be checked)', () => {
    expect(found.filter((pattern) => pattern.dynamic)).toEqual([]);
  });

  it.each(found.map((pattern) => [`${pattern.where} /${pattern.source}/${pattern.flags}`, pattern] as const))(
    'cannot backtrack super-linearly: %s',
    async (_label, pattern) => {
      const result = await check(pattern.source, pattern.flags, { timeout: 60_000 });
      const verdict =
        result.status === 'vulnerable'
          ? `vulnerable (${result.complexity.type}), attack ${result.attack.pattern}`
          : result.status === 'unknown'
            ? `unknown (${result.error.kind})`
            : 'safe';
      expect(verdict).toBe('safe');
    },
    60_000,
  );

  it.each(found.map((pattern) => [`${pattern.where} /${pattern.source}/${pattern.flags}`, pattern] as const))(
    'is audited (what it reads, its bound) in pattern-inputs.ts: %s',
    (_label, pattern) => {
      const file = pattern.where.replace(/:\d+$/, '');
      expect(audited).toContain(key(file, `/${pattern.source}/${pattern.flags}`));
    },
  );

  it('has no stale audit entry, and every pattern that reads client data has a hostile request', () => {
    const present = new Set(
      found.map((pattern) => key(pattern.where.replace(/:\d+$/, ''), `/${pattern.source}/${pattern.flags}`)),
    );
    const stale = PATTERN_USES.filter((use) => use.pattern.startsWith('/') && !present.has(key(use.file, use.pattern)));
    expect(stale).toEqual([]);
    expect(PATTERN_USES.filter((use) => use.clientInput !== null && use.cases.length === 0)).toEqual([]);
  });
});

describe('the checker', () => {
  it.each([
    ['the email pattern before the fix', '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$'],
    ['the trailing-slash trim before the fix', '\\/+$'],
    ['the value-filter removal before the fix', '\\[[^\\]]*\\]'],
    ['a textbook exponential pattern', '^(a+)+$'],
  ])(
    'finds %s vulnerable',
    async (_label, source) => {
      expect((await check(source, '', { timeout: 60_000 })).status).toBe('vulnerable');
    },
    60_000,
  );
});
