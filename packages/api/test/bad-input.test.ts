import { randomUUID } from 'node:crypto';
import { PRIORITIES } from '@dispatch/domain';
import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import fc from 'fast-check';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { appRouter } from '../src/router';
import { fleet } from './helpers/fleet';
import { countRows, createHarness, testLog, type THarness } from './helpers/harness';
import { principals } from './helpers/principals';

/**
 * Property-based hostile input: whatever a client sends to the two busiest mutations, the answer is
 * BAD_REQUEST (the schema refused it) or NOT_FOUND (well-formed ids that name nothing), never an
 * internal error, and nothing is written.
 */

const NUM_RUNS = 150;
const ACCEPTED_CODES = ['BAD_REQUEST', 'NOT_FOUND'];

let h: THarness;
let rowsAtStart: Awaited<ReturnType<typeof countRows>>;
/** Real ids, used in the wrong places (an equipment id as a work order id, ...). */
const real = { workOrder: '', equipment: '', driver: '', type: '' };

beforeAll(async () => {
  h = await createHarness();
  const f = fleet(h);
  await f.autoDispatch(false);
  const crane = await f.type();
  const e = await f.equipment(crane.id);
  const d = await f.driver([crane.id]);
  const wo = await f.order(crane.id);
  Object.assign(real, { workOrder: wo.id, equipment: e.id, driver: d.id, type: crane.id });
  rowsAtStart = await countRows(h.tdb);
});
afterAll(() => h?.destroy());

interface TRefusal {
  code: string;
  reason: string | null;
}

/** Calls and insists on a refusal; a success is itself a failure of the property. */
async function refusal(call: () => Promise<unknown>): Promise<TRefusal> {
  let result: unknown;
  try {
    result = await call();
  } catch (error) {
    if (!(error instanceof TRPCError)) {
      throw new Error(`not a TRPCError: ${String(error)}`, { cause: error });
    }
    const cause = error.cause as { code?: unknown } | undefined;
    return { code: error.code, reason: typeof cause?.code === 'string' ? cause.code : null };
  }
  throw new Error(`expected a refusal, but the call succeeded with ${JSON.stringify(result)}`);
}

// ---------------------------------------------------------------------------------------------
// Odd values
// ---------------------------------------------------------------------------------------------

/** Mostly a valid value, sometimes an odd one: most inputs then have one or two bad fields. */
function mostly<T>(valid: fc.Arbitrary<T>, odd: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: odd, weight: 1 });
}

const controlChar = fc.constantFrom(
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)),
  '\u007f',
  '\u0085',
  '\u009b',
);
const controlString = fc
  .tuple(fc.string({ maxLength: 8 }), controlChar, fc.string({ maxLength: 8 }))
  .map(([a, c, b]) => `${a}${c}${b}`);
const hugeString = fc
  .integer({ min: 5_001, max: 200_000 })
  .chain((length) => fc.constantFrom('x', 'é', '😀', ' ', '\u0000').map((ch) => ch.repeat(length)));
const oddString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }), // lone surrogates and all
  controlString,
  hugeString,
  fc.constantFrom(
    '',
    '   ',
    '\t\n',
    '\u200b',
    '\u202e',
    '\ud800',
    "'; drop table work_orders; --",
    '%s%n',
    '${1+1}',
    '__proto__',
    'null',
    'undefined',
    'NaN',
  ),
);
const oddNumber = fc.oneof(
  fc.double(), // NaN, ±Infinity, -0, subnormals and all
  fc.integer({ min: Number.MIN_SAFE_INTEGER, max: -1 }),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 1e308, -1e308, 5e-324, 91, -181),
);
const oddValue = fc.oneof(
  oddString,
  oddNumber,
  fc.boolean(),
  fc.constantFrom(null, undefined),
  fc.bigInt(),
  fc.date({ noInvalidDate: false }),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 4 }),
  fc.object({ maxDepth: 2, maxKeys: 4 }),
);

