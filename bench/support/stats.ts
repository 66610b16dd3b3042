/** Percentiles and medians over exact (sub-millisecond) samples; autocannon's own histogram rounds to 1 ms. */
export { median } from './measure';

/** Nearest-rank percentile (0-100) of unsorted samples. */
export const percentile = (samples: readonly number[], p: number): number => {
  if (samples.length === 0) return Number.NaN;
  const sorted = Float64Array.from(samples).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
};

export const round = (value: number, digits = 2): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

export const mib = (bytes: number): number => round(bytes / 1024 ** 2, 1);
