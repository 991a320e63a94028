import { TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { InputEncodingError } from './errors/input-encoding-error';
import { readInput } from './read-input';

/** What a client sends: superjson's envelope, through JSON text and back. */
const wire = (value: unknown): unknown => JSON.parse(JSON.stringify(superjson.serialize(value)));

function refusal(payload: unknown): InputEncodingError {
  try {
    readInput(payload);
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    const cause = (error as TRPCError).cause;
    expect(cause).toBeInstanceOf(InputEncodingError);
    return cause as InputEncodingError;
  }
  throw new Error(`accepted ${JSON.stringify(payload)}`);
}

describe('reading an input', () => {
  it('takes what any superjson client sends, unchanged', () => {
    const inputs = [
      { id: 'x', at: new Date('2026-12-04T10:00:00Z'), list: [1, 'a', null] },
      { lat: Number.NaN, lng: -0, big: Infinity, gone: undefined },
      { nested: { dates: [new Date(0), new Date(8.64e15)] } },
      'text',
      42,
      undefined,
      null,
    ];
    for (const input of inputs) expect(readInput(wire(input))).toEqual(input);
  });

  it('takes plain JSON without annotations, and an empty envelope as no input', () => {
    expect(readInput({ json: { a: 1 } })).toEqual({ a: 1 });
    expect(readInput({})).toBeUndefined();
    expect(readInput(undefined)).toBeUndefined();
    // superjson's version stamp may be missing (an older client) or present.
    expect(readInput({ json: 'NaN', meta: { values: ['number'] } })).toBeNaN();
  });

  it('refuses annotations that do not describe the value, naming the field', () => {
    const cases: [unknown, (string | number)[]][] = [
      [{ json: { dueBy: 'not a date' }, meta: { values: { dueBy: ['Date'] } } }, ['dueBy']],
      [{ json: { x: 'y' }, meta: { values: { x: ['set'] } } }, ['x']],
      [{ json: { a: 1 }, meta: { values: { 'a.b.c': ['Date'] } } }, []],
      [{ json: {}, meta: 'values' }, []],
      [{ json: { x: 1 }, meta: { values: { x: [['custom', 'nope']] } } }, []],
      [{ meta: { values: { json: ['Date'] } } }, []],
      [null, []],
      ['just a string', []],
    ];
    for (const [payload, path] of cases) {
      expect(refusal(payload).path, JSON.stringify(payload)).toEqual(path);
    }
  });

  it('refuses a nesting deeper than any input, before superjson walks it', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const error = refusal({ json: { ok: 1, statuses: deep } });
    expect(error.path).toEqual(['statuses']);
    expect(error.message).toBe('Nested too deeply.');
    expect(error.fieldErrors).toEqual({ statuses: ['Nested too deeply.'] });
  });
});
