/**
 * Checks on a /trpc request that run before tRPC sees it. tRPC's Fastify adapter takes the JSON body
 * as a raw string and parses it itself, so Fastify's own prototype-poisoning guard never runs on
 * it: these do that job, and count the calls in a batch for the rate limit.
 */
const POLLUTING_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type TBodyProblem =
  { kind: 'polluting-key'; key: string } | { kind: 'too-deep' } | { kind: 'not-an-object' };

/**
 * The first prototype-polluting key anywhere in a JSON text, a nesting too deep to walk, or JSON
 * that is not an object: tRPC's envelope (`{"json": …, "meta": …}`, or `{"0": …}` for a batch)
 * always is, and superjson reads a bare string, array or null as "no input at all", which would
 * let garbage call a procedure that takes none. Text that is not JSON is tRPC's to refuse (with
 * its own 400), so it passes here.
 */
export function bodyProblem(json: string): TBodyProblem | null {
  let found: string | null = null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json, (key, value: unknown) => {
      if (found === null && POLLUTING_KEYS.has(key)) found = key;
      return value;
    });
  } catch (error) {
    // The reviver walks recursively: a RangeError is a nesting no real call needs.
    if (error instanceof RangeError) return { kind: 'too-deep' };
    return null;
  }
  if (found !== null) return { kind: 'polluting-key', key: found };
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { kind: 'not-an-object' };
  }
  return null;
}

/** How many procedure calls a /trpc URL carries: `/trpc/a,b,c?batch=1` is a batch of three. */
export function callsIn(url: string): number {
  const path = url.split('?')[0] ?? '';
  const procedures = path.slice(path.lastIndexOf('/') + 1);
  return procedures === '' ? 1 : procedures.split(',').length;
}
