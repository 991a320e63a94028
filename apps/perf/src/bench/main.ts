import { cpus } from 'node:os';
import { runDatabase } from '../chaos/database';
import { loadBenchConfig } from './config';
import { formatExplained } from './explain';
import { formatTable, writeResults } from './report';
import { runBench } from './run-bench';

async function main() {
  const config = loadBenchConfig();
  const database = await runDatabase(config.databaseUrl, 'dispatch_bench');
  try {
    console.log(
      `Bench: ${config.seconds} s per scenario, mixed ${config.mixedSeconds} s, ${cpus().length} cores`,
    );
    const result = await runBench({
      databaseUrl: database.url,
      seconds: config.seconds,
      mixedSeconds: config.mixedSeconds,
      only: config.only,
      cpuProfileDir: config.cpuProfileDir,
      progress: (line) => console.log(line),
    });
    console.log(`\n${formatExplained(result.explained)}`);
    console.log(`\n${formatTable(result.rows)}`);
    for (const row of result.rows.filter((r) => r.note))
      console.log(`note: ${row.scenario}: ${row.note}`);
    console.log(`server peak RSS (VmHWM), whole run: ${result.peakRssMb.toFixed(0)} MB`);
    if (result.mixedPeakRssMb !== null) {
      console.log(`server peak RSS (VmHWM), mixed run: ${result.mixedPeakRssMb.toFixed(0)} MB`);
    }
    const file = await writeResults({
      at: new Date().toISOString(),
      cores: cpus().length,
      node: process.version,
      ...result,
      explained: result.explained.map(({ name, executionMs, plan }) => ({
        name,
        executionMs,
        plan,
      })),
    });
    console.log(`results: ${file}`);
  } finally {
    await database.drop();
  }
}

await main();
process.exit(0);
