import { describe, expect, it } from 'vitest';
import { everywhere, fieldErrors, messages } from '../../test/schema-results';
import {
  ZCreateDriverSchema,
  ZListDriversSchema,
  ZPhoneSchema,
  ZSetDriverAvailabilitySchema,
  ZSubjectSchema,
  ZUpdateDriverSchema,
} from './drivers';

const uuid = '6f1c1c7e-8d3a-4b8e-9a52-2c1f7a0b9e11';
const uuid2 = '0b6a4a4e-1f7e-4c8e-8a3b-6e0f2d9c1a22';
const PHONE_MESSAGE = 'Use a phone number such as +44 20 7946 0958.';
const SUBJECT_MESSAGE = 'Must be printable ASCII without spaces.';

/** A valid address of exactly `length` characters (64-character local part, 63-character labels). */
function emailOfLength(length: number): string {
  const fixed = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.`;
  return `${fixed}${'d'.repeat(length - fixed.length - 4)}.com`;
}

describe('phone numbers', () => {
  it('accepts a digit, then 5 to 24 digits, spaces, brackets or dashes, after an optional +', () => {
    for (const phone of [
      '+44 20 7946 0958',
      '020 7946 0958',
      '012345',
      '+012345',
      '987654',
      '9(0) 12-34',
      `1${'2'.repeat(24)}`,
      `+0${'9'.repeat(24)}`,
    ]) {
      expect(ZPhoneSchema.safeParse(phone), phone).toEqual({ success: true, data: phone });
    }
  });

  it('trims surrounding spaces', () => {
    expect(ZPhoneSchema.parse('  +44 20 7946 0958 ')).toBe('+44 20 7946 0958');
  });

  it('refuses too short and too long numbers', () => {
    for (const phone of ['01234', '+01234', '', `1${'2'.repeat(25)}`, `+1${'2'.repeat(25)}`]) {
      expect(messages(ZPhoneSchema.safeParse(phone)), phone).toEqual([PHONE_MESSAGE]);
    }
  });

  it('must start with a digit (after the optional +)', () => {
    for (const phone of [
      '(020) 7946 0958',
      '-020 7946',
      '++44 20 7946',
      '+ 44 20 7946',
      'a0123456',
    ]) {
      expect(messages(ZPhoneSchema.safeParse(phone)), phone).toEqual([PHONE_MESSAGE]);
    }
  });

  it('refuses a bad character at the start, in the middle or at the end', () => {
    for (const bad of ['x', '#', '/', '.', '+', '\u0000']) {
      for (const phone of everywhere('020 7946 0958', bad)) {
        // "+020 ..." is the one placement of a bad character that is allowed.
        if (phone.startsWith('+0')) continue;
        expect(messages(ZPhoneSchema.safeParse(phone)), JSON.stringify(phone)).toEqual([
          PHONE_MESSAGE,
        ]);
      }
    }
  });
});

describe('login subjects', () => {
  it('takes printable ASCII without spaces, trimmed, from "!" to "~"', () => {
    for (const subject of ['a', '!', '~', 'auth0|5f7c8ec7c33c6c004bbafe82', 'x'.repeat(255)]) {
      expect(ZSubjectSchema.safeParse(subject)).toEqual({ success: true, data: subject });
    }
    expect(ZSubjectSchema.parse('  user-1  ')).toBe('user-1');
  });

  it('requires a subject of at most 255 characters', () => {
    expect(messages(ZSubjectSchema.safeParse(''))).toEqual(['Required.', SUBJECT_MESSAGE]);
    expect(messages(ZSubjectSchema.safeParse('   '))).toEqual(['Required.', SUBJECT_MESSAGE]);
    expect(messages(ZSubjectSchema.safeParse('x'.repeat(256)))).toEqual([
      'Use at most 255 characters.',
    ]);
  });

  it('refuses spaces inside and other characters anywhere', () => {
    expect(messages(ZSubjectSchema.safeParse('user 1'))).toEqual([SUBJECT_MESSAGE]);
    for (const bad of ['\u007f', 'é', '\u0000', '\u001f']) {
      for (const subject of everywhere('user-1', bad)) {
        expect(messages(ZSubjectSchema.safeParse(subject)), JSON.stringify(subject)).toEqual([
          SUBJECT_MESSAGE,
        ]);
      }
    }
  });
});

describe('driver create', () => {
  const driver = { name: 'Ann Lee', phone: '+44 20 7946 0958', email: 'ann@example.com' };

  it('returns every field, with no qualifications by default', () => {
    expect(ZCreateDriverSchema.parse(driver)).toEqual({ ...driver, qualificationTypeIds: [] });
    const full = {
      name: ' Ann Lee ',
      phone: ' 020 7946 0958 ',
      email: 'ann@example.com',
      subject: ' auth0|ann ',
      qualificationTypeIds: [uuid, uuid2],
      idempotencyKey: 'create-ann-1',
    };
    expect(ZCreateDriverSchema.parse(full)).toEqual({
      ...full,
      name: 'Ann Lee',
      phone: '020 7946 0958',
      subject: 'auth0|ann',
    });
  });

  it('puts each problem on its field with a readable message', () => {
    expect(
      fieldErrors(
        ZCreateDriverSchema.safeParse({
          name: ' ',
          phone: 'call me',
          email: 'nope',
          subject: 'has space',
          qualificationTypeIds: ['crane'],
          idempotencyKey: 'short',
        }),
      ),
    ).toEqual({
      name: ['Required.'],
      phone: [PHONE_MESSAGE],
      email: ['Use a valid email address.'],
      subject: [SUBJECT_MESSAGE],
      qualificationTypeIds: ['Must be a valid id.'],
      idempotencyKey: ['Use at least 8 characters.'],
    });
    expect(
      fieldErrors(ZCreateDriverSchema.safeParse({ ...driver, name: 'n'.repeat(121) })),
    ).toEqual({ name: ['Use at most 120 characters.'] });
    expect(ZCreateDriverSchema.parse({ ...driver, name: 'n'.repeat(120) }).name).toHaveLength(120);
  });

  it('takes an email address of up to 254 characters', () => {
    const at254 = emailOfLength(254);
    expect(at254).toHaveLength(254);
    expect(ZCreateDriverSchema.parse({ ...driver, email: at254 }).email).toBe(at254);
    const at255 = emailOfLength(255);
    expect(at255).toHaveLength(255);
    expect(fieldErrors(ZCreateDriverSchema.safeParse({ ...driver, email: at255 }))).toEqual({
      email: ['Use a valid email address.'],
    });
  });

  it('lists each of at most 50 qualifications once', () => {
    expect(
      fieldErrors(ZCreateDriverSchema.safeParse({ ...driver, qualificationTypeIds: [uuid, uuid] })),
    ).toEqual({ qualificationTypeIds: ['List each equipment type once.'] });
    const ids = Array.from(
      { length: 51 },
      (_, i) => `6f1c1c7e-8d3a-4b8e-9a52-${String(i).padStart(12, '0')}`,
    );
    expect(
      ZCreateDriverSchema.parse({ ...driver, qualificationTypeIds: ids.slice(0, 50) })
        .qualificationTypeIds,
    ).toHaveLength(50);
    expect(ZCreateDriverSchema.safeParse({ ...driver, qualificationTypeIds: ids }).success).toBe(
      false,
    );
  });
});

describe('driver update', () => {
  it('takes only the id and returns the fields given', () => {
    expect(ZUpdateDriverSchema.parse({ id: uuid })).toEqual({ id: uuid });
    const patch = {
      id: uuid,
      name: ' Bea ',
      phone: '012345',
      email: 'bea@example.com',
      subject: null,
      qualificationTypeIds: [uuid2],
    };
    expect(ZUpdateDriverSchema.parse(patch)).toEqual({ ...patch, name: 'Bea' });
    expect(ZUpdateDriverSchema.parse({ id: uuid, subject: ' sub ' })).toEqual({
      id: uuid,
      subject: 'sub',
    });
  });

  it('applies the create rules to each field given', () => {
    expect(
      fieldErrors(
        ZUpdateDriverSchema.safeParse({
          id: 'x',
          name: '',
          phone: '1',
          email: 'nope',
          subject: ' ',
          qualificationTypeIds: [uuid, uuid],
        }),
      ),
    ).toEqual({
      id: ['Must be a valid id.'],
      name: ['Required.'],
      phone: [PHONE_MESSAGE],
      email: ['Use a valid email address.'],
      subject: ['Required.', SUBJECT_MESSAGE],
      qualificationTypeIds: ['List each equipment type once.'],
    });
    expect(ZUpdateDriverSchema.parse({ id: uuid, email: emailOfLength(254) }).email).toHaveLength(
      254,
    );
    expect(
      fieldErrors(ZUpdateDriverSchema.safeParse({ id: uuid, email: emailOfLength(255) })),
    ).toEqual({ email: ['Use a valid email address.'] });
  });
});

describe('driver availability and list', () => {
  it('lets a person set available or off duty, never assigned', () => {
    for (const status of ['available', 'off_duty'] as const) {
      expect(ZSetDriverAvailabilitySchema.parse({ id: uuid, status })).toEqual({
        id: uuid,
        status,
      });
    }
    expect(
      fieldErrors(ZSetDriverAvailabilitySchema.safeParse({ id: '', status: 'assigned' })),
    ).toEqual({ id: ['Required.'], status: [expect.any(String)] });
  });

  it('filters by any status, a qualification and a trimmed search', () => {
    expect(ZListDriversSchema.parse({})).toEqual({ limit: 25 });
    expect(
      ZListDriversSchema.parse({
        status: 'assigned',
        qualifiedForTypeId: uuid,
        search: ' ann ',
        limit: 5,
        cursor: 'next',
      }),
    ).toEqual({
      status: 'assigned',
      qualifiedForTypeId: uuid,
      search: 'ann',
      limit: 5,
      cursor: 'next',
    });
    expect(
      fieldErrors(
        ZListDriversSchema.safeParse({
          status: 'busy',
          qualifiedForTypeId: 'x',
          search: 's'.repeat(101),
        }),
      ),
    ).toEqual({
      status: [expect.any(String)],
      qualifiedForTypeId: ['Must be a valid id.'],
      search: [expect.any(String)],
    });
  });
});
