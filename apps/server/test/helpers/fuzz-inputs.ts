import { MAX_IMPORT_BYTES } from '@dispatch/domain';
import fc from 'fast-check';
import superjson from 'superjson';
import type { TField, TFieldSpec, TInputShape } from './fuzz-schema';

/**
 * Hostile inputs for a procedure, derived from its own input schema so that a new procedure or a
 * new field is fuzzed without anyone writing a generator for it.
 *
 * Every case is invalid by construction: one target gets a poison that no rule may accept (half a
 * surrogate pair, a NUL, a string past every limit, a non-finite number, an impossible date, a
 * wrong type, a nesting no caller needs, broken superjson meta), while the other fields get
 * plausible values (real ids, ordinary and exotic-but-valid text, extreme numbers and dates) so the
 * request would reach deep into the code if the poison slipped through validation.
 */

/** Ids of rows that exist, so a plausible id reaches the code behind the lookup. */
export interface TFuzzWorld {
  ids: string[];
}

const EXOTIC_VALID_TEXT = [
  'Crane 50 t',
  'Zoë Østergård',
  '東京 第2倉庫',
  '🚚🏗️ T-12',
  '\u202eevil\u202c right-to-left override',
  'a\u200bzero\u200bwidth',
  "O'Brien; drop table work_orders; --",
  '<script>alert(1)</script>',
  '%00%ff \\u0000',
];

const EXTREME_NUMBERS = [0, -0, 1, 25, 51.5, -0.12, 1e308, -1e308, 2 ** 53 + 1, 5e-324];
const EXTREME_DATES = [
  new Date('2026-11-02T08:00:00Z'),
  new Date(),
  new Date(8.64e15),
  new Date(-8.64e15),
  new Date('1970-01-01T00:00:00Z'),
];

function plausible(field: TField, world: TFuzzWorld): fc.Arbitrary<unknown> {
  switch (field.kind) {
    case 'uuid':
      return fc.constantFrom(...world.ids);
    case 'email':
      return fc.constantFrom('fuzz@example.com', 'zoë@例え.jp');
    case 'string':
      return fc.constantFrom(...EXOTIC_VALID_TEXT);
    case 'number':
      return fc.constantFrom(...EXTREME_NUMBERS);
    case 'date':
      return fc.constantFrom(...EXTREME_DATES);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...field.values);
    case 'array':
      return fc.array(plausible(field.element, world), { maxLength: 3 });
    case 'other':
      return fc.constant('x');
  }
}

/** A string longer than any field takes, the import file included. */
const TOO_LONG = 'x'.repeat(MAX_IMPORT_BYTES + 1);

function wrongTypes(nullable: boolean): unknown[] {
  return [42, true, {}, [], ...(nullable ? [] : [null])];
}

/** Text sent as a superjson Date (`meta.values[field] = ['Date']`), however invalid. */
class RawDate {
  constructor(readonly text: string) {}
}

/** Values no rule for this field may accept. */
function poisons(spec: TFieldSpec, world: TFuzzWorld): fc.Arbitrary<unknown> {
  const { field, nullable } = spec;
  const base = plausible(field, world);
  switch (field.kind) {
    case 'string':
    case 'uuid':
    case 'email':
    case 'enum':
      return fc.oneof(
        base.map((value) => `${String(value)}\ud800x`), // a high surrogate alone
        base.map((value) => `\udc00${String(value)}`), // a low surrogate alone
        base.map((value) => `${String(value).slice(0, 2)}\u0000${String(value).slice(2)}`),
        fc.constant(TOO_LONG),
        fc.constantFrom(...wrongTypes(nullable)),
      );
    case 'number':
      return fc.constantFrom(
        Number.NaN,
        Infinity,
        -Infinity,
        '12',
        ...wrongTypes(nullable).slice(1),
      );
    case 'date':
      // superjson writes an invalid Date as null, so these are sent as Date-typed text by hand.
      return fc.oneof(
        fc
          .constantFrom('not a date', '2026-02-30T25:61:00Z', '+275760-09-13T00:00:00.001Z')
          .map((text) => new RawDate(text)),
        fc.constantFrom(true, {}, [], ...(nullable ? [] : [null])),
      );
    case 'boolean':
      return fc.constantFrom('true', 1, ...wrongTypes(nullable).slice(2));
    case 'array':
      return fc.oneof(
        poisons({ field: field.element, optional: false, nullable: false }, world).map((p) => [p]),
        fc.constantFrom('not a list', 7, ...(nullable ? [] : [null])),
      );
    case 'other':
      return fc.constantFrom(...wrongTypes(nullable));
  }
}

/** One request's input as the JSON text tRPC receives, and the field that must be named. */
export interface TFuzzCase {
  json: string;
  /** The field the poison went into, or null when the whole input is the problem. */
  target: string | null;
  why: string;
}

function encoded(input: unknown): string {
  return JSON.stringify(superjson.serialize(input));
}

