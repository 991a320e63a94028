import { randomUUID } from 'node:crypto';
import { countAllRows, createTestDatabase, type TTestDatabase } from '@dispatch/db/testing';
import type { TPrincipal } from '@dispatch/domain';
import pino from 'pino';
import { createCaller } from '../../src/router';
import { principals, type TPrincipalName } from './principals';

/** Set LOG_LEVEL=debug to watch procedures while debugging a test. */

export const testLog = pino({ level: process.env.LOG_LEVEL ?? 'silent' });

export type TCaller = ReturnType<typeof createCaller>;

export interface THarness {
  tdb: TTestDatabase;
  as: (who: TPrincipalName | TPrincipal | null) => TCaller;
  admin: TCaller;
  dispatcher: TCaller;
  viewer: TCaller;
  destroy: () => Promise<void>;
}

/** A fresh migrated database and callers that run the real router against it. */
export async function createHarness(
  options: { max?: number; settings?: Record<string, string> } = {},
): Promise<THarness> {
  const tdb = await createTestDatabase(options);
  const as = (who: TPrincipalName | TPrincipal | null) =>
    createCaller({
      db: tdb.db,
      principal: typeof who === 'string' ? principals[who] : who,
      log: testLog,
      requestId: randomUUID(),
    });
  return {
    tdb,
    as,
    admin: as('admin'),
    dispatcher: as('dispatcher'),
    viewer: as('viewer'),
    destroy: () => tdb.destroy(),
  };
}

/** Row counts of every table, to prove a refused request wrote nothing. */
export function countRows(tdb: TTestDatabase) {
  return countAllRows(tdb.sql);
}
