import { readFileSync } from 'fs';
import { join } from 'path';
import { QUIRKS, QuirkLog, findQuirk, isQuirkId } from '../../../server/src/scim/quirks';

const doc = readFileSync(join(__dirname, '../../../docs/idp-quirks.md'), 'utf8');

describe('quirk catalogue', () => {
  it('lists every quirk the core was asked to tolerate', () => {
    const ids = QUIRKS.map((quirk) => quirk.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'attribute-name-any-case',
        'boolean-as-string',
        'single-element-array-for-scalar',
        'manager-as-bare-id',
        'manager-empty-string-clears',
        'entra-legacy-group-schema',
        'client-id-and-meta-ignored',
        'patch-op-any-case',
        'dotted-attribute-key',
        'patch-remove-members-by-value-array',
        'patch-remove-members-filter-path',
        'patch-filtered-add-creates-element',
        'patch-missing-op-is-replace',
        'patch-empty-operations-noop',
        'okta-deactivate-pathless-replace',
        'group-member-type-missing',
        'bearer-prefix-missing',
        'filter-string-boolean',
      ]),
    );
  });

  it('has unique kebab-case ids and a name, a source with a URL and a one-line description for each', () => {
    const ids = QUIRKS.map((quirk) => quirk.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const quirk of QUIRKS) {
      expect(quirk.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(quirk.name.length).toBeGreaterThan(0);
      expect(quirk.source.label.length).toBeGreaterThan(0);
      expect(quirk.source.url).toMatch(
        /^https:\/\/(www\.rfc-editor\.org|learn\.microsoft\.com|developer\.okta\.com|help\.okta\.com|github\.com)\//,
      );
      expect(quirk.description).not.toMatch(/\n/);
    }
  });

  it.each(QUIRKS.map((quirk) => [quirk.id] as const))('%s is documented in docs/idp-quirks.md', (id) => {
    expect(doc).toContain(`\`${id}\``);
  });

  it('documents no id that is not in the catalogue', () => {
    const documented = [...doc.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((match) => match[1]);
    expect(documented.sort()).toEqual(QUIRKS.map((quirk) => quirk.id).sort());
  });

  it('finds quirks by id', () => {
    expect(findQuirk('patch-op-any-case')?.name).toBe('PATCH op names in any case');
    expect(findQuirk('nope')).toBeUndefined();
    expect(isQuirkId('bearer-prefix-missing')).toBe(true);
    expect(isQuirkId('nope')).toBe(false);
  });
});

describe('QuirkLog', () => {
  it('lists each fired quirk once, in first-fired order', () => {
    const log = new QuirkLog();
    expect(log.list()).toEqual([]);
    log.fire('patch-op-any-case');
    log.fire('boolean-as-string');
    log.fire('patch-op-any-case');
    expect(log.list()).toEqual(['patch-op-any-case', 'boolean-as-string']);
    expect(log.has('boolean-as-string')).toBe(true);
    expect(log.has('bearer-prefix-missing')).toBe(false);
  });

  it('hands out a copy', () => {
    const log = new QuirkLog();
    log.fire('patch-op-any-case');
    log.list().push('boolean-as-string');
    expect(log.list()).toEqual(['patch-op-any-case']);
  });
});
