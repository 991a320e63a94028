import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { tstz } from './columns';

/**
 * Browser sessions. The cookie holds a random id; only its SHA-256 is stored, so a leaked table
 * cannot be replayed as cookies. Idle and absolute expiry are checked on every request.
 */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    subject: text('subject').notNull(),
    name: text('name').notNull(),
    roles: text('roles').array().notNull(),
    /** Kept server-side only, as the hint for ending the session at the provider. */
    idToken: text('id_token'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    lastSeenAt: tstz('last_seen_at').notNull().defaultNow(),
    expiresAt: tstz('expires_at').notNull(),
  },
  (t) => [
    index('sessions_subject_idx').on(t.subject),
    index('sessions_expires_idx').on(t.expiresAt),
  ],
);

/** An authorisation request in flight: PKCE verifier, state and nonce, bound to a cookie. */
export const loginFlows = pgTable('login_flows', {
  idHash: text('id_hash').primaryKey(),
  state: text('state').notNull(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  returnTo: text('return_to').notNull(),
  createdAt: tstz('created_at').notNull().defaultNow(),
});
