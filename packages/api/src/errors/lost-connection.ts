/**
 * Whether a failure means the database connection went away under the statement (the server was
 * restarted, an administrator or failover terminated the backend, the socket was reset) rather
 * than anything about the request. postgres.js drops such a connection from its pool, so the same
 * statement on a fresh connection normally succeeds.
 */
const LOST_CONNECTION_SQLSTATES = new Set(['57P01', '57P02', '57P03']);
const LOST_CONNECTION_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'ECONNRESET',
  'EPIPE',
]);

export function isLostConnection(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current; depth++) {
    if (typeof current === 'object' && 'code' in current && typeof current.code === 'string') {
      const code = current.code;
      // SQLSTATE class 08 is "connection exception"; 57P0x are the shutdown/termination codes.
      if (LOST_CONNECTION_SQLSTATES.has(code) || LOST_CONNECTION_CODES.has(code)) return true;
      if ('severity' in current && code.startsWith('08')) return true;
    }
    current = typeof current === 'object' && 'cause' in current ? current.cause : undefined;
  }
  return false;
}
