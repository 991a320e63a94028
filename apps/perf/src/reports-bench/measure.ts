import type { TCaller } from './caller';
import type { TReportScenario } from './scenarios';

export const TARGET_MS = 500;

export interface TMeasured {
  name: string;
  runs: number;
  rows: number;
  medianMs: number;
  maxMs: number;
  /** The database backend's CPU time per run, when it can be read (see backend-cpu.ts). */
  serverCpuMs: number | null;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/** One warm-up call, then `runs` sequential timed calls of each report. */
export async function measureReports(
  caller: TCaller,
  scenarios: TReportScenario[],
  runs: number,
  serverCpu: () => Promise<number | null>,
): Promise<TMeasured[]> {
  const measured: TMeasured[] = [];
  for (const scenario of scenarios) {
    const rows = await scenario.run(caller);
    const times: number[] = [];
    const cpuBefore = await serverCpu();
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await scenario.run(caller);
      times.push(performance.now() - t0);
    }
    const cpuAfter = await serverCpu();
    measured.push({
      name: scenario.name,
      runs,
      rows,
      medianMs: median(times),
      maxMs: Math.max(...times),
      serverCpuMs: cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / runs,
    });
  }
  return measured;
}

/** The table; "met" compares the median with the target (the maximum is shown beside it). */
export function formatMeasured(measured: TMeasured[]): string {
  const header = [
    'report (procedure, as a viewer)',
    'runs',
    'rows',
    'median ms',
    'max ms',
    'server CPU ms/run',
    `median < ${TARGET_MS} ms`,
  ];
  const body = measured.map((m) => [
    m.name,
    String(m.runs),
    String(m.rows),
    m.medianMs.toFixed(1),
    m.maxMs.toFixed(1),
    m.serverCpuMs === null ? '-' : m.serverCpuMs.toFixed(0),
    m.medianMs < TARGET_MS ? 'yes' : 'no',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i === 6 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
