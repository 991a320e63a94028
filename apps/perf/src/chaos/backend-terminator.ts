import type { Sql } from 'postgres';

export interface TBackendTerminator {
  stop: () => Promise<void>;
  /** Backends of the server that were terminated (mid-transaction or mid-query). */
  terminated: () => number;
}

/**
 * Every 1.5–3.5 s, from its own admin connection, terminates the server's backends that are inside
 * a transaction or running a statement: the server sees its connection die mid-transaction, as
 * with a PostgreSQL failover or an administrator's pg_terminate_backend.
 */
export function startBackendTerminator(sql: Sql): TBackendTerminator {
  let count = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      await new Promise((resolve) => setTimeout(resolve, 1500 + Math.random() * 2000));
      if (!running) break;
      try {
        const rows = await sql<{ terminated: boolean }[]>`
          select pg_terminate_backend(pid) as terminated from pg_stat_activity
          where application_name = 'dispatch-server'
            and state in ('idle in transaction', 'active')
            and pid <> pg_backend_pid()`;
        count += rows.filter((r) => r.terminated).length;
      } catch {
        // The admin connection itself is not a target; a failure here only skips one round.
      }
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
    },
    terminated: () => count,
  };
}
