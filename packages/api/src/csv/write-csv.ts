import { Readable, pipeline } from 'node:stream';
import { stringify } from 'csv-stringify';
import { neutraliseFormula } from './formula';

/** What a cell may hold: text is neutralised, numbers stay numbers, dates become ISO 8601 UTC. */
export type TCsvCell = string | number | Date | null;

/** A CSV file to stream: its header and its rows, produced lazily (batch by batch). */
export interface TCsvTable {
  header: readonly string[];
  rows: AsyncIterable<readonly TCsvCell[]>;
}

/**
 * The options every CSV we write shares.
 * - A UTF-8 byte order mark: without it Excel reads a UTF-8 file in the local ANSI code page and
 *   "Zoë" becomes "ZoÃ«"; LibreOffice, csv-parse (`bom: true`), Python's `utf-8-sig` and pandas all
 *   skip it. Scripts reading the file with another tool should strip it.
 * - CRLF between records (RFC 4180). csv-stringify stops quoting fields that contain a line
 *   break once a record delimiter is chosen, so `quote_record_delimiter` turns it back on: a
 *   multi-line description must stay one quoted cell.
 */
export const CSV_WRITE_OPTIONS = {
  bom: true,
  record_delimiter: 'windows',
  quote_record_delimiter: true,
  cast: {
    string: (value: string) => neutraliseFormula(value),
    date: (value: Date) => value.toISOString(),
  },
} as const;

/** Streams a table as CSV text; backpressure reaches the row source, so memory stays flat. */
export function csvStream(table: TCsvTable): Readable {
  const stringifier = stringify(CSV_WRITE_OPTIONS);
  const lines = Readable.from(withHeader(table), { objectMode: true });
  // pipeline passes a failure of the row source on to the stringifier (and so to the response),
  // so a download that fails half-way is cut off rather than ending as if it were complete.
  return pipeline(lines, stringifier, () => undefined);
}

async function* withHeader(table: TCsvTable) {
  yield table.header;
  yield* table.rows;
}
