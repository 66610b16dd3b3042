import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** docs/security.md names, for each protection, the test that proves it: each file and test name must exist. */
const ROOT = path.resolve(__dirname, '../../..');
const doc = readFileSync(path.join(ROOT, 'docs/security.md'), 'utf8');

const references = [...doc.matchAll(/`(tests\/[^`]+)` › (.+?)(?=;|\s\||$)/gm)].flatMap(([, file, names]) =>
  names
    .trim()
    .replace(/^"|"$/g, '')
    .split('", "')
    .map((name) => ({ file, name })),
);

describe('docs/security.md', () => {
  it('refers to tests', () => {
    expect(references.length).toBeGreaterThan(40);
  });

  it.each(references)('$file has the test "$name"', ({ file, name }) => {
    expect(existsSync(path.join(ROOT, file))).toBe(true);
    const source = readFileSync(path.join(ROOT, file), 'utf8');
    // A test name is a string literal in any of JavaScript's quotes (one holding an apostrophe is in double quotes).
    const quoted = ["'", '"', '`'].map((quote) => `${quote}${name}${quote}`);
    expect(quoted.filter((literal) => source.includes(literal))).not.toEqual([]);
  });
});
