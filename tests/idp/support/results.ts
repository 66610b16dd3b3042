import path from 'node:path';
import type { ClientId } from './fixture';

export const RESULTS_DIR = path.resolve(__dirname, '..', 'results');
export const DATABASES = ['sqlite', 'postgres', 'mysql'] as const;
export type DatabaseId = (typeof DATABASES)[number];

/** One replayed fixture step, as tests/idp/replay-fixtures.test.ts records it. */
export interface StepResult {
  client: ClientId;
  file: string;
  step: number;
  feature: string;
  name: string;
  passed: boolean;
  problems: string[];
}

export const fixtureResultsFile = (database: string): string => path.join(RESULTS_DIR, `fixtures-${database}.json`);
export const collectionResultsFile = (database: string): string =>
  path.join(RESULTS_DIR, `microsoft-collection-${database}.json`);
