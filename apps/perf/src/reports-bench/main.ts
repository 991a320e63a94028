import { cpus, loadavg } from 'node:os';
import { createDatabase, runMigrations } from '@dispatch/db';
import postgres from 'postgres';
import { runDatabase } from '../chaos/database';
import { backendCpu } from './backend-cpu';
import { viewerCaller } from './caller';
import { loadReportsBenchConfig } from './config';
import { datasetCounts, loadYearOfHistory, overlappingDispatches } from './dataset';
import { explainReports, formatExplainedReports } from './explain';
import { TARGET_MS, formatMeasured, measureReports } from './measure';
import { writeReportsResults } from './results-file';
import { reportScenarios } from './scenarios';

/**
 * `pnpm bench:reports`: a fresh database with one year of history (100,000 work orders, 200 units,
 * 150 drivers), then each report procedure timed as a viewer would call it, and the plans of its
 * statements. Not a test: it prints, and exits non-zero only if loading fails.
 */
async function main() {
  const config = loadReportsBenchConfig();
  const database = await runDatabase(config.databaseUrl, 'dispatch_reports_bench');
  const log = (line: string) => console.log(line);
  try {
    await runMigrations(database.url);
    // One session: the loader plans the history in temp tables.
    const loader = postgres(database.url, { max: 1, onnotice: () => undefined });
    try {
      const t0 = performance.now();
      log('Loading one year of history:');
      await loadYearOfHistory(loader, log);
      log(
        `loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${JSON.stringify(await datasetCounts(loader))}`,
      );
      const overlaps = await overlappingDispatches(loader);
      if (overlaps > 0) throw new Error(`the loader double-booked ${overlaps} dispatches`);
    } finally {
      await loader.end({ timeout: 5 });
    }

    // Latency on a shared machine says little without its load; print it next to the numbers.
    const load = () =>
      loadavg()
        .map((l) => l.toFixed(1))
        .join(' ');
    log(`\n${cpus().length} cores, load average before timing: ${load()}`);
    const scenarios = reportScenarios(new Date());
    // One connection: calls are sequential, and its backend's CPU time is then the reports' own.
    const handle = createDatabase({ url: database.url, max: 1, applicationName: 'reports-bench' });
    try {
      const measured = await measureReports(
        viewerCaller(handle.db),
        scenarios,
        config.runs,
        await backendCpu(handle.sql),
      );
      const loadAfter = load();
      const explained = await explainReports(database.url, scenarios);
      log(`\n${formatExplainedReports(explained)}`);
      log(`\n${formatMeasured(measured)}`);
      log(`load average after timing: ${loadAfter}`);
      log(
        `plans: ${await writeReportsResults({ at: new Date(), cores: cpus().length, measured, explained })}`,
      );
      const missed = measured.filter((m) => m.medianMs >= TARGET_MS).map((m) => m.name);
      log(missed.length ? `\nover target: ${missed.join(', ')}` : '\nevery report within target');
    } finally {
      await handle.close();
    }
  } finally {
    await database.drop();
  }
}

await main();
process.exit(0);
