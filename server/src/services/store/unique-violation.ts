/**
 * Whether a database error is a unique-index violation, on SQLite, PostgreSQL or MySQL/MariaDB. The unique
 * indexes are the last line against concurrent creates that both passed the existence check.
 */
export const isUniqueViolation = (error: unknown): boolean => {
  for (
    let current = error as { code?: unknown; errno?: unknown; cause?: unknown } | undefined, depth = 0;
    current && depth < 5;
    depth++
  ) {
    const { code, errno } = current;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505' || code === 'ER_DUP_ENTRY' || errno === 1062)
      return true;
    current = current.cause as typeof current;
  }
  return false;
};
