import type { CannonResult } from './load';

/** Every response of a timed run must be the expected status; a benchmark of errors is no benchmark. */
export const expectStatus = (label: string, result: CannonResult, status: number): CannonResult => {
  const other = Object.entries(result.statuses).filter(([code]) => Number(code) !== status);
  if (other.length > 0 || result.errors > 0) {
    throw new Error(
      `${label}: expected only ${status}, got ${JSON.stringify(result.statuses)}, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  return result;
};
