import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createIntl } from 'react-intl';
import de from '../../admin/src/translations/de.json';
import en from '../../admin/src/translations/en.json';
import fr from '../../admin/src/translations/fr.json';

const ADMIN_SRC = join(__dirname, '../../admin/src');
const locales: Record<string, Record<string, string>> = { en, fr, de };

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );

/** Ids passed to getTranslation(...) or to the pages' t(...)/title(...)/header(...) helpers. */
const idsUsedInSource = () => {
  const ids = new Set<string>();
  for (const file of sourceFiles(ADMIN_SRC)) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/(?:getTranslation|\bt|\btitle|\bheader)\(\s*'([a-zA-Z.]+)'/g))
      ids.add(match[1]);
  }
  return ids;
};

/** The Activity page's arguments: an entry's status, method, operation and client address, and its pagination. */
const ACTIVITY_VALUES = {
  status: 201,
  method: 'POST',
  operation: 'create',
  page: 1,
  pageCount: 2,
  total: 25,
  client: '198.51.100.7',
};

const tagsAndArguments = (message: string) =>
  [...message.matchAll(/<\/?(\w+)>|\{(\w+)/g)]
    .map(([, tag, argument]: (string | undefined)[]) => tag ?? argument)
    .sort();

describe('translations', () => {
  it('has an English message for every id the admin uses', () => {
    const missing = [...idsUsedInSource()].filter((id) => !(id in en));
    expect(missing).toEqual([]);
  });

  it.each(['fr', 'de'])('%s has exactly the English keys, with the same tags and arguments', (locale) => {
    const messages = locales[locale];
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    for (const [key, english] of Object.entries(en as Record<string, string>)) {
      expect([key, tagsAndArguments(messages[key])]).toEqual([key, tagsAndArguments(english)]);
    }
  });

  it.each(Object.keys(locales))('%s messages all format without error', (locale) => {
    const errors: unknown[] = [];
    const intl = createIntl({ locale, messages: locales[locale], onError: (error) => errors.push(error) });
    const chunk = (chunks: unknown[]) => chunks.join('');
    for (const id of Object.keys(locales[locale])) {
      intl.formatMessage(
        { id },
        {
          b: chunk,
          code: chunk,
          generalPage: chunk,
          activityPage: chunk,
          guidePage: chunk,
          count: 3,
          users: 5,
          groups: 2,
          name: 'x',
          value: 'v',
          group: 'g',
          role: 'r',
          id: 4,
          permission: 'p',
          days: 3,
          hours: 24,
          lastUsed: 'Mar 1, 2025',
          host: 'localhost',
          detail: 'ENOTFOUND',
          processed: 100,
          applied: 99,
          notApplied: 1,
          provider: 'nodemailer',
          shown: 50,
          user: 'u',
          email: 'e@example.com',
          ...ACTIVITY_VALUES,
        },
      );
    }
    expect(errors).toEqual([]);
  });
});
