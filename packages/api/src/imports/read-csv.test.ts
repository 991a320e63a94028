import { describe, expect, it } from 'vitest';
import { readCsv } from './read-csv';

const COLUMNS = { required: ['code', 'name', 'type'], optional: ['status'] } as const;
const read = (text: string, maxRows = 100) => readCsv(text, COLUMNS, maxRows);
const lines = (text: string) => read(text).map((r) => r.line);

describe('reading an import file', () => {
  it('gives each row the physical line it starts on, past multi-line cells and blank lines', () => {
    const text = [
      'code,name,type',
      'A,"first',
      'second',
      'third",t',
      '',
      'B,b,t',
      ',,',
      'C,"x',
      'y",t',
      'D,d,t',
    ].join('\n');
    expect(lines(text)).toEqual([2, 6, 8, 10]);
    // The same file as Windows writes it, with a BOM, CRLF, and no line break at the end.
    expect(lines(`\uFEFF${text.replaceAll('\n', '\r\n')}`)).toEqual([2, 6, 8, 10]);
    expect(read(text)[0]?.cells).toEqual({ code: 'A', name: 'first\nsecond\nthird', type: 't' });
  });

  it('matches columns by name, in any order and case, and trims cells', () => {
    expect(read('Type , CODE,name,status\n crane , t-1 ,Tipper,\n')).toEqual([
      { line: 2, cells: { type: 'crane', code: 't-1', name: 'Tipper', status: '' }, problem: null },
    ]);
  });

  it('reads semicolon- and tab-separated files a spreadsheet saved', () => {
    expect(read('code;name;type\nT-1;"a;b";crane')[0]?.cells).toEqual({
      code: 'T-1',
      name: 'a;b',
      type: 'crane',
    });
    expect(read('code\tname\ttype\nT-1\tTipper\tcrane')[0]?.cells.name).toBe('Tipper');
  });

  it('removes the mark the export puts in front of formula-like text', () => {
    expect(read("code,name,type\nT-1,'=SUM(A1),''@x")[0]?.cells).toMatchObject({
      name: '=SUM(A1)',
      type: "'@x",
    });
  });

  it('reports a row with the wrong number of values on that row', () => {
    const rows = read('code,name,type\nT-1,Tipper\nT-2,Crane,crane,,\nT-3,a,b,c,d\n');
    expect(rows.map((r) => [r.line, r.problem])).toEqual([
      [2, 'Expected 3 values (code,name,type) but found 2.'],
      // Empty trailing cells are what spreadsheets add; they carry nothing.
      [3, null],
      [4, 'Expected 3 values (code,name,type) but found 5.'],
    ]);
  });

  it('refuses a header with unknown, missing or repeated columns in one message', () => {
    expect(() => read('code,name,notes,code\n')).toThrow(
      'The header line (line 1) does not match: unknown column "notes"; missing column "type"; repeated column "code". Expected the columns code,name,type (optional: status), in any order.',
    );
    expect(() => read('')).toThrow(
      'The file is empty. Its first line must name the columns: code,name,type,status.',
    );
  });

  it('refuses a file that is not CSV, or has too many rows', () => {
    expect(() => read('code,name,type\nT-1,"never closed,crane\n')).toThrow(
      /^The file is not valid CSV: Quote Not Closed/,
    );
    const many = ['code,name,type', ...Array.from({ length: 4 }, (_, i) => `T-${i},n,t`)];
    expect(read(many.slice(0, 4).join('\n'), 3)).toHaveLength(3);
    // Rows of empty cells do not count towards the limit, and do not shift line numbers.
    const padded = ['code,name,type', 'A,a,t', ',,', ' , , ', 'B,b,t', 'C,c,t', ',,'];
    expect(read(padded.join('\n'), 3).map((r) => r.line)).toEqual([2, 5, 6]);
    expect(() => read(many.join('\n'), 3)).toThrow(
      'The file has more than 3 rows; split it into files of at most 3 rows.',
    );
  });
});
