import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fieldErrors } from '../../test/schema-results';
import { type z } from 'zod';
import {
  ZCancelWorkOrderSchema,
  ZCreateWorkOrderSchema,
  ZListWorkOrdersSchema,
  ZUpdateWorkOrderSchema,
} from './work-orders';

const uuid = '6f1c1c7e-8d3a-4b8e-9a52-2c1f7a0b9e11';
const PAIR_MESSAGE = 'Give both latitude and longitude, or neither.';
const NOW = new Date('2026-03-01T12:00:00Z');
const FIVE_YEARS_MS = 5 * 365 * 24 * 3600 * 1000;
const base = { title: 'Lift', siteAddress: '1 Quay St', equipmentTypeId: uuid };

function issues(result: z.ZodSafeParseResult<unknown>) {
  expect(result.success).toBe(false);
  return result.error?.issues.map(({ code, path, message }) => ({ code, path, message }));
}

const pairIssue = { code: 'custom', path: ['lat'], message: PAIR_MESSAGE };

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('coordinates come in pairs', () => {
  it('create: both or neither is fine', () => {
    expect(ZCreateWorkOrderSchema.parse({ ...base, lat: 51.5, lng: -0.12 })).toMatchObject({
      lat: 51.5,
      lng: -0.12,
    });
    const neither = ZCreateWorkOrderSchema.parse(base);
    expect(neither).not.toHaveProperty('lat');
    expect(neither).not.toHaveProperty('lng');
    expect(ZCreateWorkOrderSchema.parse({ ...base, lat: 0, lng: 0 })).toMatchObject({
      lat: 0,
      lng: 0,
    });
  });

  it('create: a lone latitude or a lone longitude is refused on `lat`', () => {
    expect(issues(ZCreateWorkOrderSchema.safeParse({ ...base, lat: 51.5 }))).toEqual([pairIssue]);
    expect(issues(ZCreateWorkOrderSchema.safeParse({ ...base, lng: -0.12 }))).toEqual([pairIssue]);
    expect(issues(ZCreateWorkOrderSchema.safeParse({ ...base, lat: 0 }))).toEqual([pairIssue]);
  });

  it('update: both, neither or both cleared is fine', () => {
    for (const patch of [{}, { lat: 1, lng: 2 }, { lat: null, lng: null }]) {
      expect(ZUpdateWorkOrderSchema.parse({ id: uuid, ...patch })).toEqual({ id: uuid, ...patch });
    }
  });

  it('update: a lone or half-cleared pair is refused on `lat`', () => {
    for (const patch of [
      { lat: 1 },
      { lng: 2 },
      { lat: null },
      { lng: null },
      { lat: null, lng: 2 },
      { lat: 1, lng: null },
    ]) {
      expect(
        issues(ZUpdateWorkOrderSchema.safeParse({ id: uuid, ...patch })),
        JSON.stringify(patch),
      ).toEqual([pairIssue]);
    }
  });

  it('keeps latitude within ±90 and longitude within ±180', () => {
    for (const [lat, lng] of [
      [-90, -180],
      [90, 180],
      [-89.5, 179.9],
    ]) {
      expect(ZCreateWorkOrderSchema.safeParse({ ...base, lat, lng }).success, `${lat},${lng}`).toBe(
        true,
      );
      expect(ZUpdateWorkOrderSchema.safeParse({ id: uuid, lat, lng }).success).toBe(true);
    }
    for (const [lat, lng, field] of [
      [-90.001, 0, 'lat'],
      [90.001, 0, 'lat'],
      [0, -180.001, 'lng'],
      [0, 180.001, 'lng'],
    ] as const) {
      const errors = fieldErrors(ZCreateWorkOrderSchema.safeParse({ ...base, lat, lng }));
      expect(Object.keys(errors), `${lat},${lng}`).toEqual([field]);
      expect(
        Object.keys(fieldErrors(ZUpdateWorkOrderSchema.safeParse({ id: uuid, lat, lng }))),
      ).toEqual([field]);
    }
  });
});

