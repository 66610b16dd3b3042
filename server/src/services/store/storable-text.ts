import { ScimError } from '../../scim/errors';

/**
 * What the database columns can hold. Strapi's `string` attributes are VARCHAR(255) on PostgreSQL and
 * MySQL (SQLite has no limit), PostgreSQL refuses U+0000 in text and in JSON, and its jsonb refuses an
 * unpaired surrogate. Text outside these bounds is refused as bad input (400) before it reaches a
 * query, so every database answers alike instead of failing with a 500.
 */
export const MAX_COLUMN_CHARACTERS = 255;

// eslint-disable-next-line no-control-regex -- U+0000 is exactly what PostgreSQL refuses and this test looks for
const UNSTORABLE = /\u0000|\p{Cs}/u;

/** Characters as the databases count them (code points), not UTF-16 units. */
const characterCount = (text: string): number => {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
};

/** Whether `text` could be the value of an indexed column: no NUL, well-formed, at most 255 characters. */
export const isStorableKey = (text: string): boolean =>
  !UNSTORABLE.test(text) && characterCount(text) <= MAX_COLUMN_CHARACTERS;

/** `true` when the text holds U+0000 or an unpaired surrogate. */
export const hasUnstorableCharacter = (text: string): boolean => UNSTORABLE.test(text);

/**
 * Refuses column values longer than the column: `labels` maps each column to the SCIM attribute it comes
 * from, which the 400 names.
 */
export const assertColumnsFit = (values: Record<string, unknown>, labels: Record<string, string>): void => {
  for (const [column, attribute] of Object.entries(labels)) {
    const value = values[column];
    if (typeof value === 'string' && characterCount(value) > MAX_COLUMN_CHARACTERS) {
      throw ScimError.badRequest(
        'invalidValue',
        `Attribute '${attribute}' is longer than ${MAX_COLUMN_CHARACTERS} characters`,
      );
    }
  }
};

/** Cuts text for a VARCHAR(255) column (logs and reasons, where a shortened text is still useful). */
export const fitColumn = (text: string | null | undefined): string | null => {
  if (text === null || text === undefined) return null;
  // eslint-disable-next-line no-control-regex -- U+0000 is the character PostgreSQL refuses, removed on purpose
  const clean = text.replace(/\u0000/g, '');
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- the columns count code points, which the spread yields
  return characterCount(clean) <= MAX_COLUMN_CHARACTERS ? clean : [...clean].slice(0, MAX_COLUMN_CHARACTERS).join('');
};
