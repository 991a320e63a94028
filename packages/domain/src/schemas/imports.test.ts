import { describe, expect, it } from 'vitest';
import {
  MAX_IMPORT_BYTES,
  ZDriverImportRowSchema,
  ZEquipmentImportRowSchema,
  ZImportCsvSchema,
} from './imports';

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe('import input', () => {
  it('takes a file up to the byte limit, counting UTF-8 bytes, not characters', () => {
    const ascii = 'a'.repeat(MAX_IMPORT_BYTES);
    expect(ZImportCsvSchema.safeParse({ csv: ascii, mode: 'dry_run' }).success).toBe(true);
    // Two bytes per "é": half the characters already fill the limit.
    const accented = 'é'.repeat(MAX_IMPORT_BYTES / 2 + 1);
    const result = ZImportCsvSchema.safeParse({ csv: accented, mode: 'commit' });
    expect(messages(result)).toEqual([
      'The file is larger than 2 MB; split it into smaller files.',
    ]);
    expect(ZImportCsvSchema.safeParse({ csv: `${ascii}a`, mode: 'commit' }).success).toBe(false);
  });

  it('refuses a binary file and a file with a broken character', () => {
    expect(
      messages(ZImportCsvSchema.safeParse({ csv: 'code\u0000,name', mode: 'dry_run' })),
    ).toEqual(['This is not a CSV text file (it contains NUL bytes).']);
    expect(
      messages(ZImportCsvSchema.safeParse({ csv: 'code,name\nT-1,\ud800', mode: 'commit' })),
    ).toEqual(['Contains a broken character; retype it.']);
    expect(ZImportCsvSchema.safeParse({ csv: 'code,name\nT-1,🚚', mode: 'commit' }).success).toBe(
      true,
    );
  });

  it('requires an explicit mode', () => {
    expect(ZImportCsvSchema.safeParse({ csv: '' }).success).toBe(false);
    expect(messages(ZImportCsvSchema.safeParse({ csv: '', mode: 'apply' }))).toEqual([
      'Use dry_run to check the file or commit to import it.',
    ]);
  });
});

describe('equipment rows', () => {
  it('normalises like equipment.create: upper-case code, trimmed name, lower-case type', () => {
    expect(
      ZEquipmentImportRowSchema.parse({ code: ' t-1 ', name: ' Tipper ', type: ' Crane-50T ' }),
    ).toEqual({ code: 'T-1', name: 'Tipper', type: 'crane-50t' });
  });

  it('names only the settable statuses in its message', () => {
    const result = ZEquipmentImportRowSchema.safeParse({
      code: 'T-1',
      name: 'Tipper',
      type: 'crane',
      status: 'broken',
    });
    expect(messages(result)).toEqual([
      'Use available, maintenance or out_of_service, or leave it empty.',
    ]);
  });
});

describe('driver rows', () => {
  const driver = { name: 'Ann Lee', phone: '+44 20 7946 0958', email: 'ann@example.com' };

  it('splits qualifications on semicolons and ignores empty items', () => {
    const row = ZDriverImportRowSchema.parse({
      ...driver,
      qualifications: ' Flatbed; ;crane-50t;',
    });
    expect(row.qualifications).toEqual(['flatbed', 'crane-50t']);
    expect(ZDriverImportRowSchema.parse({ ...driver, qualifications: '' }).qualifications).toEqual(
      [],
    );
  });

  it('refuses a type listed twice (after normalising) and bad type names', () => {
    expect(
      messages(ZDriverImportRowSchema.safeParse({ ...driver, qualifications: 'flatbed;FLATBED' })),
    ).toEqual(['List each equipment type once.']);
    expect(
      messages(ZDriverImportRowSchema.safeParse({ ...driver, qualifications: 'crane 50t' })),
    ).toEqual(['Use lowercase letters, digits and dashes, e.g. crane-50t.']);
  });

  it('takes at most 50 qualifications', () => {
    const names = Array.from({ length: 51 }, (_, i) => `type-${i}`);
    expect(
      ZDriverImportRowSchema.parse({ ...driver, qualifications: names.slice(0, 50).join(';') })
        .qualifications,
    ).toHaveLength(50);
    expect(
      messages(ZDriverImportRowSchema.safeParse({ ...driver, qualifications: names.join(';') })),
    ).toEqual(['Use at most 50 equipment types.']);
  });

  it('applies the create schema to contact fields', () => {
    const result = ZDriverImportRowSchema.safeParse({
      ...driver,
      email: 'nope',
      qualifications: '',
      status: 'off_duty',
    });
    expect(messages(result)).toEqual(['Use a valid email address.']);
    expect(
      messages(ZDriverImportRowSchema.safeParse({ ...driver, qualifications: '', status: 'away' })),
    ).toEqual(['Use available or off_duty, or leave it empty.']);
  });
});
