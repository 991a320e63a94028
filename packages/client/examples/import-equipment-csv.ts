import { createHash } from 'node:crypto';
import type { AppRouter } from '@dispatch/api';
import { ZCreateEquipmentSchema, ZEquipmentTypeNameSchema } from '@dispatch/domain';
import { isTRPCClientError } from '@trpc/client';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { TDispatchClient } from '@dispatch/client';

/** A CSV row, checked with the same rules the API applies (type is a name, resolved later). */
const ZCsvRowSchema = ZCreateEquipmentSchema.pick({ code: true, name: true }).extend({
  type: z.string().trim().min(1, 'Required.').pipe(ZEquipmentTypeNameSchema),
});

const COLUMNS = ['code', 'name', 'type'] as const;

export type TRowOutcome =
  | { line: number; status: 'imported'; code: string; name: string; id: string }
  | { line: number; status: 'rejected'; code: string | null; reason: string };

export interface TImportReport {
  outcomes: TRowOutcome[];
  imported: number;
  rejected: number;
}

/** The import cannot go on at all (unreadable file, refused credentials, server error). */
export class ImportAbortedError extends Error {
  override name = 'ImportAbortedError';
  constructor(
    message: string,
    readonly outcomes: TRowOutcome[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * The same code always gets the same key, so re-running an import (after a crash, or twice by
 * mistake) replays the first result instead of creating anything; a later file that gives an
 * imported code other values is refused rather than silently ignored.
 */
export function idempotencyKeyFor(code: string): string {
  return `equipment-import:${createHash('sha256').update(code).digest('hex')}`;
}

function summarise(outcomes: TRowOutcome[]): TImportReport {
  const imported = outcomes.filter((o) => o.status === 'imported').length;
  return { outcomes, imported, rejected: outcomes.length - imported };
}

interface TCsvRecord {
  line: number;
  fields: string[];
}

function readCsv(csvText: string): { header: string[]; records: TCsvRecord[] } {
  let rows;
  try {
    // With `info`, each record comes as { info, record }; `info.lines` is the line it ends on.
    rows = parse(csvText, {
      info: true,
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as { info: { lines: number }; record: string[] }[];
  } catch (error) {
    throw new ImportAbortedError(
      `The file is not valid CSV: ${error instanceof Error ? error.message : String(error)}`,
      [],
      { cause: error },
    );
  }
  const [first, ...rest] = rows;
  const header = (first?.record ?? []).map((h) => h.toLowerCase());
  const missing = COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new ImportAbortedError(
      `The first line must name the columns ${COLUMNS.join(',')}; missing: ${missing.join(', ')}.`,
    );
  }
  return { header, records: rest.map((r) => ({ line: r.info.lines, fields: r.record })) };
}

/** Why the API refused a row, or null when the failure is not about the row (abort instead). */
function rowProblem(error: unknown, code: string): string | null {
  if (!isTRPCClientError<AppRouter>(error)) return null;
  const data = error.data;
  switch (data?.reason) {
    case 'EQUIPMENT_CODE_TAKEN':
      return `duplicate code: equipment ${code} already exists`;
    case 'IDEMPOTENCY_KEY_REUSED':
      return `${code} was imported before with a different name or type; change it in the app`;
    case 'EQUIPMENT_TYPE_NOT_FOUND':
      return 'unknown equipment type (it was deleted during the import)';
  }
  if (data?.code === 'BAD_REQUEST') {
    const fields = Object.entries(data.fieldErrors ?? {}).map(
      ([field, messages]) =>
        `${field}: ${Array.isArray(messages) ? messages.join(' ') : String(messages)}`,
    );
    return `bad input: ${fields.length > 0 ? fields.join('; ') : error.message}`;
  }
  return null;
}

/**
 * Imports equipment from CSV text (columns code,name,type; type is an equipment type name). Each
 * row is checked locally first, then created one by one; a refused row is reported with its line
 * number and the rest go on. Fatal problems throw ImportAbortedError with the rows done so far.
 */
export async function importEquipmentCsv({
  client,
  csvText,
}: {
  client: TDispatchClient;
  csvText: string;
}): Promise<TImportReport> {
  const { header, records } = readCsv(csvText);
  const column = (fields: string[], name: (typeof COLUMNS)[number]) =>
    fields[header.indexOf(name)] ?? '';

  const types = new Map(
    (await client.equipmentTypes.list.query()).map((t) => [t.name, t.id] as const),
  );
  const seen = new Map<string, number>();
  const outcomes: TRowOutcome[] = [];

  for (const { line, fields } of records) {
    const raw = {
      code: column(fields, 'code'),
      name: column(fields, 'name'),
      type: column(fields, 'type'),
    };
    const row = ZCsvRowSchema.safeParse(raw);
    if (!row.success) {
      const problems = row.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
      outcomes.push({
        line,
        status: 'rejected',
        code: raw.code || null,
        reason: `bad input: ${problems.join('; ')}`,
      });
      continue;
    }
    const { code, name, type } = row.data;
    const earlier = seen.get(code);
    if (earlier !== undefined) {
      outcomes.push({
        line,
        status: 'rejected',
        code,
        reason: `duplicate code: ${code} is also on line ${earlier}`,
      });
      continue;
    }
    seen.set(code, line);
    const typeId = types.get(type);
    if (!typeId) {
      const known = [...types.keys()].slice(0, 10).join(', ');
      outcomes.push({
        line,
        status: 'rejected',
        code,
        reason: `unknown equipment type "${type}" (known: ${known || 'none'})`,
      });
      continue;
    }
    const input = ZCreateEquipmentSchema.parse({
      code,
      name,
      typeId,
      idempotencyKey: idempotencyKeyFor(code),
    });
    try {
      const created = await client.equipment.create.mutate(input);
      outcomes.push({ line, status: 'imported', code, name, id: created.id });
    } catch (error) {
      const reason = rowProblem(error, code);
      if (reason === null) {
        const message = error instanceof Error ? error.message : String(error);
        throw new ImportAbortedError(`Import stopped at line ${line}: ${message}`, outcomes, {
          cause: error,
        });
      }
      outcomes.push({ line, status: 'rejected', code, reason });
    }
  }
  return summarise(outcomes);
}

/** One line per row, then a summary; what the command prints. */
export function formatReport(outcomes: TRowOutcome[]): string {
  const { imported, rejected } = summarise(outcomes);
  const lines = outcomes.map((o) =>
    o.status === 'imported'
      ? `line ${o.line}: imported ${o.code} (${o.name})`
      : `line ${o.line}: rejected ${o.code ?? '(no code)'}: ${o.reason}`,
  );
  return [...lines, `${imported} imported, ${rejected} rejected.`].join('\n');
}
