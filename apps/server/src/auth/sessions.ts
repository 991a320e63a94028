import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '@dispatch/db';
import { schema } from '@dispatch/db';
import type { TPrincipal } from '@dispatch/domain';
import { and, eq, gt, lt, sql } from 'drizzle-orm';

export const hashId = (id: string) => createHash('sha256').update(id).digest('hex');
export const newOpaqueId = () => randomBytes(32).toString('base64url');

export interface TSessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

/** A new session with a new id (never one the browser offered: no session fixation). */
export async function createSession(
  db: Database,
  principal: TPrincipal,
  idToken: string | null,
  policy: TSessionPolicy,
): Promise<string> {
  const id = newOpaqueId();
  await db.insert(schema.sessions).values({
    idHash: hashId(id),
    subject: principal.subject,
    name: principal.name,
    roles: [...principal.roles],
    idToken,
    expiresAt: new Date(Date.now() + policy.absoluteHours * 3600_000),
  });
  return id;
}

/**
 * The principal of a live session, or null. Idle and absolute timeouts are checked in the query;
 * `last_seen_at` is refreshed at most once a minute so polling does not write on every request.
 */
export async function readSession(db: Database, id: string, policy: TSessionPolicy) {
  const idHash = hashId(id);
  const [row] = await db
    .select({
      subject: schema.sessions.subject,
      name: schema.sessions.name,
      roles: schema.sessions.roles,
      idToken: schema.sessions.idToken,
      lastSeenAt: schema.sessions.lastSeenAt,
    })
    .from(schema.sessions)
    .where(
      and(
        eq(schema.sessions.idHash, idHash),
        gt(schema.sessions.expiresAt, sql`now()`),
        gt(
          schema.sessions.lastSeenAt,
          sql`now() - ${policy.idleMinutes * 60}::float8 * interval '1 second'`,
        ),
      ),
    );
  if (!row) return null;
  // Refresh well within the idle window, so an active session never lapses between refreshes.
  if (Date.now() - row.lastSeenAt.getTime() > Math.min(60_000, (policy.idleMinutes * 60_000) / 4)) {
    await db
      .update(schema.sessions)
      .set({ lastSeenAt: sql`now()` })
      .where(eq(schema.sessions.idHash, idHash));
  }
  return {
    principal: { subject: row.subject, name: row.name, roles: row.roles },
    idToken: row.idToken,
  };
}

export async function deleteSession(db: Database, id: string) {
  const [row] = await db
    .delete(schema.sessions)
    .where(eq(schema.sessions.idHash, hashId(id)))
    .returning({ idToken: schema.sessions.idToken });
  return row ?? null;
}

/** Removes expired sessions and abandoned login attempts. */
export async function purgeExpired(db: Database, policy: TSessionPolicy) {
  await db
    .delete(schema.sessions)
    .where(
      sql`${schema.sessions.expiresAt} < now() or ${schema.sessions.lastSeenAt} < now() - ${policy.idleMinutes * 60}::float8 * interval '1 second'`,
    );
  await db
    .delete(schema.loginFlows)
    .where(lt(schema.loginFlows.createdAt, sql`now() - interval '15 minutes'`));
}
