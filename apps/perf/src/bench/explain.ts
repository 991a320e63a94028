import type postgres from 'postgres';
import { SUMMARY_QUERIES } from './summary-queries';

export interface TExplained {
  name: string;
  executionMs: number;
  /** The plan lines with the highest actual time (inclusive of their children), slowest first. */
  slowest: string[];
  plan: string[];
}

const actualTime = (line: string) => Number(/actual time=[\d.]+\.\.([\d.]+)/.exec(line)?.[1] ?? -1);

/** EXPLAIN (ANALYZE, BUFFERS) of every dashboard.summary statement, after one warm-up execution. */
export async function explainSummary(sql: postgres.Sql): Promise<TExplained[]> {
  const explained: TExplained[] = [];
  for (const query of SUMMARY_QUERIES) {
    const params = (query.params ?? []) as postgres.ParameterOrJSON<never>[];
    await sql.unsafe(query.sql, params);
    const rows = await sql.unsafe<{ 'QUERY PLAN': string }[]>(
      `explain (analyze, buffers) ${query.sql}`,
      params,
    );
    const plan = rows.map((r) => r['QUERY PLAN']);
    const execution = plan.find((l) => l.startsWith('Execution Time'));
    const slowest = plan
      .filter((l) => actualTime(l) >= 0)
      .sort((a, b) => actualTime(b) - actualTime(a))
      .slice(0, 3)
      .map((l) => l.trim());
    explained.push({
      name: query.name,
      executionMs: Number(/([\d.]+) ms/.exec(execution ?? '')?.[1] ?? NaN),
      slowest,
      plan,
    });
  }
  return explained.sort((a, b) => b.executionMs - a.executionMs);
}

export function formatExplained(explained: TExplained[]): string {
  const lines = ['dashboard.summary statements, EXPLAIN ANALYZE (slowest first):'];
  for (const e of explained) {
    lines.push(`  ${e.executionMs.toFixed(3).padStart(8)} ms  ${e.name}`);
    for (const l of e.slowest.slice(0, 2)) lines.push(`               ${l.slice(0, 140)}`);
  }
  return lines.join('\n');
}
