import { useCallback, useMemo, useRef } from 'react';

/**
 * One idempotency key per attempt: retrying the same request (same fingerprint, e.g. after a
 * network failure) reuses the key, so the server runs it at most once; a changed request gets a
 * fresh key. `reset` after success, so the next request is a new one.
 */
export function useIdempotencyKey() {
  const current = useRef<{ fingerprint: string; key: string } | null>(null);
  const keyFor = useCallback((fingerprint: string) => {
    if (current.current?.fingerprint !== fingerprint) {
      current.current = { fingerprint, key: crypto.randomUUID() };
    }
    return current.current.key;
  }, []);
  const reset = useCallback(() => {
    current.current = null;
  }, []);
  return useMemo(() => ({ keyFor, reset }), [keyFor, reset]);
}
