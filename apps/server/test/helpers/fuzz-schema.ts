/**
 * What a procedure's input looks like, read from its own zod schema (zod 4's `_zod.def`), so the
 * fuzz suite (fuzz-inputs.ts) can build values for any field without a generator per procedure.
 */

/** The part of a zod 4 schema's definition this reads (zod's own `_zod.def`). */
interface TZodLike {
  _zod: { def: TZodDef };
}
interface TZodDef {
  type: string;
  format?: string;
  innerType?: TZodLike;
  in?: TZodLike;
  shape?: Record<string, TZodLike>;
  element?: TZodLike;
  entries?: Record<string, string>;
}

export type TField =
  | { kind: 'string' | 'uuid' | 'email' | 'number' | 'date' | 'boolean' | 'other' }
  | { kind: 'enum'; values: string[] }
  | { kind: 'array'; element: TField };

export interface TFieldSpec {
  field: TField;
  optional: boolean;
  nullable: boolean;
}

/** What a procedure takes: nothing, or an object of fields. */
export type TInputShape = { kind: 'none' } | { kind: 'object'; fields: Record<string, TFieldSpec> };

function unwrap(schema: TZodLike): TFieldSpec {
  let current = schema;
  let optional = false;
  let nullable = false;
  for (;;) {
    const def = current._zod.def;
    if (def.type === 'optional' || def.type === 'default') optional = true;
    else if (def.type === 'nullable') nullable = true;
    else if (def.type === 'pipe' && def.in) {
      current = def.in;
      continue;
    } else break;
    if (!def.innerType) break;
    current = def.innerType;
  }
  return { field: fieldOf(current), optional, nullable };
}

function fieldOf(schema: TZodLike): TField {
  const def = schema._zod.def;
  switch (def.type) {
    case 'string':
      if (def.format === 'uuid') return { kind: 'uuid' };
      if (def.format === 'email') return { kind: 'email' };
      return { kind: 'string' };
    case 'number':
    case 'date':
    case 'boolean':
      return { kind: def.type };
    case 'enum':
      return { kind: 'enum', values: Object.values(def.entries ?? {}) };
    case 'array':
      return def.element
        ? { kind: 'array', element: unwrap(def.element).field }
        : { kind: 'other' };
    default:
      return { kind: 'other' };
  }
}

/** The shape of a tRPC procedure's input, read from its (single) zod input parser. */
export function inputShapeOf(inputs: unknown[]): TInputShape {
  const [schema] = inputs as TZodLike[];
  if (!schema) return { kind: 'none' };
  let current = schema;
  while (['optional', 'default', 'nullable'].includes(current._zod.def.type)) {
    const inner = current._zod.def.innerType;
    if (!inner) break;
    current = inner;
  }
  const def = current._zod.def;
  if (def.type === 'undefined') return { kind: 'none' };
  if (def.type !== 'object' || !def.shape) {
    throw new Error(`the fuzz suite cannot read an input of type ${def.type}: teach it`);
  }
  return {
    kind: 'object',
    fields: Object.fromEntries(Object.entries(def.shape).map(([key, s]) => [key, unwrap(s)])),
  };
}
