import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The Drizzle schema and the committed migrations describe the same database. drizzle-kit compares
 * the schema with the last migration's snapshot and would write a new migration if they differed;
 * run on a copy of `drizzle/`, it must find nothing to write. Without this, an edit to a table file
 * without `pnpm db:generate` passes every test (they run the migrations, not the schema) and the
 * code's idea of a table drifts from the real one.
 */
const packageDir = join(import.meta.dirname, '..', '..');
const migrationsDir = join(packageDir, '..', '..', 'drizzle');
let scratch = '';

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'dispatch-drift-'));
  await cp(migrationsDir, scratch, { recursive: true });
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.map(String).sort();
}

describe('schema and migrations', () => {
  it('agree: drizzle-kit generate finds no change to write', async () => {
    const before = await filesUnder(scratch);
    const run = spawnSync(
      'pnpm',
      [
        'exec',
        'drizzle-kit',
        'generate',
        '--dialect',
        'postgresql',
        '--schema',
        './src/schema/index.ts',
        // drizzle-kit prefixes the output path with "./", so it must be relative.
        '--out',
        relative(packageDir, scratch),
      ],
      { cwd: packageDir, encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('No schema changes, nothing to migrate');
    expect(await filesUnder(scratch)).toEqual(before);
  });
});
