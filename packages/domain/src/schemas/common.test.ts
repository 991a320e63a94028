import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { everywhere, messages } from '../../test/schema-results';
import {
  BROKEN_TEXT_MESSAGE,
  ZIdempotencyKeySchema,
  ZIdInputSchema,
  ZIdSchema,
  ZNoInputSchema,
  ZPageInputSchema,
  ZSearchSchema,
  isWellFormedText,
  longText,
  text,
} from './common';

const uuid = '6f1c1c7e-8d3a-4b8e-9a52-2c1f7a0b9e11';

describe('ids', () => {
  it('accepts a uuid', () => {
    expect(ZIdSchema.safeParse(uuid)).toEqual({ success: true, data: uuid });
    expect(ZIdInputSchema.parse({ id: uuid })).toEqual({ id: uuid });
  });

  it('says "Required." for an empty or missing id and "Must be a valid id." otherwise', () => {
    expect(messages(ZIdSchema.safeParse(''))).toEqual(['Required.']);
    expect(messages(ZIdSchema.safeParse(undefined))).toEqual(['Required.']);
    expect(messages(ZIdInputSchema.safeParse({}))).toEqual(['Required.']);
    expect(messages(ZIdSchema.safeParse('not-a-uuid'))).toEqual(['Must be a valid id.']);
    expect(messages(ZIdSchema.safeParse(` ${uuid}`))).toEqual(['Must be a valid id.']);
    expect(messages(ZIdSchema.safeParse(42))).toEqual(['Must be a valid id.']);
    expect(messages(ZIdSchema.safeParse(null))).toEqual(['Must be a valid id.']);
  });

  it('puts the id error on the `id` field of the id input', () => {
    const result = ZIdInputSchema.safeParse({ id: 'x' });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['id']]);
  });
});

describe('idempotency keys', () => {
  const valid = 'Az09_.:-';

  it('takes 8 to 100 characters', () => {
    expect(ZIdempotencyKeySchema.safeParse('a'.repeat(8)).success).toBe(true);
    expect(ZIdempotencyKeySchema.safeParse('a'.repeat(100)).success).toBe(true);
    expect(messages(ZIdempotencyKeySchema.safeParse('a'.repeat(7)))).toEqual([
      'Use at least 8 characters.',
    ]);
    expect(messages(ZIdempotencyKeySchema.safeParse('a'.repeat(101)))).toEqual([
      'Use at most 100 characters.',
    ]);
  });

  it('takes letters, digits and _ . : - (every range end included)', () => {
    for (const key of [valid, 'AAAAZZZZ', 'aaaazzzz', '00009999', 'retry:2026-01-01.a_b']) {
      expect(ZIdempotencyKeySchema.safeParse(key), key).toEqual({ success: true, data: key });
    }
  });

  it('refuses any other character at the start, in the middle or at the end', () => {
    for (const bad of [' ', '/', '@', '[', '`', '{', 'é', '\n', '+']) {
      for (const key of everywhere('abcdefgh', bad)) {
        expect(messages(ZIdempotencyKeySchema.safeParse(key)), JSON.stringify(key)).toEqual([
          'Use letters, digits and _ . : - only.',
        ]);
      }
    }
  });

  it('is not trimmed: surrounding spaces are refused, not dropped', () => {
    expect(ZIdempotencyKeySchema.safeParse(' abcdefgh ').success).toBe(false);
  });

  it('accepts exactly the strings of allowed characters of an allowed length', () => {
    const allowed = 'ABCXYZabcxyz0189_.:-';
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...allowed, ' ', '!', '~', 'ä'), maxLength: 110 }),
        (key) => {
          const expected =
            key.length >= 8 && key.length <= 100 && [...key].every((c) => allowed.includes(c));
          expect(ZIdempotencyKeySchema.safeParse(key).success).toBe(expected);
        },
      ),
    );
  });
});

