import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, databaseUrl, type TTestDatabase } from '@dispatch/db/testing';
import { seedDemoData } from '@dispatch/db/seed';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

/*
 * The backup and restore drill, with the scripts production runs (scripts/backup.sh and
 * scripts/restore.sh) and PostgreSQL's own client programs: back up a database holding the demo
 * data, restore it into a new one, and prove the two identical table by table (row counts and a
 * checksum of every row). Also: a non-empty target is refused, a corrupted dump is refused, a
 * failed backup leaves nothing behind, and dumps older than KEEP_DAYS are deleted.
 */
const ROOT = join(import.meta.dirname, '..', '..', '..');
const BACKUP = join(ROOT, 'scripts', 'backup.sh');
const RESTORE = join(ROOT, 'scripts', 'restore.sh');
const run = promisify(execFile);

const adminUrl = inject('databaseAdminUrl');
const admin = new URL(adminUrl);

/** pg_dump refuses a server newer than itself; the test server may be (the embedded one is 17). */
async function versions() {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  try {
    const [row] = await sql<
      { v: number }[]
    >`select current_setting('server_version_num')::int as v`;
    const server = Math.floor((row?.v ?? 0) / 10_000);
    const out = execFileSync('pg_dump', ['--version'], { encoding: 'utf8' });
    const client = Number(/(\d+)(\.\d+)?/.exec(out)?.[1] ?? 0);
    return { server, client };
  } catch {
    return { server: 0, client: 0 };
  } finally {
    await sql.end({ timeout: 5 });
  }
}
const { server: serverMajor, client: clientMajor } = await versions();
const usable = clientMajor > 0 && clientMajor >= serverMajor;

let work: string;
let backups: string;
let source: TTestDatabase;
let env: NodeJS.ProcessEnv;
const created: string[] = [];
const newName = (what: string) => {
  const name = `dispatch_${what}_${randomBytes(5).toString('hex')}`;
  created.push(name);
  return name;
};

interface TTableState {
  rows: number;
  checksum: string;
}
/** Every table outside the system schemas: its row count and an md5 over all its rows. */
async function snapshot(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    const tables = await sql<{ schema: string; name: string }[]>`
      select table_schema as schema, table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
      order by 1, 2`;
    const state: Record<string, TTableState> = {};
    for (const t of tables) {
      const [row] = await sql.unsafe<{ rows: number; checksum: string | null }[]>(
        `select count(*)::int as rows,
                md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as checksum
           from "${t.schema}"."${t.name}" t`,
      );
      state[`${t.schema}.${t.name}`] = { rows: row?.rows ?? -1, checksum: row?.checksum ?? '' };
    }
    const sequences = await sql<{ name: string; last: string | null }[]>`
      select schemaname || '.' || sequencename as name, last_value::text as last
      from pg_sequences order by 1`;
    return { tables: state, sequences };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

function scriptEnv(database: string): NodeJS.ProcessEnv {
  return { ...env, PGDATABASE: database };
}

async function runScript(script: string, args: string[], extra: NodeJS.ProcessEnv) {
  const started = performance.now();
  try {
    const { stdout, stderr } = await run('bash', [script, ...args], { env: extra });
    return { code: 0, stdout, stderr, ms: performance.now() - started };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: e.code ?? 1,
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? '',
      ms: performance.now() - started,
    };
  }
}

const dumps = () => readdirSync(backups).filter((f) => f.endsWith('.dump'));

beforeAll(async () => {
  if (!usable) return;
  work = mkdtempSync(join(tmpdir(), 'dispatch-backup-'));
  backups = join(work, 'backups');
  mkdirSync(backups, { mode: 0o700 });
  // Connection from libpq's variables, the password from a file: never on a command line.
  env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PG')));
  Object.assign(env, {
    PGHOST: admin.hostname,
    PGPORT: admin.port || '5432',
    PGUSER: decodeURIComponent(admin.username),
    PGSSLMODE: 'prefer',
    PGCONNECT_TIMEOUT: '10',
    BACKUP_DIR: backups,
    KEEP_DAYS: '14',
  });
  const password = decodeURIComponent(admin.password);
  if (password) {
    writeFileSync(join(work, 'password'), password, { mode: 0o600 });
    env.PGPASSWORD_FILE = join(work, 'password');
  }
  source = await createTestDatabase({ max: 2 });
  expect(await seedDemoData(source.db)).toEqual({ seeded: true });
});

afterAll(async () => {
  if (!usable) return;
  await source?.destroy();
  const sql = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  try {
    for (const name of created) await sql.unsafe(`drop database if exists ${name} with (force)`);
  } finally {
    await sql.end({ timeout: 5 });
  }
  if (work) rmSync(work, { recursive: true, force: true });
});

const title = usable
  ? 'backup and restore drill (scripts/backup.sh, scripts/restore.sh)'
  : `backup and restore drill (skipped: pg_dump ${clientMajor || '(not installed)'} cannot dump a PostgreSQL ${serverMajor} server; set TEST_DATABASE_URL to a server it supports, as CI does)`;

