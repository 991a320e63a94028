import { type Database, schema } from '@dispatch/db';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { viewerCaller } from './caller';
import type { TReportScenario } from './scenarios';

/** The fields of a node of `EXPLAIN (FORMAT JSON)` this file reads. */
interface TPlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'CTE Name'?: string;
  'Actual Total Time': number;
  'Actual Loops': number;
  'Sort Method'?: string;
  'Sort Space Type'?: string;
  Plans?: TPlanNode[];
}

export interface TExplainedReport {
  name: string;
  executionMs: number;
  /** The plan nodes that spent the most time themselves (children excluded), slowest first. */
  busiest: string[];
  /** Sorts or hashes that did not fit in work_mem and went to disk. */
  spills: string[];
  plan: unknown;
}

function label(node: TPlanNode): string {
  const on = node['Relation Name'] ?? node['CTE Name'] ?? node['Index Name'];
  return on ? `${node['Node Type']} on ${on}` : node['Node Type'];
}

function walk(node: TPlanNode, visit: (node: TPlanNode, selfMs: number) => void) {
  const total = (n: TPlanNode) => n['Actual Total Time'] * n['Actual Loops'];
  const children = node.Plans ?? [];
  visit(node, Math.max(0, total(node) - children.reduce((sum, c) => sum + total(c), 0)));
  for (const child of children) walk(child, visit);
}

/**
 * EXPLAIN (ANALYZE, FORMAT JSON) of exactly the statements each report procedure runs: the router
 * is called once on a drizzle instance whose logger keeps the SQL and parameters it sends. Node
 * timing inflates the totals (two clock reads per row); the split between nodes is what it is for.
 */
export async function explainReports(
  url: string,
  scenarios: TReportScenario[],
): Promise<TExplainedReport[]> {
  const client = postgres(url, { max: 1, onnotice: () => undefined });
  const captured: { sql: string; params: unknown[] }[] = [];
  const db = drizzle(client, {
    schema,
    logger: { logQuery: (sql, params) => captured.push({ sql, params }) },
  });
  // The logging instance has no prepared-statement wrapper; the statements are the same.
  const caller = viewerCaller(db as unknown as Database);
  const explained: TExplainedReport[] = [];
  try {
    for (const scenario of scenarios) {
      captured.length = 0;
      await scenario.run(caller);
      // The report statements, not the `set local` that precedes them.
      for (const statement of captured.filter((c) => /^\s*(with|select)\b/i.test(c.sql))) {
        const [row] = await client.unsafe<
          { 'QUERY PLAN': [{ Plan: TPlanNode; 'Execution Time': number }] }[]
        >(
          `explain (analyze, buffers, format json) ${statement.sql}`,
          statement.params as postgres.ParameterOrJSON<never>[],
        );
        const result = row?.['QUERY PLAN'][0];
        if (!result) throw new Error(`no plan for ${scenario.name}`);
        const nodes: { text: string; selfMs: number }[] = [];
        const spills: string[] = [];
        walk(result.Plan, (node, selfMs) => {
          nodes.push({ text: label(node), selfMs });
          if (node['Sort Space Type'] === 'Disk')
            spills.push(`${label(node)} (${node['Sort Method']})`);
        });
        explained.push({
          name: scenario.name,
          executionMs: result['Execution Time'],
          busiest: nodes
            .sort((a, b) => b.selfMs - a.selfMs)
            .slice(0, 4)
            .map((n) => `${n.selfMs.toFixed(0)} ms ${n.text}`),
          spills,
          plan: result.Plan,
        });
      }
    }
  } finally {
    await client.end({ timeout: 5 });
  }
  return explained;
}

export function formatExplainedReports(explained: TExplainedReport[]): string {
  const lines = ['Report statements, EXPLAIN ANALYZE (node timing on; busiest nodes by own time):'];
  for (const e of explained) {
    lines.push(`  ${e.executionMs.toFixed(1).padStart(7)} ms  ${e.name}`);
    lines.push(`              ${e.busiest.join(' | ')}`);
    if (e.spills.length) lines.push(`              to disk: ${e.spills.join(', ')}`);
  }
  return lines.join('\n');
}
