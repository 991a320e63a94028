import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TLoadResult } from './load';

export interface TRow {
  scenario: string;
  load: TLoadResult;
  /** The baseline this row is compared with (measured in the same run), if any. */
  baseline?: string;
  /** This row's req/s divided by the baseline's. */
  ratio?: number;
  target: string;
  met?: boolean;
  note?: string;
}

const num = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function formatTable(rows: TRow[]): string {
  const header = [
    'scenario',
    'req/s',
    'p50 ms',
    'p99 ms',
    'errors',
    'ratio to baseline',
    'target',
    'met',
  ];
  const body = rows.map((r) => [
    r.scenario,
    num(r.load.rps),
    num(r.load.p50, 1),
    num(r.load.p99, 1),
    String(r.load.errors),
    r.ratio === undefined
      ? '-'
      : `${r.ratio < 0.1 ? r.ratio.toPrecision(2) : r.ratio.toFixed(2)} (${r.baseline})`,
    r.target,
    r.met === undefined ? '-' : r.met ? 'yes' : 'no',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i >= 5 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** Writes the run's JSON to <repo>/bench-results/<timestamp>.json and returns the path. */
export async function writeResults(data: unknown): Promise<string> {
  const dir = join(import.meta.dirname, '..', '..', '..', '..', 'bench-results');
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${new Date().toISOString().replaceAll(':', '-')}.json`);
  await writeFile(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}
