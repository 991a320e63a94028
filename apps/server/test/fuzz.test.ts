import { appRouter, createCaller, PROCEDURE_PATHS } from '@dispatch/api';
import { digestAllRows } from '@dispatch/db/testing';
import fc from 'fast-check';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzCases, type TFuzzCase, type TFuzzWorld } from './helpers/fuzz-inputs';
import { inputShapeOf } from './helpers/fuzz-schema';
import { startStack, type TStack } from './helpers/stack';
import { mintAccessToken } from './helpers/tokens';

/**
 * Every procedure of the router, as the most privileged caller, over real HTTP, with hostile
 * inputs generated from its own schema (helpers/fuzz-inputs.ts): the answer is always a 4xx that
 * names the poisoned field where there is one and shows no internals, no row of any table changes,
 * and the server stays healthy. CI runs FUZZ_RUNS (200) inputs per procedure with a fixed seed;
 * `FUZZ_RUNS=5000 FUZZ_SEED=$RANDOM pnpm --filter @dispatch/server exec vitest run test/fuzz`
 * searches longer. A failure prints the seed, the path of the shrunk case and the input.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? 20261204);

/** Text that would mean an internal leaked: a JavaScript message, a stack, SQL, the driver. */
const INTERNALS =
  /Cannot read prop|Maximum call stack|is not a function|is not defined|Unexpected token|TypeError|RangeError|SyntaxError|\bat .+:\d+:\d+|node_modules|postgres|\bselect\b.+\bfrom\b|\binsert into\b|violates|invalid input syntax|\bSQLSTATE\b/i;

let stack: TStack;
let authorization: string;
const world: TFuzzWorld = { ids: [] };

type TProcedureDef = { _def: { type: 'query' | 'mutation' | 'subscription'; inputs: unknown[] } };
const procedures = (appRouter._def as unknown as { procedures: Record<string, TProcedureDef> })
  .procedures;

beforeAll(async () => {
  // Calls are counted against the rate limit; the statistics timer stays out of the digests.
  stack = await startStack({ RATE_LIMIT_PER_MINUTE: 10_000_000, USAGE_FLUSH_SECONDS: 3600 });
  const subject = 'fuzz-admin';
  // Admin for everything, driver for the driver app (linked to a driver record below).
  authorization = `Bearer ${await mintAccessToken(stack, subject, ['admin', 'driver'])}`;
  const api = createCaller({
    db: stack.tdb.db,
    principal: { subject: 'setup', name: 'Fuzz setup', roles: ['admin'] },
    log: pino({ level: 'silent' }),
    requestId: 'setup',
  });
  await api.settings.update({ autoDispatch: false });
  const crane = await api.equipmentTypes.create({ name: 'crane' });
  const flatbed = await api.equipmentTypes.create({ name: 'flatbed' });
  const units = [];
  for (const [code, typeId] of [
    ['C-1', crane.id],
    ['C-2', crane.id],
    ['F-1', flatbed.id],
  ] as const) {
    units.push(await api.equipment.create({ code, name: `Unit ${code}`, typeId }));
  }
  const me = await api.drivers.create({
    name: 'Fuzz Driver',
    phone: '+44 20 7946 0958',
    email: 'fuzz.driver@example.com',
    subject,
    qualificationTypeIds: [crane.id, flatbed.id],
  });
  const other = await api.drivers.create({
    name: 'Other Driver',
    phone: '+44 20 7946 0959',
    email: 'other.driver@example.com',
    qualificationTypeIds: [crane.id, flatbed.id],
  });
  const orders = [];
  for (let i = 0; i < 4; i++) {
    orders.push(
      await api.workOrders.create({
        title: `Lift ${i}`,
        siteAddress: `${i} Quay Street`,
        equipmentTypeId: i % 2 ? flatbed.id : crane.id,
        priority: i === 0 ? 'urgent' : 'standard',
      }),
    );
  }
  await api.dispatch.assign({
    workOrderId: orders[0]!.id,
    equipmentId: units[0]!.id,
    driverId: me.id,
  });
  await api.dispatch.assign({
    workOrderId: orders[1]!.id,
    equipmentId: units[2]!.id,
    driverId: other.id,
  });
  const dispatches = await stack.tdb.sql<{ id: string }[]>`select id from dispatches`;
  world.ids = [
    crane.id,
    flatbed.id,
    ...units.map((u) => u.id),
    me.id,
    other.id,
    ...orders.map((o) => o.id),
    ...dispatches.map((d) => d.id),
  ];
});
afterAll(() => stack?.stop());

interface TAnswer {
  status: number;
  text: string;
}

async function send(path: string, type: 'query' | 'mutation', json: string): Promise<TAnswer> {
  const response =
    type === 'query'
      ? await fetch(`${stack.url}/trpc/${path}?input=${encodeURIComponent(json)}`, {
          headers: { authorization },
        })
      : await fetch(`${stack.url}/trpc/${path}`, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/json' },
          body: json,
        });
  return { status: response.status, text: await response.text() };
}

/** The field errors of a tRPC error answer, or null for any other body. */
function fieldErrorsOf(text: string): Record<string, unknown> | null {
  try {
    const body = JSON.parse(text) as {
      error?: { json?: { data?: { fieldErrors?: Record<string, unknown> | null } } };
    };
    return body.error?.json?.data?.fieldErrors ?? null;
  } catch {
    return null;
  }
}

function checkAnswer(path: string, fuzzCase: TFuzzCase, answer: TAnswer): void {
  const where = `${path}: ${fuzzCase.why} (${fuzzCase.json.slice(0, 200)}) → ${answer.status} ${answer.text.slice(0, 300)}`;
  expect(answer.status, where).toBeGreaterThanOrEqual(400);
  expect(answer.status, where).toBeLessThan(500);
  expect(answer.text, where).not.toMatch(INTERNALS);
  // A query's input travels in the URL: past Node's header limit it is refused (431) unread.
  if (fuzzCase.target !== null && answer.status === 400) {
    const fieldErrors = fieldErrorsOf(answer.text);
    expect(fieldErrors, where).not.toBeNull();
    expect(Object.keys(fieldErrors ?? {}), where).toContain(fuzzCase.target);
  }
}

const paths = Object.keys(procedures).filter(
  (path) => procedures[path]?._def.type !== 'subscription',
);

describe('every procedure, fuzzed over HTTP', () => {
  it('covers every procedure of the router', () => {
    expect([...paths].sort()).toEqual([...PROCEDURE_PATHS].sort());
  });

  it.each(paths)(
    '%s: hostile input is a 4xx, names the field, and changes nothing',
    async (path) => {
      const procedure = procedures[path]!;
      const type = procedure._def.type === 'query' ? 'query' : 'mutation';
      const before = await digestAllRows(stack.tdb.sql);
      await fc.assert(
        fc.asyncProperty(
          fuzzCases(inputShapeOf(procedure._def.inputs), world),
          async (fuzzCase) => {
            checkAnswer(path, fuzzCase, await send(path, type, fuzzCase.json));
          },
        ),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      expect(await digestAllRows(stack.tdb.sql)).toEqual(before);
      const health = await fetch(`${stack.url}/healthz`);
      expect(health.status).toBe(200);
    },
  );
});
