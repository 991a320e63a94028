import { describe, expect, it } from 'vitest';
import { ZCreateEquipmentSchema, ZCreateEquipmentTypeSchema } from './equipment';
import { ZCreateDriverSchema } from './drivers';
import { ZCreateWorkOrderSchema, ZUpdateWorkOrderSchema } from './work-orders';

const uuid = '6f1c1c7e-8d3a-4b8e-9a52-2c1f7a0b9e11';

describe('input schemas', () => {
  it('normalises equipment codes and type names', () => {
    expect(
      ZCreateEquipmentSchema.parse({ code: ' t-12 ', name: 'Tipper', typeId: uuid }).code,
    ).toBe('T-12');
    expect(ZCreateEquipmentTypeSchema.parse({ name: ' Crane-50T ' }).name).toBe('crane-50t');
    expect(ZCreateEquipmentTypeSchema.safeParse({ name: 'crane 50t' }).success).toBe(false);
  });

  it('fills work-order defaults and requires coordinates in pairs', () => {
    const parsed = ZCreateWorkOrderSchema.parse({
      title: 'Lift',
      siteAddress: '1 Quay St',
      equipmentTypeId: uuid,
    });
    expect(parsed.priority).toBe('standard');
    expect(parsed.description).toBe('');
    const lonely = ZCreateWorkOrderSchema.safeParse({
      title: 'Lift',
      siteAddress: '1 Quay St',
      equipmentTypeId: uuid,
      lat: 51.5,
    });
    expect(lonely.success).toBe(false);
    expect(ZUpdateWorkOrderSchema.safeParse({ id: uuid, lat: null, lng: null }).success).toBe(true);
  });

  it('rejects blank, oversized and control-character text', () => {
    const base = { siteAddress: 'x', equipmentTypeId: uuid };
    expect(ZCreateWorkOrderSchema.safeParse({ ...base, title: '   ' }).success).toBe(false);
    expect(ZCreateWorkOrderSchema.safeParse({ ...base, title: 'a'.repeat(201) }).success).toBe(
      false,
    );
    expect(ZCreateWorkOrderSchema.safeParse({ ...base, title: 'bell\u0007' }).success).toBe(false);
    expect(
      ZCreateWorkOrderSchema.safeParse({ ...base, title: 'ok', description: 'line 1\nline 2\ttab' })
        .success,
    ).toBe(true);
  });

  it('validates driver contact details and duplicate qualifications', () => {
    const driver = { name: 'Ann Lee', phone: '+44 20 7946 0958', email: 'ann@example.com' };
    expect(ZCreateDriverSchema.parse(driver).qualificationTypeIds).toEqual([]);
    expect(ZCreateDriverSchema.safeParse({ ...driver, email: 'nope' }).success).toBe(false);
    expect(ZCreateDriverSchema.safeParse({ ...driver, phone: 'call me' }).success).toBe(false);
    expect(
      ZCreateDriverSchema.safeParse({ ...driver, qualificationTypeIds: [uuid, uuid] }).success,
    ).toBe(false);
  });
});
