import { COUNT_LABELS, type TConsistencyCounts } from './consistency-report';

export interface TChaosReport {
  counts: TConsistencyCounts;
  details: Record<string, number>;
  kills: number;
  serverStarts: number;
  unexpectedExits: number;
  backendsTerminated: number;
  requests: number;
  acknowledged: number;
  refused: number;
  retries: number;
  /** Retryable writes still without an answer at the end (the checks cannot judge them). */
  unresolved: number;
  /** Releases that got no answer (not idempotent, so never sent again). */
  unansweredReleases: number;
  seconds: number;
}

/** Zero on every consistency count, and every retryable write answered. */
export function reportPassed(report: TChaosReport): boolean {
  return Object.values(report.counts).every((n) => n === 0) && report.unresolved === 0;
}

/** The table `pnpm chaos` prints. */
export function formatReport(report: TChaosReport): string {
  const rows: [string, string][] = [
    ['server kills (SIGKILL)', String(report.kills)],
    ['server starts', String(report.serverStarts)],
    ['unexpected server exits', String(report.unexpectedExits)],
    ['PostgreSQL backends terminated', String(report.backendsTerminated)],
    ['write requests', String(report.requests)],
    ['  acknowledged (2xx)', String(report.acknowledged)],
    ['  refused (4xx, e.g. unit taken)', String(report.refused)],
    ['  re-sent with the same key', String(report.retries)],
    ['  still unanswered (must be 0)', String(report.unresolved)],
    ['  releases left unanswered', String(report.unansweredReleases)],
    ['load seconds', String(report.seconds)],
  ];
  const checks = (Object.keys(COUNT_LABELS) as (keyof TConsistencyCounts)[]).map(
    (key) => [COUNT_LABELS[key], String(report.counts[key])] as [string, string],
  );
  const width = Math.max(...[...rows, ...checks].map(([label]) => label.length));
  const line = (label: string, value: string, mark = '') =>
    `| ${label.padEnd(width)} | ${value.padStart(7)} |${mark}`;
  const rule = `+${'-'.repeat(width + 2)}+${'-'.repeat(9)}+`;
  const failing = Object.entries(report.details).filter(([, n]) => n > 0);
  return [
    rule,
    ...rows.map(([label, value]) => line(label, value)),
    rule,
    ...checks.map(([label, value]) => line(label, value, value === '0' ? ' ok' : ' FAIL')),
    rule,
    ...(failing.length > 0
      ? ['Failing checks:', ...failing.map(([name, n]) => `  ${n}  ${name}`)]
      : []),
    reportPassed(report) ? 'CHAOS PASSED: all counts are 0' : 'CHAOS FAILED',
  ].join('\n');
}
