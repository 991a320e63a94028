import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDatabase } from '@dispatch/db';
import { startEmbeddedPostgres } from '@dispatch/db/embedded';
import postgres from 'postgres';

export interface TRunDatabase {
  url: string;
  drop: () => Promise<void>;
}

/**
 * A fresh database for a run: on `serverUrl`'s server (a superuser URL), or on a throwaway embedded
 * one in a temporary directory. `drop` removes the database (and the embedded server).
 */
export async function runDatabase(
  serverUrl: string | undefined,
  prefix = 'dispatch_chaos',
): Promise<TRunDatabase> {
  let stopServer: (() => Promise<void>) | undefined;
  let tempDir: string | undefined;
  let adminUrl = serverUrl;
  if (!adminUrl) {
    tempDir = await mkdtemp(join(tmpdir(), `${prefix.replaceAll('_', '-')}-pg-`));
    // As root the server runs as the `postgres` user, which must be able to reach its data dir.
    await chmod(tempDir, 0o755);
    const server = await startEmbeddedPostgres({
      dataDir: join(tempDir, 'data'),
      persistent: false,
    });
    stopServer = server.stop;
    adminUrl = server.url;
  }
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
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
