import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../../test/schema-results';
import {
  ZAssignDispatchSchema,
  ZCandidatesSchema,
  ZCompleteDispatchSchema,
  ZReleaseDispatchSchema,
} from './dispatch';

const workOrderId = '6f1c1c7e-8d3a-4b8e-9a52-2c1f7a0b9e11';
const equipmentId = '0b6a4a4e-1f7e-4c8e-8a3b-6e0f2d9c1a22';
const driverId = '7c2d9e1a-3b4f-4a5c-9d6e-8f0a1b2c3d44';

describe('assign', () => {
  it('takes the three ids and an optional idempotency key', () => {
    const input = { workOrderId, equipmentId, driverId };
    expect(ZAssignDispatchSchema.parse(input)).toEqual(input);
    expect(ZAssignDispatchSchema.parse({ ...input, idempotencyKey: 'assign:0001' })).toEqual({
      ...input,
      idempotencyKey: 'assign:0001',
    });
  });

  it('names each missing or bad id', () => {
    expect(
      fieldErrors(
        ZAssignDispatchSchema.safeParse({ equipmentId: '', driverId: 'x', idempotencyKey: 'a b' }),
      ),
    ).toEqual({
      workOrderId: ['Required.'],
      equipmentId: ['Required.'],
      driverId: ['Must be a valid id.'],
      idempotencyKey: ['Use at least 8 characters.', 'Use letters, digits and _ . : - only.'],
    });
  });
});

describe('release', () => {
  it('sends the equipment back as available unless told otherwise', () => {
    expect(ZReleaseDispatchSchema.parse({ workOrderId, reason: ' Swap driver ' })).toEqual({
      workOrderId,
      reason: 'Swap driver',
      equipmentStatus: 'available',
    });
    for (const equipmentStatus of ['maintenance', 'out_of_service'] as const) {
      expect(
        ZReleaseDispatchSchema.parse({ workOrderId, reason: 'Breakdown', equipmentStatus }),
      ).toEqual({ workOrderId, reason: 'Breakdown', equipmentStatus });
    }
  });

  it('needs a reason of 3 to 500 characters and a settable status', () => {
    expect(
      fieldErrors(
        ZReleaseDispatchSchema.safeParse({
          workOrderId: 'x',
          reason: 'no',
          equipmentStatus: 'assigned',
        }),
      ),
    ).toEqual({
      workOrderId: ['Must be a valid id.'],
      reason: ['Use at least 3 characters.'],
      equipmentStatus: [expect.any(String)],
    });
    expect(
      fieldErrors(ZReleaseDispatchSchema.safeParse({ workOrderId, reason: 'r'.repeat(501) })),
    ).toEqual({ reason: ['Use at most 500 characters.'] });
  });
});

describe('complete', () => {
  it('takes an optional multi-line note, empty by default', () => {
    expect(ZCompleteDispatchSchema.parse({ workOrderId })).toEqual({ workOrderId, note: '' });
    expect(ZCompleteDispatchSchema.parse({ workOrderId, note: ' Done.\nSigned by Bo. ' })).toEqual({
      workOrderId,
      note: 'Done.\nSigned by Bo.',
    });
  });

  it('refuses a long note, control characters and a missing order', () => {
    expect(fieldErrors(ZCompleteDispatchSchema.safeParse({ note: 'n'.repeat(2001) }))).toEqual({
      workOrderId: ['Required.'],
      note: ['Use at most 2000 characters.'],
    });
    expect(fieldErrors(ZCompleteDispatchSchema.safeParse({ workOrderId, note: '\u0007' }))).toEqual(
      {
        note: ['Must not contain control characters.'],
      },
    );
  });
});

describe('candidates', () => {
  it('takes the work order id', () => {
    expect(ZCandidatesSchema.parse({ workOrderId })).toEqual({ workOrderId });
    expect(fieldErrors(ZCandidatesSchema.safeParse({}))).toEqual({ workOrderId: ['Required.'] });
  });
});
