import type { TLocalUser } from '@dispatch/server';
import type postgres from 'postgres';
import { callProcedure, type TCredentials } from '../chaos/trpc-call';
import { runLoad, type TLoadResult } from './load';

export interface TMixedResult {
  summary: TLoadResult;
  operations: TLoadResult;
  /** Chains not started because every driver was still busy with the previous one. */
  skipped: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** One driver with a unit of a type of their own, and the driver's signed-in session. */
export interface TMixedCrew {
  typeId: string;
  equipmentId: string;
  driverId: string;
  cookie: string;
}

/** Units and drivers for the mixed run, linked to the provider's driver logins, then signed in. */
export async function prepareCrews(
  sql: postgres.Sql,
  users: TLocalUser[],
  signIn: (user: TLocalUser) => Promise<string>,
): Promise<TMixedCrew[]> {
  const [type] = await sql<{ id: string }[]>`
    insert into equipment_types (name) values ('Bench mixed') returning id`;
  if (!type) throw new Error('type insert returned no row');
  const crews: TMixedCrew[] = [];
  for (const [i, user] of users.entries()) {
    const [unit] = await sql<{ id: string }[]>`insert into equipment (code, name, type_id)
      values (${`BM-${i}`}, ${`Mixed unit ${i}`}, ${type.id}) returning id`;
    const [driver] = await sql<{ id: string }[]>`insert into drivers (name, phone, email, subject)
      values (${user.name}, '+44 20 7946 0958', ${user.email}, ${user.subject}) returning id`;
    if (!unit || !driver) throw new Error('crew insert returned no row');
    await sql`insert into driver_qualifications (driver_id, equipment_type_id)
      values (${driver.id}, ${type.id})`;
    crews.push({
      typeId: type.id,
      equipmentId: unit.id,
      driverId: driver.id,
      cookie: await signIn(user),
    });
  }
  return crews;
}

/**
 * The mixed run: dashboards polled at `summaryRate` req/s (1,000 users every 30 s ≈ 33) by
 * autocannon at a fixed rate, while dispatch operations run at `operationsRate` per second as
 * chains of five: create, assign (dispatcher), en route and on site (the driver's phone session),
 * complete (dispatcher). A chain uses a crew that is free; a new one starts every 5/rate seconds.
 */
export async function runMixed(options: {
  appUrl: string;
  bearer: () => Promise<string>;
  crews: TMixedCrew[];
  seconds: number;
  summaryRate: number;
  operationsRate: number;
}): Promise<TMixedResult> {
  const { appUrl, crews } = options;
  const admin: TCredentials = { bearer: options.bearer };
  const latencies: number[] = [];
  let failures = 0;
  let skipped = 0;
  const op = async (credentials: TCredentials, path: string, input: unknown) => {
    const started = performance.now();
    const outcome = await callProcedure(appUrl, credentials, path, input, 'mutation');
    latencies.push(performance.now() - started);
    if (outcome.kind !== 'ok') {
      failures += 1;
      throw new Error(`${path}: ${JSON.stringify(outcome)}`);
    }
    return outcome.data as Record<string, unknown>;
  };
  const busy = new Set<number>();
  let next = 0;
  const chain = async (i: number, crew: TMixedCrew) => {
    busy.add(i);
    try {
      const order = await op(admin, 'workOrders.create', {
        title: `Mixed order ${next}`,
        siteAddress: '1 Mixed Way',
        equipmentTypeId: crew.typeId,
      });
      const workOrderId = order.id as string;
      const assigned = await op(admin, 'dispatch.assign', {
        workOrderId,
        equipmentId: crew.equipmentId,
        driverId: crew.driverId,
      });
      const dispatchId = (assigned.dispatch as { id: string }).id;
      const driver: TCredentials = { cookie: crew.cookie };
      await op(driver, 'driverApp.advance', { dispatchId, to: 'en_route', note: '' });
      await op(driver, 'driverApp.advance', { dispatchId, to: 'on_site', note: '' });
      await op(admin, 'dispatch.complete', { workOrderId, note: 'Done (bench)' });
    } catch {
      // Counted in failures; the crew may be left busy in the database, so it is not reused.
      return;
    }
    busy.delete(i);
  };
  const token = await options.bearer();
  const summary = runLoad({
    url: `${appUrl}/trpc/dashboard.summary`,
    headers: { authorization: `Bearer ${token}` },
    overallRate: options.summaryRate,
    duration: options.seconds,
  });
  const started = performance.now();
  const chains: Promise<void>[] = [];
  const intervalMs = (5 * 1000) / options.operationsRate;
  for (let k = 0; performance.now() - started < options.seconds * 1000; k++) {
    const wait = started + k * intervalMs - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const i = [...crews.keys()].find((c) => !busy.has((next + c) % crews.length));
    if (i === undefined) {
      skipped += 1;
      continue;
    }
    const index = (next + i) % crews.length;
    next += 1;
    chains.push(chain(index, crews[index] as TMixedCrew));
  }
  await Promise.all(chains);
  const elapsed = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    summary: await summary,
    operations: {
      rps: (latencies.length - failures) / elapsed,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      ok: latencies.length - failures,
      errors: failures,
      seconds: elapsed,
    },
    skipped,
  };
}
