import { DomainError } from '@dispatch/domain';
import { CsvError, parse } from 'csv-parse/sync';
import { restoreFormulaText } from '../csv/formula';

export interface TImportColumns {
  required: readonly string[];
  optional: readonly string[];
}

/** One data row: where it starts in the file, its cells by column, or why it cannot be read. */
export interface TCsvRecord {
  line: number;
  cells: Record<string, string>;
  problem: string | null;
}

interface TParsed {
  info: { lines: number };
  raw: string;
  record: string[];
}

const fail = (message: string) => new DomainError('INVALID_INPUT', message);

/**
 * Reads an import file: header checked against the expected columns, each data row with the
 * physical line it starts on (a quoted cell may span lines, so record numbers would be wrong), its
 * cells trimmed and with the export's formula marks removed. Problems with the file as a whole (not
 * CSV, wrong header, too many rows) throw INVALID_INPUT; a row with the wrong number of cells is
 * reported on that row.
 */
export function readCsv(text: string, columns: TImportColumns, maxRows: number): TCsvRecord[] {
  // csv-parse 7 counts a CRLF inside a quoted cell as two lines; with LF only, its count is exact.
  const normalised = text.replace(/\r\n?/g, '\n');
  const rows = parseRows(normalised, maxRows);
  const [headerRow, ...dataRows] = rows;
  const expected = [...columns.required, ...columns.optional];
  if (!headerRow) {
    throw fail(`The file is empty. Its first line must name the columns: ${expected.join(',')}.`);
  }
  const header = headerRow.record.map((name) => name.trim().toLowerCase());
  // Spreadsheets often save empty trailing columns ("code,name,type,,"); they carry nothing.
  while (header.at(-1) === '') header.pop();
  checkHeader(header, columns);
  if (dataRows.length > maxRows) {
    throw fail(
      `The file has more than ${maxRows.toLocaleString('en')} rows; split it into files of at most ${maxRows.toLocaleString('en')} rows.`,
    );
  }
  return dataRows.map((row) => toRecord(row, header));
}

function parseRows(text: string, maxRows: number): TParsed[] {
  const firstLine = text.split('\n', 1)[0] ?? '';
  try {
    return parse(text, {
      bom: true,
      info: true,
      raw: true,
      delimiter: delimiterOf(firstLine),
      skip_empty_lines: true,
      // Rows of empty cells (",,,") are what spreadsheets leave below the data; not rows.
      skip_records_with_empty_values: true,
      relax_column_count: true,
      // The header, the limit, and one more row to notice that the file is over it.
      to: maxRows + 2,
    }) as unknown as TParsed[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw fail(`The file is not valid CSV: ${error.message}`);
  }
}

/** Comma, or the semicolon or tab a spreadsheet in another locale saves with, read off the header. */
function delimiterOf(headerLine: string): string {
  if (headerLine.includes(',')) return ',';
  if (headerLine.includes(';')) return ';';
  if (headerLine.includes('\t')) return '\t';
  return ',';
}

function checkHeader(header: string[], columns: TImportColumns) {
  const known = new Set([...columns.required, ...columns.optional]);
  const problems: string[] = [];
  const unknown = header.filter((name) => !known.has(name));
  const missing = columns.required.filter((name) => !header.includes(name));
  const repeated = header.filter((name, i) => header.indexOf(name) !== i);
  if (unknown.length) problems.push(`unknown ${plural('column', unknown)} ${quoted(unknown)}`);
  if (missing.length) problems.push(`missing ${plural('column', missing)} ${quoted(missing)}`);
  if (repeated.length) problems.push(`repeated ${plural('column', repeated)} ${quoted(repeated)}`);
  if (problems.length === 0) return;
  const optional = columns.optional.length ? ` (optional: ${columns.optional.join(',')})` : '';
  throw fail(
    `The header line (line 1) does not match: ${problems.join('; ')}. Expected the columns ${columns.required.join(',')}${optional}, in any order.`,
  );
}

function toRecord(row: TParsed, header: string[]): TCsvRecord {
  // `info.lines` is the line the record ends on; step back over the line breaks inside it. Its raw
  // text also carries the empty lines skipped before it and the break that ends it.
  const own = row.raw.replace(/^\n+/, '').replace(/\n$/, '');
  const line = row.info.lines - (own.match(/\n/g)?.length ?? 0);
  const cells: Record<string, string> = {};
  header.forEach((name, i) => {
    cells[name] = restoreFormulaText((row.record[i] ?? '').trim());
  });
  const extra = row.record.slice(header.length);
  const problem =
    row.record.length < header.length || extra.some((cell) => cell.trim() !== '')
      ? `Expected ${header.length} values (${header.join(',')}) but found ${row.record.length}.`
      : null;
  return { line, cells, problem };
}

const plural = (word: string, items: unknown[]) => (items.length === 1 ? word : `${word}s`);
const quoted = (items: string[]) => items.map((item) => `"${item}"`).join(', ');
