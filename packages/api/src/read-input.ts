import { isDeepStrictEqual } from 'node:util';
import { TRPCError } from '@trpc/server';
import superjson, { type SuperJSONResult } from 'superjson';
import { InputEncodingError } from './errors/input-encoding-error';

type TEnvelope = { json?: unknown; meta?: unknown };

/** The annotations that matter: superjson's version stamp aside, and none the same as empty. */
function annotations(envelope: TEnvelope): unknown {
  const meta = envelope.meta;
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) return meta;
  const { v: _version, ...rest } = meta as Record<string, unknown>;
  return Object.keys(rest).length > 0 ? rest : undefined;
}

/** The path of the first place two JSON values differ, for the error to name the field. */
function firstDifference(
  sent: unknown,
  canonical: unknown,
  path: (string | number)[] = [],
): (string | number)[] {
  if (sent && canonical && typeof sent === 'object' && typeof canonical === 'object') {
    for (const key of new Set([...Object.keys(sent), ...Object.keys(canonical)])) {
      const left = (sent as Record<string, unknown>)[key];
      const right = (canonical as Record<string, unknown>)[key];
      if (!isDeepStrictEqual(left, right)) {
        return firstDifference(left, right, [...path, Array.isArray(sent) ? Number(key) : key]);
      }
    }
  }
  return path;
}

/** Deeper than any input of ours (three levels at most); superjson walks values recursively. */
const MAX_DEPTH = 32;

/** The first top-level field nested deeper than MAX_DEPTH, found without recursing. */
function tooDeepField(json: unknown): string | number | null {
  if (json === null || typeof json !== 'object') return null;
  const entries = Object.entries(json);
  for (const [key, top] of entries) {
    const pending: [unknown, number][] = [[top, 1]];
    while (pending.length > 0) {
      const [value, depth] = pending.pop()!;
      if (value === null || typeof value !== 'object') continue;
      if (depth > MAX_DEPTH) return Array.isArray(json) ? Number(key) : key;
      for (const child of Object.values(value)) pending.push([child, depth + 1]);
    }
  }
  return null;
}

/**
 * Decodes a call's input, and refuses one whose superjson annotations do not describe its value:
 * decoded and encoded again, it must come back as it was sent. Our clients, and any superjson
 * client, always send that canonical form; a hand-made envelope that is not (a Date annotation on
 * text that is no date, a Set on a string, annotations for paths that do not exist, meta that is
 * not an object) would otherwise be decoded into something else (an invalid Date, or no input at
 * all) or make superjson throw a raw JavaScript message. The refusal is a 400 naming the field.
 * An empty envelope (`{}`) is no input, as a hand-written `curl -d '{}'` means.
 */
export function readInput(payload: unknown): unknown {
  if (payload === undefined) return undefined;
  if (payload !== null && typeof payload === 'object' && Object.keys(payload).length === 0) {
    return undefined;
  }
  const envelope = (payload ?? {}) as TEnvelope;
  const deep = tooDeepField(envelope.json);
  if (deep !== null) {
    const cause = new InputEncodingError([deep], 'Nested too deeply.');
    throw new TRPCError({ code: 'BAD_REQUEST', message: cause.message, cause });
  }
  let value: unknown;
  let canonical: TEnvelope | undefined;
  try {
    value = superjson.deserialize(payload as SuperJSONResult);
    canonical = superjson.serialize(value) as TEnvelope;
  } catch {
    canonical = undefined;
  }
  if (
    canonical !== undefined &&
    isDeepStrictEqual(canonical.json, envelope.json) &&
    isDeepStrictEqual(annotations(canonical), annotations(envelope))
  ) {
    return value;
  }
  const cause = new InputEncodingError(
    canonical ? firstDifference(envelope.json, canonical.json) : [],
  );
  throw new TRPCError({ code: 'BAD_REQUEST', message: cause.message, cause });
}