describe('pages', () => {
  it('defaults the limit to 25 and passes a cursor through', () => {
    expect(ZPageInputSchema.parse({})).toEqual({ limit: 25 });
    expect(ZPageInputSchema.parse({ cursor: 'abc', limit: 7 })).toEqual({
      cursor: 'abc',
      limit: 7,
    });
  });

  it('takes a whole limit from 1 to 100', () => {
    for (const limit of [1, 100]) expect(ZPageInputSchema.parse({ limit })).toEqual({ limit });
    for (const limit of [0, 101, 1.5, -1]) {
      expect(ZPageInputSchema.safeParse({ limit }).success, String(limit)).toBe(false);
    }
  });

  it('takes a cursor of up to 500 characters', () => {
    const cursor = 'c'.repeat(500);
    expect(ZPageInputSchema.parse({ cursor })).toEqual({ cursor, limit: 25 });
    expect(messages(ZPageInputSchema.safeParse({ cursor: `${cursor}c` }))).toEqual([
      'The page cursor is not valid; start from the first page.',
    ]);
  });

  it('takes only base64url characters in a cursor', () => {
    const cursor = Buffer.from('["2026-01-01",1]').toString('base64url');
    expect(ZPageInputSchema.parse({ cursor }).cursor).toBe(cursor);
    expect(ZPageInputSchema.parse({ cursor: 'Az09_-' }).cursor).toBe('Az09_-');
    for (const bad of ['a\u0000b', 'ab=', 'a+b', 'a/b', 'a b', 'a\ud800', 'é']) {
      expect(messages(ZPageInputSchema.safeParse({ cursor: bad })), JSON.stringify(bad)).toEqual([
        'The page cursor is not valid; start from the first page.',
      ]);
    }
  });
});

describe('no input', () => {
  it('takes nothing and refuses anything', () => {
    expect(ZNoInputSchema.parse(undefined)).toBeUndefined();
    for (const value of [null, {}, '', 0, []]) {
      expect(messages(ZNoInputSchema.safeParse(value))).toEqual(['This call takes no input.']);
    }
  });
});