/** Something in the shape of an id: malformed, valid but unknown, or not a string at all. */
const uuidLike = fc.oneof(
  fc.uuid(), // valid and (almost surely) unknown
  fc.uuid({ version: [9, 10, 15] }), // the wrong version
  fc.uuid().map((u) => u.toUpperCase()),
  fc.uuid().map((u) => u.slice(1)),
  fc.uuid().map((u) => u.replace(/-/g, '')),
  fc.uuid().map((u) => `{${u}}`),
  fc.uuid().map((u) => ` ${u} `),
  fc.constantFrom(
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    'not-a-uuid',
    "00000000-0000-4000-8000-000000000000' or '1'='1",
  ),
  oddValue,
);

const validText = fc
  .string({ minLength: 1, maxLength: 50 })
  .filter((s) => /^[ -~]*\S[ -~]*$/.test(s));
const idempotencyKeyLike = mostly(
  fc.stringMatching(/^[A-Za-z0-9_.:-]{8,100}$/),
  fc.oneof(oddString, oddValue),
);

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

const latitude = fc.double({ min: -90, max: 90, noNaN: true });
const longitude = fc.double({ min: -180, max: 180, noNaN: true });
const sensibleDate = fc.date({
  min: new Date('2000-01-02'),
  max: new Date(Date.now() + 365 * 86400_000),
  noInvalidDate: true,
});

/**
 * The keys of workOrders.create with odd (or valid) values, any optional one missing, plus keys a
 * client must not set (status, id, createdBySubject), which the schema must strip.
 */
const oddWorkOrder = fc
  .record(
    {
      title: mostly(validText, oddValue),
      description: mostly(validText, oddValue),
      siteAddress: mostly(validText, oddValue),
      // Both, neither, or one of them (which the schema must refuse), valid or odd.
      coordinates: fc.oneof(
        fc.constant({}),
        fc.record({ lat: mostly(latitude, oddValue), lng: mostly(longitude, oddValue) }),
        fc.record({ lat: mostly(latitude, oddValue) }),
        fc.record({ lng: mostly(longitude, oddValue) }),
      ),
      equipmentTypeId: mostly(fc.uuid(), uuidLike),
      priority: mostly(
        fc.constantFrom(...PRIORITIES),
        fc.oneof(fc.constantFrom('URGENT', 'critical', ' high', ''), oddValue),
      ),
      dueBy: mostly(
        sensibleDate,
        fc.oneof(
          fc.date({ noInvalidDate: false }),
          fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01') }),
          oddValue,
        ),
      ),
      idempotencyKey: idempotencyKeyLike,
      status: fc.constantFrom('completed', 'dispatched'),
      id: fc.uuid(),
      createdBySubject: fc.string(),
    },
    { requiredKeys: ['title', 'siteAddress', 'equipmentTypeId', 'coordinates'] },
  )
  .map(({ coordinates, ...rest }) => ({ ...rest, ...coordinates }));

/** A well-formed work order whose equipment type does not exist. */
const wellFormedWorkOrder = fc
  .record(
    {
      title: validText,
      siteAddress: validText,
      equipmentTypeId: fc.oneof(
        fc.uuid(),
        fc.constantFrom(
          '00000000-0000-0000-0000-000000000000',
          'ffffffff-ffff-ffff-ffff-ffffffffffff',
        ),
      ),
      priority: fc.constantFrom(...PRIORITIES),
      description: fc.string({ maxLength: 200 }),
      coordinates: fc.option(fc.tuple(latitude, longitude)),
      dueBy: fc.option(sensibleDate),
      idempotencyKey: fc.option(fc.stringMatching(/^[A-Za-z0-9_.:-]{8,100}$/)),
    },
    { requiredKeys: ['title', 'siteAddress', 'equipmentTypeId'] },
  )
  .map(({ coordinates, dueBy, idempotencyKey, ...rest }) => ({
    ...rest,
    ...(coordinates ? { lat: coordinates[0], lng: coordinates[1] } : {}),
    ...(dueBy ? { dueBy } : {}),
    ...(idempotencyKey ? { idempotencyKey } : {}),
  }));

