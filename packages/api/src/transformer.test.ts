import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { shareSerialized, transformer } from './transformer';

describe('transformer', () => {
  it('is superjson on the wire, for shared and ordinary values alike', () => {
    const value = { at: new Date('2026-11-25T10:00:00Z'), rows: [{ n: 1, when: new Date(0) }] };
    const ordinary = transformer.serialize(structuredClone(value));
    const shared = transformer.serialize(shareSerialized(structuredClone(value)));
    expect(shared).toEqual(superjson.serialize(value));
    expect(ordinary).toEqual(shared);
    expect(transformer.deserialize(shared)).toEqual(value);
  });

  it('serialises a shared value once and freezes it, so its serialised form cannot go stale', () => {
    const value = shareSerialized({ list: [{ title: 'Crane' }] });
    expect(transformer.serialize(value)).toBe(transformer.serialize(value));
    expect(() => {
      (value.list[0] as { title: string }).title = 'Changed';
    }).toThrow(TypeError);
    // An ordinary value is serialised afresh each time.
    const plain = { list: [1] };
    expect(transformer.serialize(plain)).not.toBe(transformer.serialize(plain));
  });
});
