import { createTestDatabase, type TTestDatabase } from '@dispatch/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReport } from '../src/chaos/print-report';
import { runChaos } from '../src/chaos/run-chaos';

/*
 * The short version of `pnpm chaos`: the production-mode server as a child process under load,
 * killed with SIGKILL twice and restarted, PostgreSQL backends terminated mid-transaction, every
 * unanswered write re-sent with its key; then every consistency count must be 0.
 */
let tdb: TTestDatabase;

beforeAll(async () => {
  tdb = await createTestDatabase({ max: 1 });
});

afterAll(async () => {
  await tdb?.destroy();
});

describe('chaos (short)', () => {
  it('survives two SIGKILLs and terminated backends with every count at 0', async () => {
    const report = await runChaos({
      databaseUrl: tdb.url,
      kills: 2,
      seconds: 12,
      workers: 6,
      progress: (line) => console.log(line),
    });
    console.log(formatReport(report));
    expect(report.kills).toBe(2);
    expect(report.acknowledged).toBeGreaterThan(20);
    expect(report.unresolved).toBe(0);
    expect(report.counts).toEqual({
      acknowledgedWritesMissing: 0,
      resourcesInTwoActiveDispatches: 0,
      statusDisagreesWithDispatch: 0,
      changesWithoutEvent: 0,
      duplicateRowsFromRetries: 0,
      queuedOrdersLost: 0,
    });
  });
});