/** An id slot of dispatch.assign: odd, unknown, or a real id of some other kind of row. */
const assignId = fc.oneof(
  uuidLike,
  fc
    .constantFrom('workOrder', 'equipment', 'driver', 'type')
    .map((kind) => real[kind as keyof typeof real]),
  fc
    .constantFrom('workOrder', 'equipment', 'driver')
    .map((kind) => real[kind as keyof typeof real].toUpperCase()),
);

const sameId = (a: unknown, b: string) =>
  typeof a === 'string' && a.toLowerCase() === b.toLowerCase();

const oddAssign = fc
  .record(
    {
      workOrderId: assignId,
      equipmentId: assignId,
      driverId: assignId,
      idempotencyKey: idempotencyKeyLike,
    },
    { requiredKeys: [] },
  )
  // Never all three real ids in their own slots: that is a legitimate assignment.
  .filter(
    (input) =>
      !(
        sameId(input.workOrderId, real.workOrder) &&
        sameId(input.equipmentId, real.equipment) &&
        sameId(input.driverId, real.driver)
      ),
  );

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

describe('workOrders.create refuses bad input cleanly', () => {
  it('answers BAD_REQUEST or NOT_FOUND for anything at all', async () => {
    const before = await countRows(h.tdb);
    await fc.assert(
      fc.asyncProperty(
        fc.anything({
          withBigInt: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
          withTypedArray: true,
          withSparseArray: true,
          withBoxedValues: true,
          withUnicodeString: true,
        }),
        async (input) => {
          const { code } = await refusal(() => h.dispatcher.workOrders.create(input as never));
          expect(ACCEPTED_CODES).toContain(code);
        },
      ),
      { numRuns: NUM_RUNS },
    );
    expect(await countRows(h.tdb)).toEqual(before);
  });

  it('answers BAD_REQUEST or NOT_FOUND for the right keys with odd values', async () => {
    const before = await countRows(h.tdb);
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(oddWorkOrder, async (input) => {
        const { code } = await refusal(() => h.dispatcher.workOrders.create(input as never));
        seen.add(code);
        expect(ACCEPTED_CODES).toContain(code);
      }),
      { numRuns: NUM_RUNS },
    );
    // Both outcomes occur: the run reaches the database, not only the schema.
    expect([...seen].sort()).toEqual(ACCEPTED_CODES);
    expect(await countRows(h.tdb)).toEqual(before);
  });

  it('answers NOT_FOUND (EQUIPMENT_TYPE_NOT_FOUND) for a well-formed order of an unknown type', async () => {
    const before = await countRows(h.tdb);
    await fc.assert(
      fc.asyncProperty(wellFormedWorkOrder, async (input) => {
        expect(await refusal(() => h.dispatcher.workOrders.create(input))).toEqual({
          code: 'NOT_FOUND',
          reason: 'EQUIPMENT_TYPE_NOT_FOUND',
        });
      }),
      { numRuns: NUM_RUNS },
    );
    expect(await countRows(h.tdb)).toEqual(before);
  });
});

