import superjson, { type SuperJSONResult } from 'superjson';
import { readInput } from './read-input';

const serializedForms = new WeakMap<object, SuperJSONResult>();

function freezeDeep(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) freezeDeep(child);
}

/**
 * Marks a value that many responses will return unchanged (the shared dashboard): its superjson
 * form is computed once here instead of once per response. Serialising the dashboard costs about
 * four times as much as the JSON text itself (superjson walks every node to annotate the dates),
 * which made serialisation, not the database, the summary's limit. The value is frozen, so nothing
 * can change it after its serialised form is taken.
 */
export function shareSerialized<T extends object>(value: T): T {
  freezeDeep(value);
  serializedForms.set(value, superjson.serialize(value));
  return value;
}

/** superjson, except for values marked with `shareSerialized`. The wire format is superjson's. */
export const transformer = {
  serialize(value: unknown): SuperJSONResult {
    const shared =
      value !== null && typeof value === 'object' ? serializedForms.get(value) : undefined;
    return shared ?? superjson.serialize(value);
  },
  /** Inputs only (the server never decodes anything else): strictly canonical superjson. */
  deserialize<T>(payload: unknown): T {
    return readInput(payload) as T;
  },
};
