import type { Core } from '@strapi/strapi';

/**
 * Columns compared exactly: the caseExact SCIM attributes (RFC 7643 §2.2: `id`, `externalId`) and the
 * lower-cased `*_key` copies, whose case folding the plugin does itself (so "José" and "Jose" stay distinct).
 */
const CASE_EXACT_COLUMNS = [
  ...['scim_id', 'external_id', 'user_name_key', 'display_name_key', 'given_name_key', 'family_name_key'].map(
    (column) => ({ table: 'scim_users', column }),
  ),
  ...['scim_id', 'external_id', 'display_name_key'].map((column) => ({ table: 'scim_groups', column })),
  { table: 'scim_attribute_index', column: 'value_key' },
];

/**
 * MySQL and MariaDB compare strings with the column's collation, which Strapi leaves case-insensitive
 * and accent-insensitive (`*_ci`), so `externalId eq "ABC"` would also find "abc". Strapi's schema sync does not compare
 * collations, so switching these columns to a binary collation once at start-up sticks; it is checked on
 * every start in case a schema change rebuilt a column. Other databases compare case-sensitively already.
 */
export const ensureCaseExactCollation = async (strapi: Core.Strapi): Promise<void> => {
  if (strapi.db.dialect.client !== 'mysql') return;
  const knex = strapi.db.connection;
  for (const { table, column } of CASE_EXACT_COLUMNS) {
    // mysql2 answers a raw query with [rows, fields]; CHARACTER_MAXIMUM_LENGTH may come back as a string.
    const [rows] = (await knex.raw(
      'SELECT COLLATION_NAME AS collation, CHARACTER_MAXIMUM_LENGTH AS length FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = ?',
      [table, column],
    )) as [{ collation: string | null; length: number | string | null }[]];
    const info = rows.at(0);
    if (!info || info.collation === 'utf8mb4_bin') continue;
    await knex.raw(
      `ALTER TABLE ?? MODIFY ?? VARCHAR(${Number(info.length) || 255}) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL`,
      [table, column],
    );
    strapi.log.info(`[scim] ${table}.${column} now compares case-sensitively (utf8mb4_bin)`);
  }
};