describe('due-by', () => {
  it('is a Date from 2000 on', () => {
    const y2k = new Date('2000-01-01T00:00:00Z');
    expect(ZCreateWorkOrderSchema.parse({ ...base, dueBy: y2k }).dueBy).toEqual(y2k);
    expect(
      issues(ZCreateWorkOrderSchema.safeParse({ ...base, dueBy: new Date(y2k.getTime() - 1) })),
    ).toEqual([{ code: 'too_small', path: ['dueBy'], message: 'Too far in the past.' }]);
    expect(
      issues(ZCreateWorkOrderSchema.safeParse({ ...base, dueBy: '2026-03-02T00:00:00Z' })),
    ).toEqual([{ code: 'invalid_type', path: ['dueBy'], message: 'Must be a date and time.' }]);
  });

  it('is less than five years (of 365 days) ahead of now', () => {
    const latest = new Date(NOW.getTime() + FIVE_YEARS_MS - 1);
    expect(ZCreateWorkOrderSchema.parse({ ...base, dueBy: latest }).dueBy).toEqual(latest);
    expect(ZCreateWorkOrderSchema.parse({ ...base, dueBy: NOW }).dueBy).toEqual(NOW);
    const tooLate = new Date(NOW.getTime() + FIVE_YEARS_MS);
    const tooLateIssue = { code: 'custom', path: ['dueBy'], message: 'Too far in the future.' };
    expect(issues(ZCreateWorkOrderSchema.safeParse({ ...base, dueBy: tooLate }))).toEqual([
      tooLateIssue,
    ]);
    expect(issues(ZUpdateWorkOrderSchema.safeParse({ id: uuid, dueBy: tooLate }))).toEqual([
      tooLateIssue,
    ]);
  });

  it('moves with the clock', () => {
    const dueBy = new Date(NOW.getTime() + FIVE_YEARS_MS + 1000);
    expect(ZCreateWorkOrderSchema.safeParse({ ...base, dueBy }).success).toBe(false);
    vi.setSystemTime(new Date(NOW.getTime() + 2000));
    expect(ZCreateWorkOrderSchema.safeParse({ ...base, dueBy }).success).toBe(true);
  });

  it('can be cleared on update', () => {
    expect(ZUpdateWorkOrderSchema.parse({ id: uuid, dueBy: null })).toEqual({
      id: uuid,
      dueBy: null,
    });
  });
});

describe('work-order create', () => {
  it('returns every field, with an empty description and standard priority by default', () => {
    expect(ZCreateWorkOrderSchema.parse(base)).toEqual({
      ...base,
      description: '',
      priority: 'standard',
    });
    const dueBy = new Date('2026-04-01T09:00:00Z');
    const full = {
      title: ' Lift ',
      description: ' Two pallets\nthen the crate ',
      siteAddress: ' 1 Quay St ',
      lat: 51.5,
      lng: -0.12,
      equipmentTypeId: uuid,
      priority: 'urgent',
      dueBy,
      idempotencyKey: 'wo-create-0001',
    };
    expect(ZCreateWorkOrderSchema.parse(full)).toEqual({
      ...full,
      title: 'Lift',
      description: 'Two pallets\nthen the crate',
      siteAddress: '1 Quay St',
    });
  });

  it('puts each problem on its field', () => {
    expect(
      fieldErrors(
        ZCreateWorkOrderSchema.safeParse({
          title: 't'.repeat(201),
          description: `a\u0000b`,
          siteAddress: 's'.repeat(301),
          equipmentTypeId: '',
          priority: 'asap',
          idempotencyKey: 'short',
        }),
      ),
    ).toEqual({
      title: ['Use at most 200 characters.'],
      description: ['Must not contain control characters.'],
      siteAddress: ['Use at most 300 characters.'],
      equipmentTypeId: ['Required.'],
      priority: [expect.any(String)],
      idempotencyKey: ['Use at least 8 characters.'],
    });
    expect(
      fieldErrors(
        ZCreateWorkOrderSchema.safeParse({ ...base, title: ' ', description: 'd'.repeat(5001) }),
      ),
    ).toEqual({ title: ['Required.'], description: ['Use at most 5000 characters.'] });
  });

  it('takes each text at its maximum length', () => {
    const parsed = ZCreateWorkOrderSchema.parse({
      ...base,
      title: 't'.repeat(200),
      siteAddress: 's'.repeat(300),
      description: 'd'.repeat(5000),
    });
    expect([parsed.title.length, parsed.siteAddress.length, parsed.description.length]).toEqual([
      200, 300, 5000,
    ]);
  });
});