describe('dispatch.assign refuses bad input cleanly', () => {
  it('answers BAD_REQUEST or NOT_FOUND for anything at all', async () => {
    const before = await countRows(h.tdb);
    await fc.assert(
      fc.asyncProperty(
        fc.anything({ withBigInt: true, withDate: true, withMap: true, withNullPrototype: true }),
        async (input) => {
          const { code } = await refusal(() => h.dispatcher.dispatch.assign(input as never));
          expect(ACCEPTED_CODES).toContain(code);
        },
      ),
      { numRuns: NUM_RUNS },
    );
    expect(await countRows(h.tdb)).toEqual(before);
  });

  it('answers BAD_REQUEST or NOT_FOUND for odd, unknown and misplaced ids', async () => {
    const before = await countRows(h.tdb);
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(oddAssign, async (input) => {
        const { code } = await refusal(() => h.dispatcher.dispatch.assign(input as never));
        seen.add(code);
        expect(ACCEPTED_CODES).toContain(code);
      }),
      { numRuns: NUM_RUNS },
    );
    // Both outcomes occur: the run reaches the database, not only the schema.
    expect([...seen].sort()).toEqual(ACCEPTED_CODES);
    expect(await countRows(h.tdb)).toEqual(before);
  });

  it('names the first missing row for well-formed ids that do not exist', async () => {
    const before = await countRows(h.tdb);
    const slot = fc.oneof(fc.uuid(), fc.constant<string | null>(null));
    await fc.assert(
      fc.asyncProperty(slot, slot, slot, async (wo, eq, dr) => {
        const input = {
          workOrderId: wo ?? real.workOrder,
          equipmentId: eq ?? real.equipment,
          driverId: dr ?? real.driver,
        };
        fc.pre(wo !== null || eq !== null || dr !== null);
        // Rows are locked work order first, then equipment, then driver.
        const reason =
          wo !== null
            ? 'WORK_ORDER_NOT_FOUND'
            : eq !== null
              ? 'EQUIPMENT_NOT_FOUND'
              : 'DRIVER_NOT_FOUND';
        expect(await refusal(() => h.dispatcher.dispatch.assign(input))).toEqual({
          code: 'NOT_FOUND',
          reason,
        });
      }),
      { numRuns: NUM_RUNS },
    );
    expect(await countRows(h.tdb)).toEqual(before);
  });
});

describe('invalid input is explained field by field', () => {
  const badOrder = { title: 'bell\u0007', siteAddress: '1 Harbour Road', equipmentTypeId: 'nope' };

  it('through createCaller: the cause is a ZodError naming each bad field', async () => {
    const error = await h.dispatcher.workOrders.create(badOrder).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    const cause = (error as TRPCError).cause;
    expect(cause).toBeInstanceOf(ZodError);
    const paths = (cause as ZodError).issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['title', 'equipmentTypeId']));
    expect(paths).not.toContain('siteAddress');
  });

  it('over HTTP: the errorFormatter adds data.fieldErrors (and no domain reason)', async () => {
    const post = (path: string, input: unknown) =>
      fetchRequestHandler({
        endpoint: '/trpc',
        router: appRouter,
        req: new Request(`http://localhost/trpc/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(superjson.serialize(input)),
        }),
        createContext: () => ({
          db: h.tdb.db,
          principal: principals.dispatcher,
          log: testLog,
          requestId: randomUUID(),
        }),
      });
    interface TShape {
      message: string;
      code: number;
      data: {
        code: string;
        httpStatus: number;
        reason: string | null;
        fieldErrors: Record<string, string[] | undefined> | null;
      };
    }
    const errorOf = async (response: Response) => {
      const body = (await response.json()) as {
        error: Parameters<typeof superjson.deserialize>[0];
      };
      return superjson.deserialize<TShape>(body.error);
    };

    const before = await countRows(h.tdb);
    const invalid = await post('workOrders.create', badOrder);
    expect(invalid.status).toBe(400);
    const shape = await errorOf(invalid);
    expect(shape.data).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400, reason: null });
    expect(shape.data.fieldErrors?.title).toEqual(['Must not contain control characters.']);
    expect(shape.data.fieldErrors?.equipmentTypeId).toEqual(['Must be a valid id.']);
    expect(shape.data.fieldErrors?.siteAddress).toBeUndefined();

    const assign = await post('dispatch.assign', { workOrderId: 7, equipmentId: real.equipment });
    expect(assign.status).toBe(400);
    const assignShape = await errorOf(assign);
    expect(Object.keys(assignShape.data.fieldErrors ?? {}).sort()).toEqual([
      'driverId',
      'workOrderId',
    ]);

    // A well-formed request for a missing row carries a reason, not field errors.
    const missing = await post('workOrders.create', {
      ...badOrder,
      title: 'Lift',
      equipmentTypeId: randomUUID(),
    });
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).data).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'EQUIPMENT_TYPE_NOT_FOUND',
      fieldErrors: null,
    });
    expect(await countRows(h.tdb)).toEqual(before);
  });
});

describe('the whole run', () => {
  it('wrote nothing to any table', async () => {
    expect(await countRows(h.tdb)).toEqual(rowsAtStart);
  });
});
