import { createHash } from 'node:crypto';
import type { Transaction } from '@dispatch/db';
import { schema } from '@dispatch/db';
import { DomainError } from '@dispatch/domain';
import { and, eq } from 'drizzle-orm';
import superjson, { type SuperJSONResult } from 'superjson';

/** JSON with sorted keys, so the same input always hashes the same. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) {
      return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)));
    }
    return v;
  });
}

export function hashRequest(input: unknown): string {
  return createHash('sha256').update(canonical(input)).digest('hex');
}

/**
 * Runs `work` at most once per (caller, operation, key). The key row is inserted first in the same
 * transaction: a concurrent retry's insert waits on the unique key until this transaction ends, then
 * reads the committed first result. A failed first attempt rolls back its key too, so it may be
 * retried. The same key with a different input is a `CONFLICT`.
 */
export async function withIdempotency<T>(
  tx: Transaction,
  scope: { subject: string; operation: string; key: string | undefined; input: unknown },
  work: () => Promise<T>,
): Promise<T> {
  if (!scope.key) return work();
  const { subject, operation, key } = scope;
  const requestHash = hashRequest(scope.input);
  const inserted = await tx
    .insert(schema.idempotencyKeys)
    .values({ subject, operation, key, requestHash })
    .onConflictDoNothing()
    .returning({ key: schema.idempotencyKeys.key });
  const where = and(
    eq(schema.idempotencyKeys.subject, subject),
    eq(schema.idempotencyKeys.operation, operation),
    eq(schema.idempotencyKeys.key, key),
  );
  if (inserted.length === 0) {
    const [existing] = await tx
      .select({
        requestHash: schema.idempotencyKeys.requestHash,
        response: schema.idempotencyKeys.response,
      })
      .from(schema.idempotencyKeys)
      .where(where);
    if (!existing || existing.requestHash !== requestHash || existing.response == null) {
      throw new DomainError(
        'IDEMPOTENCY_KEY_REUSED',
        'This idempotency key was already used with a different request.',
        { idempotencyKey: key },
      );
    }
    return superjson.deserialize<T>(existing.response as SuperJSONResult);
  }
  const result = await work();
  await tx
    .update(schema.idempotencyKeys)
    .set({ response: superjson.serialize(result) })
    .where(where);
  return result;
}
