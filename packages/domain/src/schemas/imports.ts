import { z } from 'zod';
import {
  DRIVER_STATUSES,
  EQUIPMENT_STATUSES,
  SETTABLE_DRIVER_STATUSES,
  SETTABLE_EQUIPMENT_STATUSES,
} from '../enums';
import { BROKEN_TEXT_MESSAGE, isWellFormedText } from './common';
import { ZCreateDriverSchema } from './drivers';
import { ZCreateEquipmentSchema, ZEquipmentTypeNameSchema } from './equipment';

export const IMPORT_MODES = ['dry_run', 'commit'] as const;
export type TImportMode = (typeof IMPORT_MODES)[number];

/** The largest file an import takes, in UTF-8 bytes (2 MiB): far above 5,000 rows of fleet data. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
/** Data rows per file (the header not counted); checked by the server while it parses. */
export const MAX_IMPORT_ROWS = 5000;

/**
 * The columns of each import file, in the order the exports write them. The same lists describe the
 * `/export/equipment.csv` and `/export/drivers.csv` downloads, so an export re-imports unchanged.
 */
export const EQUIPMENT_IMPORT_COLUMNS = {
  required: ['code', 'name', 'type'],
  optional: ['status'],
} as const;
export const DRIVER_IMPORT_COLUMNS = {
  required: ['name', 'phone', 'email', 'qualifications'],
  optional: ['status'],
} as const;

/** Separates equipment type names in a driver's `qualifications` cell. */
export const QUALIFICATION_SEPARATOR = ';';

const utf8Bytes = (value: string) => new TextEncoder().encode(value).length;
const sizeMessage = `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it into smaller files.`;

export const ZImportCsvSchema = z.object({
  csv: z
    .string()
    // A UTF-8 byte is at least one UTF-16 unit, so this cheap check runs first on huge strings.
    .max(MAX_IMPORT_BYTES, sizeMessage)
    .refine((csv) => utf8Bytes(csv) <= MAX_IMPORT_BYTES, sizeMessage)
    // A NUL byte means a binary file (a spreadsheet saved as .xlsx, say), not CSV text.
    .refine(
      (csv) => !csv.includes('\u0000'),
      'This is not a CSV text file (it contains NUL bytes).',
    )
    .refine(isWellFormedText, BROKEN_TEXT_MESSAGE),
  mode: z.enum(IMPORT_MODES, { error: 'Use dry_run to check the file or commit to import it.' }),
});
export type TImportCsv = z.infer<typeof ZImportCsvSchema>;

/** The message names only the statuses a person may set; `assigned` is explained by the server. */
const statusError = (settable: readonly string[]) => ({
  error: `Use ${settable.slice(0, -1).join(', ')} or ${settable.at(-1)}, or leave it empty.`,
});

/**
 * One equipment row of a CSV file. The fields use the create procedure's own schemas, so a row is
 * valid exactly when `equipment.create` would accept it; `type` is a type name, resolved by the
 * server. `assigned` parses so that an exported row re-imports, but only a dispatch may set it.
 */
export const ZEquipmentImportRowSchema = z.object({
  code: ZCreateEquipmentSchema.shape.code,
  name: ZCreateEquipmentSchema.shape.name,
  type: ZEquipmentTypeNameSchema,
  status: z.enum(EQUIPMENT_STATUSES, statusError(SETTABLE_EQUIPMENT_STATUSES)).optional(),
});
export type TEquipmentImportRow = z.infer<typeof ZEquipmentImportRowSchema>;

/** `crane-50t; flatbed` → ['crane-50t', 'flatbed'], each a valid type name, each once. */
const ZTypeNameListSchema = z
  .string()
  .transform((cell) =>
    cell
      .split(QUALIFICATION_SEPARATOR)
      .map((name) => name.trim())
      .filter((name) => name !== ''),
  )
  .pipe(
    z
      .array(ZEquipmentTypeNameSchema)
      .max(50, 'Use at most 50 equipment types.')
      .refine((names) => new Set(names).size === names.length, 'List each equipment type once.'),
  );

/** One driver row: contact fields from the create procedure's schema, qualifications by name. */
export const ZDriverImportRowSchema = z.object({
  name: ZCreateDriverSchema.shape.name,
  phone: ZCreateDriverSchema.shape.phone,
  email: ZCreateDriverSchema.shape.email,
  qualifications: ZTypeNameListSchema,
  status: z.enum(DRIVER_STATUSES, statusError(SETTABLE_DRIVER_STATUSES)).optional(),
});
export type TDriverImportRow = z.infer<typeof ZDriverImportRowSchema>;
