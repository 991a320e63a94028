import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql as raw } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

/** The committed SQL migrations at the repository root (`drizzle/`). */
export const DEFAULT_MIGRATIONS_FOLDER = fileURLToPath(
  new URL('../../../drizzle', import.meta.url),
);

/**
 * Applies every pending migration. Uses its own single connection so a pool's settings cannot
 * interfere, and drizzle's migrator takes an advisory-free, transactional path: either all pending
 * files apply or none do.
 */
export async function runMigrations(
  url: string,
  options: { migrationsFolder?: string; ssl?: postgres.Options<Record<string, never>>['ssl'] } = {},
): Promise<void> {
  const sql = postgres(url, { max: 1, ssl: options.ssl, onnotice: () => undefined });
  try {
    await migrate(drizzle(sql), {
      migrationsFolder: options.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER,
    });
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** True when every migration in the folder has been applied (for readiness checks). */
export async function migrationsApplied(
  db: { execute: (query: ReturnType<typeof raw>) => Promise<unknown> },
  migrationsFolder = DEFAULT_MIGRATIONS_FOLDER,
): Promise<boolean> {
  const journal = JSON.parse(await readFile(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
    entries: unknown[];
  };
  try {
    const rows = (await db.execute(
      raw`select count(*)::int as applied from drizzle.__drizzle_migrations`,
    )) as unknown as { applied: number }[];
    return (rows[0]?.applied ?? 0) >= journal.entries.length;
  } catch {
    return false;
  }
}
