import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvStream, type TCsvCell } from './write-csv';

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as string));
  return Buffer.concat(chunks).toString('utf8');
}

async function* from(rows: TCsvCell[][]) {
  for (const row of rows) yield row;
}

const BOM = '\uFEFF';

describe('CSV writing', () => {
  it('quotes commas, quotes and line breaks, and keeps unicode (UTF-8 with a BOM)', async () => {
    const rows = [
      ['a,b', 'say "hi"', 'line 1\nline 2', 'crlf\r\ninside', 'Zoë Müller', '漢字 🚚'],
      ['plain', '', null, 'x', 'y', 'z'],
    ];
    const out = await text(
      csvStream({ header: ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'], rows: from(rows) }),
    );
    expect(out.startsWith(BOM)).toBe(true);
    expect(out).toBe(
      `${BOM}c1,c2,c3,c4,c5,c6\r\n` +
        `"a,b","say ""hi""","line 1\nline 2","crlf\r\ninside",Zoë Müller,漢字 🚚\r\n` +
        `plain,,,x,y,z\r\n`,
    );
    // A standard reader gets back exactly what was written.
    expect(parse(out, { bom: true })).toEqual([
      ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'],
      ['a,b', 'say "hi"', 'line 1\nline 2', 'crlf\r\ninside', 'Zoë Müller', '漢字 🚚'],
      ['plain', '', '', 'x', 'y', 'z'],
    ]);
  });

  it('neutralises formula text but writes numbers and dates as data', async () => {
    const rows = [
      ['=1+1', '+1', '-1', '@cmd', '\t=1', '\r=1', -33.8688, 0, new Date('2026-11-25T08:30:00Z')],
    ];
    const out = await text(
      csvStream({ header: Array.from({ length: 9 }, (_, i) => `h${i}`), rows: from(rows) }),
    );
    const [, record] = parse(out, { bom: true }) as string[][];
    expect(record).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@cmd",
      "'\t=1",
      "'\r=1",
      '-33.8688',
      '0',
      '2026-11-25T08:30:00.000Z',
    ]);
  });

  it('pulls rows only as the reader consumes them', async () => {
    let produced = 0;
    async function* many() {
      for (let i = 0; i < 100_000; i++) {
        produced++;
        yield [i, `row ${i}`];
      }
    }
    const stream = csvStream({ header: ['n', 'text'], rows: many() });
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Nobody reads yet: only the streams' buffers are filled, not the whole source.
    expect(produced).toBeLessThan(2000);
    const out = await text(stream);
    expect(produced).toBe(100_000);
    expect(out.split('\r\n')).toHaveLength(100_002);
  });

  it('fails the stream when the row source fails, rather than ending it as if complete', async () => {
    async function* broken() {
      yield ['ok'];
      throw new Error('database went away');
    }
    await expect(text(csvStream({ header: ['h'], rows: broken() }))).rejects.toThrow(
      'database went away',
    );
  });
});
