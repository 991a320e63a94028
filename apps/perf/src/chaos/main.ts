import { runDatabase } from './database';
import { loadChaosConfig } from './config';
import { formatReport, reportPassed } from './print-report';
import { runChaos } from './run-chaos';

async function main(): Promise<boolean> {
  const config = loadChaosConfig();
  const database = await runDatabase(config.databaseUrl);
  try {
    console.log(
      `Chaos: ${config.kills} kills over ${config.seconds} s of load from ${config.workers} clients`,
    );
    const report = await runChaos({
      databaseUrl: database.url,
      kills: config.kills,
      seconds: config.seconds,
      workers: config.workers,
      progress: (line) => console.log(line),
    });
    console.log(`\n${formatReport(report)}`);
    return reportPassed(report);
  } finally {
    await database.drop();
  }
}

process.exit((await main()) ? 0 : 1);