describe('well-formed text', () => {
  it('refuses a lone surrogate of either half, anywhere, and takes proper pairs', () => {
    for (const lone of ['\ud800', '\udbff', '\udc00', '\udfff']) {
      for (const value of everywhere('ab', lone)) {
        expect(isWellFormedText(value), JSON.stringify(value)).toBe(false);
      }
    }
    expect(isWellFormedText('\udc00\ud800')).toBe(false); // halves in the wrong order
    for (const value of ['', 'abc', '🚚 T-12', '\ud83d\ude9a', '東京', '\u202eevil', '\ufffd']) {
      expect(isWellFormedText(value), JSON.stringify(value)).toBe(true);
    }
  });

  it('agrees with a code-unit scan on any string', () => {
    const scan = (value: string) => {
      for (let i = 0; i < value.length; i++) {
        const unit = value.charCodeAt(i);
        if (unit >= 0xd800 && unit <= 0xdbff) {
          const next = value.charCodeAt(i + 1);
          if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
          i++;
        } else if (unit >= 0xdc00 && unit <= 0xdfff) return false;
      }
      return true;
    };
    fc.assert(
      fc.property(
        // Code units around the surrogate range, mixed with ordinary and astral characters.
        fc.string({
          unit: fc.oneof(
            fc.integer({ min: 0xd7f0, max: 0xe010 }).map((unit) => String.fromCharCode(unit)),
            fc.constantFrom('a', 'é', '🚚'),
          ),
          maxLength: 12,
        }),
        (value) => {
          expect(isWellFormedText(value)).toBe(scan(value));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is part of every text rule: one line, multi-line and search', () => {
    for (const schema of [text(1, 20), longText(20), ZSearchSchema]) {
      expect(messages(schema.safeParse('a\ud800b'))).toEqual([BROKEN_TEXT_MESSAGE]);
      expect(schema.parse('a🚚b')).toBe('a🚚b');
    }
  });
});

describe('search', () => {
  it('is optional and trimmed before its 100-character limit', () => {
    expect(ZSearchSchema.parse(undefined)).toBeUndefined();
    expect(ZSearchSchema.parse('  crane ')).toBe('crane');
    const longest = 's'.repeat(100);
    expect(ZSearchSchema.parse(`  ${longest}  `)).toBe(longest);
    expect(ZSearchSchema.safeParse(`${longest}s`).success).toBe(false);
  });

  it('refuses control characters such as NUL', () => {
    for (const bad of ['a\u0000b', 'a\nb', 'a\u0085b']) {
      expect(messages(ZSearchSchema.safeParse(bad))).toEqual([
        'Must not contain control characters.',
      ]);
    }
  });
});

describe('text', () => {
  it('trims, then requires at least the minimum', () => {
    expect(text(1, 5).parse('  ab  ')).toBe('ab');
    expect(messages(text(1, 5).safeParse('   '))).toEqual(['Required.']);
    expect(messages(text(1, 5).safeParse(''))).toEqual(['Required.']);
    expect(messages(text(3, 5).safeParse(' ab '))).toEqual(['Use at least 3 characters.']);
    expect(text(3, 5).parse(' abc ')).toBe('abc');
    expect(text(0, 5).parse('   ')).toBe('');
  });

  it('allows the maximum after trimming, and not one more', () => {
    expect(text(1, 5).parse(' abcde ')).toBe('abcde');
    expect(messages(text(1, 5).safeParse('abcdef'))).toEqual(['Use at most 5 characters.']);
    expect(messages(text(3, 120).safeParse('x'.repeat(121)))).toEqual([
      'Use at most 120 characters.',
    ]);
  });

  it('refuses control characters anywhere, line breaks and tabs included', () => {
    // Leading and trailing whitespace is trimmed, so the ends get control characters that are not.
    for (const bad of ['\u0000', '\u0007', '\u001f', '\u007f', '\u0080', '\u009f']) {
      for (const value of everywhere('abc', bad)) {
        expect(messages(text(1, 20).safeParse(value)), JSON.stringify(value)).toEqual([
          'Must not contain control characters.',
        ]);
      }
    }
    for (const value of ['a\nb', 'a\tb', 'a\rb']) {
      expect(messages(text(1, 20).safeParse(value))).toEqual([
        'Must not contain control characters.',
      ]);
    }
  });

  it('takes printable text of any script', () => {
    for (const value of ['Ann Lee', 'Zoë Østergård', '東京 2', 'a\u00a0b', '~!@#$%^&*()']) {
      expect(text(1, 20).parse(value)).toBe(value);
    }
  });
});

describe('long text', () => {
  const schema = longText(10);

  it('trims and allows tabs and line breaks inside', () => {
    expect(schema.parse('  a\tb\r\nc  ')).toBe('a\tb\r\nc');
    expect(schema.parse('')).toBe('');
  });

  it('allows the maximum after trimming, and not one more', () => {
    expect(schema.parse(` ${'x'.repeat(10)} `)).toBe('x'.repeat(10));
    expect(messages(schema.safeParse('x'.repeat(11)))).toEqual(['Use at most 10 characters.']);
    expect(messages(longText(2000).safeParse('x'.repeat(2001)))).toEqual([
      'Use at most 2000 characters.',
    ]);
  });

  it('refuses other control characters at the start, in the middle and at the end', () => {
    // \u000b and \u000c are whitespace to trim(), so they can only be refused inside the text.
    const notTrimmed = [
      ...['\u0000', '\u0001', '\u0008', '\u000e', '\u0010', '\u001f', '\u007f'],
      ...['\u0080', '\u0084', '\u009f'],
    ];
    for (const bad of notTrimmed) {
      for (const value of everywhere('line', bad)) {
        expect(messages(schema.safeParse(value)), JSON.stringify(value)).toEqual([
          'Must not contain control characters.',
        ]);
      }
    }
    for (const bad of ['\u000b', '\u000c']) {
      expect(messages(schema.safeParse(`li${bad}ne`))).toEqual([
        'Must not contain control characters.',
      ]);
    }
  });

  it('accepts exactly the text without the refused control characters', () => {
    const refused = (code: number) =>
      code <= 0x08 ||
      code === 0x0b ||
      code === 0x0c ||
      (code >= 0x0e && code <= 0x1f) ||
      (code >= 0x7f && code <= 0x9f);
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.oneof(
            fc.constantFrom('a', 'Z', '7', ' ', '\t', '\n', '\r', 'é'),
            fc.integer({ min: 0, max: 0xa0 }).map((c) => String.fromCharCode(c)),
          ),
          maxLength: 10,
        }),
        (value) => {
          const trimmed = value.trim();
          const expected = [...trimmed].every((c) => !refused(c.charCodeAt(0)));
          const result = schema.safeParse(value);
          expect(result.success, JSON.stringify(value)).toBe(expected);
          if (result.success) expect(result.data).toBe(trimmed);
        },
      ),
    );
  });
});
