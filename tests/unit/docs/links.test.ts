import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Every relative link in README.md and docs/ reaches a file, and a `#anchor` into Markdown reaches a heading:
 * the README sends newcomers into docs/, and a moved section must not leave them at a dead link.
 */
const ROOT = path.resolve(__dirname, '../../..');
const markdownIn = (folder: string) =>
  readdirSync(path.join(ROOT, folder))
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(folder, name));
const FILES = ['README.md', 'CHANGELOG.md', ...markdownIn('docs'), ...markdownIn('docs/decisions')];

/** The lines outside fenced code blocks. */
const proseLines = (text: string): string[] => {
  let fenced = false;
  return text.split('\n').filter((line) => {
    if (line.startsWith('```')) fenced = !fenced;
    return !fenced && !line.startsWith('```');
  });
};

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const slug = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .split(' ')
    .join('-');

const anchorsOf = (text: string): Set<string> =>
  new Set(
    proseLines(text)
      .filter((line) => line.startsWith('#'))
      .map((line) => slug(line.slice(line.indexOf(' ') + 1))),
  );

/** The targets of the `[text](target)` links of a line. */
const linkTargets = (line: string): string[] => {
  const targets: string[] = [];
  for (let at = line.indexOf(']('); at !== -1; at = line.indexOf('](', at + 2)) {
    const end = line.indexOf(')', at + 2);
    if (end !== -1) targets.push(line.slice(at + 2, end).split(' ')[0]);
  }
  return targets;
};

const isExternal = (target: string) => target.includes('://') || target.startsWith('mailto:');

/** The links of `text`, written in `file`, that reach no file or no heading. */
const brokenLinks = (file: string, text = readFileSync(path.join(ROOT, file), 'utf8')): string[] =>
  proseLines(text)
    .flatMap(linkTargets)
    .filter((target) => !isExternal(target))
    .filter((target) => {
      const [relative, anchor = ''] = target.split('#');
      if (!relative) return !anchorsOf(text).has(anchor);
      const destination = path.resolve(ROOT, path.dirname(file), relative);
      if (!existsSync(destination)) return true;
      return (
        target.includes('#') && destination.endsWith('.md') && !anchorsOf(readFileSync(destination, 'utf8')).has(anchor)
      );
    });

describe('links in README.md and docs/', () => {
  it('are checked in every Markdown file', () => {
    expect(FILES).toEqual(expect.arrayContaining(['README.md', 'docs/configuration.md', 'docs/entra-id.md']));
    expect(
      FILES.flatMap((file) => proseLines(readFileSync(path.join(ROOT, file), 'utf8')).flatMap(linkTargets)).length,
    ).toBeGreaterThan(50);
  });

  it.each(FILES)('%s links to files and headings that exist', (file) => {
    expect(brokenLinks(file)).toEqual([]);
  });

  it('would notice a missing file and a missing heading', () => {
    const text = [
      '[gone](docs/none.md) [no heading](docs/configuration.md#no-such-heading)',
      '[fine](docs/configuration.md#app-roles-entra-id) [here](#links) [nowhere](#nowhere) [web](https://example.com/x#y)',
      '```md',
      '[in a code block](docs/none.md)',
      '```',
      '# Links',
    ].join('\n');
    expect(brokenLinks('README.md', text)).toEqual([
      'docs/none.md',
      'docs/configuration.md#no-such-heading',
      '#nowhere',
    ]);
    expect(slug('Enabling the plugin in `config/plugins`')).toBe('enabling-the-plugin-in-configplugins');
  });
});