/** `{"json":{field:[[[…]]]}}` nested `depth` deep, written by hand (superjson would recurse). */
function nested(field: string | null, depth: number): string {
  const deep = '['.repeat(depth) + ']'.repeat(depth);
  return field === null
    ? `{"json":${deep}}`
    : `{"json":${JSON.stringify({ [field]: 0 }).replace('0', deep)}}`;
}

/** superjson meta that does not fit its json: each once made a raw JavaScript message leave. */
const BROKEN_META = [
  '{"json":{},"meta":{"values":{"a.b.c":["Date"]}}}',
  '{"json":{"x":1},"meta":{"values":{"x":[["custom","nope"]]}}}',
  '{"json":1,"meta":{"values":["map"]}}',
  '{"json":{"x":"y"},"meta":{"values":{"x":["set"]}}}',
  '{"json":{"x":[1]},"meta":{"values":{"x":["map"]}}}',
  '{"json":null,"meta":{"referentialEqualities":{"x":["y.z"]}}}',
  '{"json":{"a":{}},"meta":{"referentialEqualities":["a", 5]}}',
  '{"json":{},"meta":"values"}',
  '{"json":{},"meta":{"values":{"":["undefined"]},"v":99}}',
  '{"json":{"x":"1"},"meta":{"values":{"x":["bigint"]}}}',
  '{"json":{"x":"/(/"},"meta":{"values":{"x":["regexp"]}}}',
  '{"json":{"x":"a"},"meta":{"values":{"x":[["class","Nope"]]}}}',
  '{"meta":{"values":{"json":["Date"]}}}',
  '"just a string"',
  '[]',
  'null',
  '{"json":',
];

/** Every kind of hostile input for one procedure. */
export function fuzzCases(shape: TInputShape, world: TFuzzWorld): fc.Arbitrary<TFuzzCase> {
  const whole = fc.oneof(
    fc
      .constantFrom<unknown>(
        'x',
        42,
        [],
        true,
        ...(shape.kind === 'none' ? [{}, { id: 1 }, null] : [null]),
      )
      .map((input) => ({
        json: encoded(input),
        target: null,
        why: 'the whole input has the wrong type',
      })),
    fc.constantFrom(...BROKEN_META).map((json) => ({ json, target: null, why: 'broken meta' })),
    fc
      .constantFrom(2_000, 200_000)
      .map((depth) => ({ json: nested(null, depth), target: null, why: `nesting ${depth}` })),
    fc.constantFrom('__proto__', 'constructor', 'prototype').map((key) => ({
      json: `{"json":{"${key}":{"isAdmin":true}}}`,
      target: null,
      why: `a ${key} key`,
    })),
  );
  if (shape.kind === 'none') return whole;
  const names = Object.keys(shape.fields);
  const plausibleInput = fc.record(
    Object.fromEntries(
      names.map((name) => {
        const spec = shape.fields[name]!;
        return [
          name,
          spec.optional
            ? fc.option(plausible(spec.field, world), { nil: undefined })
            : plausible(spec.field, world),
        ];
      }),
    ),
  );
  const poisoned = fc
    .tuple(fc.constantFrom(...names), plausibleInput, fc.boolean())
    .chain(([target, input, extraKey]) =>
      poisons(shape.fields[target]!, world).map((poison): TFuzzCase => {
        const value: Record<string, unknown> = { ...input, [target]: poison };
        if (extraKey) value.unexpectedExtra = 'ignored';
        for (const [key, v] of Object.entries(value)) if (v === undefined) delete value[key];
        const why = `${target} = ${describePoison(poison)}`;
        if (!(poison instanceof RawDate)) return { json: encoded(value), target, why };
        const envelope = superjson.serialize({ ...value, [target]: null }) as {
          json: Record<string, unknown>;
          meta?: { values?: Record<string, unknown> };
        };
        envelope.json[target] = poison.text;
        envelope.meta = {
          ...envelope.meta,
          values: { ...envelope.meta?.values, [target]: ['Date'] },
        };
        return { json: JSON.stringify(envelope), target, why };
      }),
    );
  const deepField = fc
    .tuple(fc.constantFrom(...names), fc.constantFrom(2_000, 200_000))
    .map(([target, depth]) => ({
      json: nested(target, depth),
      target: depth > 10_000 ? null : target,
      why: `${target} nested ${depth}`,
    }));
  return fc.oneof(
    { arbitrary: poisoned, weight: 6 },
    { arbitrary: whole, weight: 2 },
    { arbitrary: deepField, weight: 1 },
  );
}

function describePoison(poison: unknown): string {
  if (typeof poison === 'string') {
    return poison.length > 40 ? `a ${poison.length}-character string` : JSON.stringify(poison);
  }
  if (poison instanceof RawDate) return `Date("${poison.text}")`;
  return JSON.stringify(poison) ?? String(poison);
}
