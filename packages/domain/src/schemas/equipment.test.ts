import { describe, expect, it } from 'vitest';
import { everywhere, fieldErrors, messages } from '../../test/schema-results';
import {
  ZCreateEquipmentSchema,
  ZCreateEquipmentTypeSchema,
  ZEquipmentCodeSchema,
  ZEquipmentHistorySchema,
  ZEquipmentTypeNameSchema,
  ZListEquipmentSchema,
  ZSetEquipmentStatusSchema,
  ZUpdateEquipmentSchema,
} from './equipment';

const uuid = '6f1c1c7e-8d3a-4b8e-9a52-2c1f7a0b9e11';
const TYPE_MESSAGE = 'Use lowercase letters, digits and dashes, e.g. crane-50t.';
const CODE_MESSAGE = 'Use letters, digits and dashes, e.g. T-12.';

describe('equipment type names', () => {
  it('trims and lower-cases', () => {
    expect(ZEquipmentTypeNameSchema.parse(' Crane-50T ')).toBe('crane-50t');
    expect(ZCreateEquipmentTypeSchema.parse({ name: ' FLATBED ' })).toEqual({ name: 'flatbed' });
  });

  it('takes 2 to 40 characters, counted after trimming', () => {
    for (const name of ['ab', '0z', '9a', 'z-', 'a'.repeat(40), ` ${'b'.repeat(40)} `]) {
      expect(ZEquipmentTypeNameSchema.safeParse(name).success, name).toBe(true);
    }
    expect(messages(ZEquipmentTypeNameSchema.safeParse(' a '))).toEqual([
      'Use at least 2 characters.',
    ]);
    expect(messages(ZEquipmentTypeNameSchema.safeParse('a'.repeat(41)))).toEqual([
      'Use at most 40 characters.',
    ]);
  });

  it('starts with a letter or digit and continues with letters, digits and dashes', () => {
    expect(messages(ZEquipmentTypeNameSchema.safeParse('-crane'))).toEqual([TYPE_MESSAGE]);
    expect(messages(ZEquipmentTypeNameSchema.safeParse('--'))).toEqual([TYPE_MESSAGE]);
    for (const bad of [' ', '_', '.', '/', 'é', '\u0000']) {
      for (const name of everywhere('crane-50t', bad)) {
        // A space at either end is trimmed away, which is fine.
        if (name.trim() === 'crane-50t') continue;
        expect(messages(ZEquipmentTypeNameSchema.safeParse(name)), JSON.stringify(name)).toEqual([
          TYPE_MESSAGE,
        ]);
      }
    }
  });
});

describe('equipment codes', () => {
  it('trims and upper-cases', () => {
    expect(ZEquipmentCodeSchema.parse(' t-12 ')).toBe('T-12');
  });

  it('takes 1 to 20 characters, counted after trimming', () => {
    for (const code of ['A', 'Z', '0', '9', '0-', 'Z'.repeat(20), ` ${'9'.repeat(20)} `]) {
      expect(ZEquipmentCodeSchema.safeParse(code).success, code).toBe(true);
    }
    expect(messages(ZEquipmentCodeSchema.safeParse('  '))).toEqual(['Required.', CODE_MESSAGE]);
    expect(messages(ZEquipmentCodeSchema.safeParse('A'.repeat(21)))).toEqual([
      'Use at most 20 characters.',
    ]);
  });

  it('starts with a letter or digit and continues with letters, digits and dashes', () => {
    expect(messages(ZEquipmentCodeSchema.safeParse('-T12'))).toEqual([CODE_MESSAGE]);
    for (const bad of ['_', '.', '/', 'é', '\u0000', '#']) {
      for (const code of everywhere('T-12', bad)) {
        expect(messages(ZEquipmentCodeSchema.safeParse(code)), JSON.stringify(code)).toEqual([
          CODE_MESSAGE,
        ]);
      }
    }
  });
});

