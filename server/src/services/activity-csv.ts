import { stringify } from 'csv-stringify';
import { pipeline, Readable } from 'node:stream';
import type { ActivityEntryRow } from './activity';

/** The export's columns, in order, and how each is read from an entry. */
const COLUMNS: [string, (entry: ActivityEntryRow) => unknown][] = [
  ['createdAt', (entry) => new Date(entry.createdAt).toISOString()],
  ['method', (entry) => entry.method],
  ['resourceType', (entry) => entry.resourceType],
  ['resourceId', (entry) => entry.resourceId],
  ['resourceName', (entry) => entry.resourceName],
  ['operation', (entry) => entry.operation],
  ['outcome', (entry) => entry.outcome],
  ['status', (entry) => entry.status],
  ['mode', (entry) => entry.mode],
  ['count', (entry) => entry.count],
  ['changes', (entry) => (entry.changes ?? []).join(' ')],
  ['quirks', (entry) => (entry.quirks ?? []).join(' ')],
  ['hostAction', (entry) => entry.hostAction],
  ['detail', (entry) => entry.detail],
  ['actor', (entry) => entry.actor],
];

async function* cellsOf(entries: AsyncIterable<ActivityEntryRow>) {
  for await (const entry of entries) yield COLUMNS.map(([, read]) => read(entry));
}

/**
 * Entries as RFC 4180 CSV with a header row, streamed. Names and details echo client input, so a cell that a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) is prefixed with '.
 * A failure while reading destroys the stream, so a response is cut short rather than left hanging.
 */
export const activityCsv = (entries: AsyncIterable<ActivityEntryRow>): Readable =>
  pipeline(
    Readable.from(cellsOf(entries)),
    stringify({ header: true, columns: COLUMNS.map(([name]) => name), escape_formulas: true }),
    () => undefined,
  );
