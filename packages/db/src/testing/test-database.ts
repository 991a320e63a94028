import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
import { createDatabase, type TDatabaseHandle } from '../client';
import { databaseUrl } from '../database-url';
import './provided-context';

export interface TTestDatabase extends TDatabaseHandle {
  url: string;
  name: string;
  /** Closes the pool and drops the database. */
  destroy: () => Promise<void>;
}

/**
 * A fresh, fully migrated database for one test file: a clone of the template that the global
 * setup migrated. Cloning takes tens of milliseconds; migrating from scratch would take seconds.
 */
export async function createTestDatabase(
  options: { max?: number; settings?: Record<string, string> } = {},
): Promise<TTestDatabase> {
  const adminUrl = inject('databaseAdminUrl');
  const template = inject('templateDatabase');
  const name = `dispatch_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`create database ${name} template ${template}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = databaseUrl(adminUrl, name);
  const handle = createDatabase({
    url,
    max: options.max ?? 10,
    applicationName: 'dispatch-test',
    ...(options.settings ? { settings: options.settings } : {}),
  });
  return {
    ...handle,
    url,
    name,
    destroy: async () => {
      await handle.close();
      const dropper = postgres(adminUrl, { max: 1, onnotice: () => undefined });
      try {
        await dropper.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end({ timeout: 5 });
      }
    },
  };
}

/** A brand-new empty database (no template), for testing the migrations themselves. */
export async function createEmptyDatabase(): Promise<{
  url: string;
  destroy: () => Promise<void>;
}> {
  const adminUrl = inject('databaseAdminUrl');
  const name = `dispatch_empty_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  return {
    url: databaseUrl(adminUrl, name),
    destroy: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