describe.skipIf(!usable)(title, () => {
  let dump: string;
  let expected: Awaited<ReturnType<typeof snapshot>>;

  it('backs up the database into a dated dump, 0600, with its row counts and checksum', async () => {
    // Yesterday's dump stays; one from 20 days ago goes, with its companions; another prefix's
    // old dump (Keycloak's) is not this run's business.
    const touch = (file: string, ago: string) => {
      writeFileSync(join(backups, file), 'old');
      execFileSync('touch', ['-d', ago, join(backups, file)]);
    };
    touch('dispatch-20000101T000000Z.dump', '20 days ago');
    touch('dispatch-20000101T000000Z.dump.counts', '20 days ago');
    touch('dispatch-20000101T000000Z.dump.sha256', '20 days ago');
    touch('dispatch-20000102T000000Z.dump', '1 day ago');
    touch('keycloak-20000101T000000Z.dump', '20 days ago');

    expected = await snapshot(source.url);
    const result = await runScript(BACKUP, [], scriptEnv(source.name));
    console.log(`backup.sh took ${result.ms.toFixed(0)} ms: ${result.stdout.trim()}`);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);

    const fresh = dumps().filter(
      (f) => !f.startsWith('dispatch-2000') && !f.startsWith('keycloak'),
    );
    expect(fresh).toHaveLength(1);
    expect(fresh[0]).toMatch(/^dispatch-\d{8}T\d{6}Z\.dump$/);
    dump = join(backups, fresh[0] ?? '');
    expect(result.stdout).toContain(dump);
    expect(result.stdout).toMatch(/\d+ bytes/);
    expect(statSync(dump).mode & 0o777).toBe(0o600);
    expect(readFileSync(dump).subarray(0, 5).toString()).toBe('PGDMP');

    // The counts come from the dump and agree with the database.
    const counts = Object.fromEntries(
      readFileSync(`${dump}.counts`, 'utf8')
        .trim()
        .split('\n')
        .map((line) => [
          line.slice(0, line.lastIndexOf(' ')),
          Number(line.slice(line.lastIndexOf(' ') + 1)),
        ]),
    );
    expect(counts).toEqual(
      Object.fromEntries(Object.entries(expected.tables).map(([name, t]) => [name, t.rows])),
    );
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(50);
    execFileSync('sha256sum', ['--check', '--quiet', `${dump}.sha256`], { cwd: backups });
  });

  it('deletes dumps older than KEEP_DAYS (this prefix only), keeps the recent ones', () => {
    const files = readdirSync(backups);
    expect(files).not.toContain('dispatch-20000101T000000Z.dump');
    expect(files).not.toContain('dispatch-20000101T000000Z.dump.counts');
    expect(files).not.toContain('dispatch-20000101T000000Z.dump.sha256');
    expect(files).toContain('dispatch-20000102T000000Z.dump');
    expect(files).toContain('keycloak-20000101T000000Z.dump');
  });

  it('restores into a new database: every table has the same rows and the same checksum', async () => {
    const target = newName('restore');
    const result = await runScript(RESTORE, [dump, target], scriptEnv('postgres'));
    console.log(
      `restore.sh took ${result.ms.toFixed(0)} ms: ${result.stdout.trim().split('\n').at(-1)}`,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/every count matches the dump/);
    const restored = await snapshot(databaseUrl(adminUrl, target));
    expect(Object.keys(restored.tables).length).toBeGreaterThan(5);
    expect(restored.tables).toEqual(expected.tables);
    expect(restored.sequences).toEqual(expected.sequences);
  });

  it('restores into an existing empty database as well', async () => {
    const target = newName('empty');
    const sql = postgres(adminUrl, { max: 1, onnotice: () => undefined });
    await sql.unsafe(`create database ${target} template template0`);
    await sql.end({ timeout: 5 });
    const result = await runScript(RESTORE, [dump, target], scriptEnv('postgres'));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/existing, empty database/);
    expect((await snapshot(databaseUrl(adminUrl, target))).tables).toEqual(expected.tables);
  });

  it('refuses to restore into a database that is not empty, and leaves it untouched', async () => {
    const before = await snapshot(source.url);
    const result = await runScript(RESTORE, [dump, source.name], scriptEnv('postgres'));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/not empty/);
    expect(await snapshot(source.url)).toEqual(before);
  });

  it('refuses a dump that does not match its checksum', async () => {
    const copy = join(work, 'corrupt');
    mkdirSync(copy);
    for (const suffix of ['', '.counts', '.sha256']) {
      copyFileSync(`${dump}${suffix}`, join(copy, `${dump.split('/').at(-1)}${suffix}`));
    }
    const damaged = join(copy, dump.split('/').at(-1) ?? '');
    const bytes = readFileSync(damaged);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0xff;
    writeFileSync(damaged, bytes);
    const target = newName('corrupt');
    const result = await runScript(RESTORE, [damaged, target], scriptEnv('postgres'));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/does not match/);
  });

  it('fails loudly when the database cannot be dumped, leaving no partial file', async () => {
    const before = readdirSync(backups).sort();
    const result = await runScript(BACKUP, [], scriptEnv(`${source.name}_missing`));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/does not exist/);
    expect(readdirSync(backups).sort()).toEqual(before);
    expect(existsSync(join(backups, 'partial'))).toBe(false);
  });
});
