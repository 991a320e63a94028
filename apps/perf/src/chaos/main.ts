import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDatabase } from '@dispatch/db';
import { startEmbeddedPostgres } from '@dispatch/db/embedded';
import postgres from 'postgres';
import { loadChaosConfig } from './config';
import { formatReport, reportPassed } from './print-report';
import { runChaos } from './run-chaos';

/** A fresh database for the run: on CHAOS_DATABASE_URL's server, or on a throwaway embedded one. */
async function chaosDatabase(serverUrl: string | undefined) {
  let stopServer: (() => Promise<void>) | undefined;
  let tempDir: string | undefined;
  let adminUrl = serverUrl;
  if (!adminUrl) {
    tempDir = await mkdtemp(join(tmpdir(), 'dispatch-chaos-pg-'));
    // As root the server runs as the `postgres` user, which must be able to reach its data dir.
    await chmod(tempDir, 0o755);
    const server = await startEmbeddedPostgres({
      dataDir: join(tempDir, 'data'),
      persistent: false,
    });
    stopServer = server.stop;
    adminUrl = server.url;
  }
  const name = `dispatch_chaos_${randomBytes(5).toString('hex')}`;
  const url = await ensureDatabase(adminUrl, name);
  const admin = adminUrl;
  return {
    url,
    drop: async () => {
      const sql = postgres(admin, { max: 1, onnotice: () => undefined });
      try {
        await sql.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await sql.end({ timeout: 5 });
      }
      await stopServer?.();
      if (tempDir) await rm(tempDir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<boolean> {
  const config = loadChaosConfig();
  const database = await chaosDatabase(config.databaseUrl);
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
