import { readFile } from 'node:fs/promises';
import type postgres from 'postgres';

/** Linux reports process times in clock ticks; USER_HZ is 100 on every mainstream kernel. */
const MS_PER_TICK = 10;

/**
 * The CPU time (user + system, ms) the PostgreSQL backend behind `sql` has used so far, read from
 * /proc when the server runs on this machine; null otherwise. Unlike latency, it does not grow
 * when other work competes for the cores, so it is the fairer figure on a busy machine. `sql`
 * must hold exactly one connection, so every query runs on this backend.
 */
export async function backendCpu(sql: postgres.Sql): Promise<() => Promise<number | null>> {
  const [row] = await sql<{ pid: number }[]>`select pg_backend_pid() as pid`;
  const file = `/proc/${row?.pid ?? 0}/stat`;
  return async () => {
    try {
      // Fields after the command name: state is the 1st, utime the 12th and stime the 13th.
      const fields = (await readFile(file, 'utf8')).split(') ')[1]?.split(' ') ?? [];
      const ticks = Number(fields[11]) + Number(fields[12]);
      return Number.isFinite(ticks) ? ticks * MS_PER_TICK : null;
    } catch {
      return null;
    }
  };
}