describe('equipment create and update', () => {
  it('returns every field of a create, normalised', () => {
    expect(
      ZCreateEquipmentSchema.parse({
        code: ' t-12 ',
        name: ' Tipper ',
        typeId: uuid,
        idempotencyKey: 'create-t-12',
      }),
    ).toEqual({ code: 'T-12', name: 'Tipper', typeId: uuid, idempotencyKey: 'create-t-12' });
    expect(ZCreateEquipmentSchema.parse({ code: 'T-12', name: 'Tipper', typeId: uuid })).toEqual({
      code: 'T-12',
      name: 'Tipper',
      typeId: uuid,
    });
  });

  it('puts each create problem on its field', () => {
    expect(
      fieldErrors(
        ZCreateEquipmentSchema.safeParse({
          code: '-',
          name: 'n'.repeat(121),
          typeId: '',
          idempotencyKey: 'bad key!',
        }),
      ),
    ).toEqual({
      code: [CODE_MESSAGE],
      name: ['Use at most 120 characters.'],
      typeId: ['Required.'],
      idempotencyKey: ['Use letters, digits and _ . : - only.'],
    });
  });

  it('updates only the fields given, with the create rules', () => {
    expect(ZUpdateEquipmentSchema.parse({ id: uuid })).toEqual({ id: uuid });
    expect(
      ZUpdateEquipmentSchema.parse({ id: uuid, code: 'c-1', name: ' Crane ', typeId: uuid }),
    ).toEqual({ id: uuid, code: 'C-1', name: 'Crane', typeId: uuid });
    expect(
      fieldErrors(
        ZUpdateEquipmentSchema.safeParse({ id: 'x', code: 'C 1', name: '', typeId: 'x' }),
      ),
    ).toEqual({
      id: ['Must be a valid id.'],
      code: [CODE_MESSAGE],
      name: ['Required.'],
      typeId: ['Must be a valid id.'],
    });
  });
});

describe('equipment status', () => {
  it('takes a settable status and an optional note of up to 500 characters', () => {
    expect(ZSetEquipmentStatusSchema.parse({ id: uuid, status: 'maintenance' })).toEqual({
      id: uuid,
      status: 'maintenance',
    });
    expect(
      ZSetEquipmentStatusSchema.parse({ id: uuid, status: 'out_of_service', note: ' ' }),
    ).toEqual({ id: uuid, status: 'out_of_service', note: '' });
    expect(
      ZSetEquipmentStatusSchema.parse({ id: uuid, status: 'available', note: 'n'.repeat(500) })
        .note,
    ).toHaveLength(500);
  });

  it('refuses assigned, a missing id and a long note', () => {
    expect(
      fieldErrors(
        ZSetEquipmentStatusSchema.safeParse({ id: '', status: 'assigned', note: 'n'.repeat(501) }),
      ),
    ).toEqual({
      id: ['Required.'],
      status: [expect.any(String)],
      note: ['Use at most 500 characters.'],
    });
  });
});

describe('equipment list and history', () => {
  it('filters by any status, a type and a trimmed search', () => {
    expect(ZListEquipmentSchema.parse({})).toEqual({ limit: 25 });
    expect(
      ZListEquipmentSchema.parse({ status: 'assigned', typeId: uuid, search: ' c-1 ', limit: 3 }),
    ).toEqual({ status: 'assigned', typeId: uuid, search: 'c-1', limit: 3 });
    expect(
      fieldErrors(
        ZListEquipmentSchema.safeParse({ status: 'broken', typeId: 'x', search: 's'.repeat(101) }),
      ),
    ).toEqual({
      status: [expect.any(String)],
      typeId: ['Must be a valid id.'],
      search: [expect.any(String)],
    });
  });

  it('pages through one unit', () => {
    expect(ZEquipmentHistorySchema.parse({ id: uuid })).toEqual({ id: uuid, limit: 25 });
    expect(ZEquipmentHistorySchema.parse({ id: uuid, cursor: 'c', limit: 100 })).toEqual({
      id: uuid,
      cursor: 'c',
      limit: 100,
    });
    expect(fieldErrors(ZEquipmentHistorySchema.safeParse({ limit: 0 }))).toEqual({
      id: ['Required.'],
      limit: [expect.any(String)],
    });
  });
});