describe('work-order update', () => {
  it('returns the fields given, normalised', () => {
    const dueBy = new Date('2026-04-01T09:00:00Z');
    expect(
      ZUpdateWorkOrderSchema.parse({
        id: uuid,
        title: ' New title ',
        description: ' ',
        siteAddress: ' 2 Dock Rd ',
        lat: 1,
        lng: 2,
        equipmentTypeId: uuid,
        priority: 'low',
        dueBy,
      }),
    ).toEqual({
      id: uuid,
      title: 'New title',
      description: '',
      siteAddress: '2 Dock Rd',
      lat: 1,
      lng: 2,
      equipmentTypeId: uuid,
      priority: 'low',
      dueBy,
    });
  });

  it('applies the create rules to each field given', () => {
    expect(
      fieldErrors(
        ZUpdateWorkOrderSchema.safeParse({
          id: 'x',
          title: '',
          description: 'd'.repeat(5001),
          siteAddress: '',
          equipmentTypeId: 'x',
          priority: 'asap',
        }),
      ),
    ).toEqual({
      id: ['Must be a valid id.'],
      title: ['Required.'],
      description: ['Use at most 5000 characters.'],
      siteAddress: ['Required.'],
      equipmentTypeId: ['Must be a valid id.'],
      priority: [expect.any(String)],
    });
  });
});

describe('work-order cancel and list', () => {
  it('needs a reason of 3 to 500 characters', () => {
    expect(ZCancelWorkOrderSchema.parse({ id: uuid, reason: ' Duplicate ' })).toEqual({
      id: uuid,
      reason: 'Duplicate',
    });
    expect(ZCancelWorkOrderSchema.parse({ id: uuid, reason: 'abc' }).reason).toBe('abc');
    expect(fieldErrors(ZCancelWorkOrderSchema.safeParse({ id: '', reason: ' ab ' }))).toEqual({
      id: ['Required.'],
      reason: ['Use at least 3 characters.'],
    });
    expect(
      fieldErrors(ZCancelWorkOrderSchema.safeParse({ id: uuid, reason: 'r'.repeat(501) })),
    ).toEqual({ reason: ['Use at most 500 characters.'] });
  });

  it('filters by statuses, priorities, type and search', () => {
    expect(ZListWorkOrdersSchema.parse({})).toEqual({ limit: 25 });
    const filters = {
      statuses: ['new', 'queued', 'dispatched', 'en_route', 'on_site', 'completed', 'cancelled'],
      priorities: ['urgent', 'high', 'standard', 'low'],
      equipmentTypeId: uuid,
      search: 'quay',
      limit: 50,
      cursor: 'abc',
    };
    expect(ZListWorkOrdersSchema.parse({ ...filters, search: ' quay ' })).toEqual(filters);
  });

  it('refuses unknown values and lists longer than the vocabulary', () => {
    expect(
      Object.keys(
        fieldErrors(
          ZListWorkOrdersSchema.safeParse({
            statuses: ['paused'],
            priorities: ['asap'],
            equipmentTypeId: 'x',
            search: 's'.repeat(101),
          }),
        ),
      ),
    ).toEqual(['statuses', 'priorities', 'equipmentTypeId', 'search']);
    expect(
      ZListWorkOrdersSchema.safeParse({ statuses: Array.from({ length: 8 }, () => 'new') }).success,
    ).toBe(false);
    expect(
      ZListWorkOrdersSchema.safeParse({ priorities: Array.from({ length: 5 }, () => 'low') })
        .success,
    ).toBe(false);
  });
});
