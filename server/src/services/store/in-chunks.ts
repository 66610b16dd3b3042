/**
 * Runs `work` over slices of `items`, so an `$in` list or a batch of rows never outgrows a database's
 * bound-parameter limit (SQLite's is the lowest) however large a group is.
 */
export const IN_LIST_CHUNK_SIZE = 500;

export const inChunks = async <T, R>(items: readonly T[], work: (chunk: T[]) => Promise<R[]>): Promise<R[]> => {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += IN_LIST_CHUNK_SIZE) {
    results.push(...(await work(items.slice(start, start + IN_LIST_CHUNK_SIZE))));
  }
  return results;
};
