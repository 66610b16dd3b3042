/** What every section gets and returns. */
import type { BenchApp } from './bench-app';
import type { LoadClient } from './load';
import type { ProfileSummary } from './profile';

export interface SectionContext {
  bench: BenchApp;
  client: LoadClient;
  /** 1 = the full sizes of the issue; smaller for a quick run. */
  scale: number;
  /** Take CPU profiles of the key windows (slower; never during a timed run). */
  profile: boolean;
  /** Path part of the endpoint, e.g. /api/scim/v2/<endpointId>. */
  endpointPath: string;
  log: (message: string) => void;
}

export interface Target {
  name: string;
  /** What was measured, as shown in the table. */
  value: number;
  unit: string;
  /** The bound, e.g. "<= 1.3". */
  bound: string;
  met: boolean;
  note?: string;
}

export interface SectionResult {
  section: string;
  title: string;
  /** Human-readable figures for the Markdown table (label -> value). */
  figures: { label: string; value: string }[];
  targets: Target[];
  /** Everything measured, for the JSON. */
  data: Record<string, unknown>;
  /** Extra Markdown (plans, profiles, method notes). */
  notes: string[];
  profiles?: ProfileSummary[];
  seconds?: number;
  /** os.loadavg() when the section ended (1, 5, 15 minutes). */
  loadAverage?: number[];
}

export const scaled = (value: number, scale: number, minimum = 1): number =>
  Math.max(minimum, Math.round(value * scale));

export const target = (
  name: string,
  value: number,
  unit: string,
  op: '<=' | '>=',
  bound: number,
  note?: string,
): Target => ({
  name,
  value,
  unit,
  bound: `${op} ${bound}`,
  met: op === '<=' ? value <= bound : value >= bound,
  ...(note ? { note } : {}),
});
