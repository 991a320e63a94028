import type { Executor } from '@dispatch/db';
import {
  DRIVER_IMPORT_COLUMNS,
  type TDriverStatus,
  type TSettableDriverStatus,
  ZDriverImportRowSchema,
} from '@dispatch/domain';
import { readDriversByEmail, type TExistingDriver } from './drivers-existing';
import type { TCsvRecord } from './read-csv';
import type { TPlanSummary } from './report';
import { issueReasons, presentCells, statusProblem } from './row-reasons';
import { typeIdsByName } from './type-names';

interface TDriverFields {
  name: string;
  phone: string;
  email: string;
}

export interface TDriverCreate extends TDriverFields {
  line: number;
  qualificationTypeIds: string[];
  status: TSettableDriverStatus;
}

export interface TDriverUpdate {
  line: number;
  id: string;
  changes: Partial<TDriverFields>;
  qualificationTypeIds: string[] | null;
  status: { from: TSettableDriverStatus; to: TSettableDriverStatus } | null;
}

export interface TDriverPlan extends TPlanSummary {
  creates: TDriverCreate[];
  updates: TDriverUpdate[];
}

/**
 * Drivers are matched by email, ignoring case (the only contact detail a driver has once). The
 * database does not make emails unique, so an email shared by several drivers is refused rather
 * than guessed. With `lock`, the matched drivers are locked in id order until the transaction ends.
 */
export async function planDriverImport(
  db: Executor,
  records: readonly TCsvRecord[],
  options: { lock: boolean },
): Promise<TDriverPlan> {
  const emails = records.map((r) => (r.cells.email ?? '').toLowerCase()).filter(Boolean);
  const types = await typeIdsByName(db);
  const byEmail = await readDriversByEmail(db, emails, options.lock);
  const plan: TDriverPlan = {
    rows: records.length,
    creates: [],
    updates: [],
    unchanged: 0,
    rejected: [],
  };
  const firstLine = new Map<string, number>();

  for (const record of records) {
    const { line } = record;
    const key = (record.cells.email ?? '').toLowerCase() || null;
    if (record.problem) {
      plan.rejected.push({ line, key, reasons: [record.problem] });
      continue;
    }
    const parsed = ZDriverImportRowSchema.safeParse(
      presentCells(record.cells, DRIVER_IMPORT_COLUMNS.optional),
    );
    if (!parsed.success) {
      plan.rejected.push({ line, key, reasons: issueReasons(parsed.error) });
      continue;
    }
    const row = parsed.data;
    const email = row.email.toLowerCase();
    const reasons: string[] = [];
    const earlier = firstLine.get(email);
    if (earlier !== undefined) reasons.push(`email: ${row.email} is also on line ${earlier}.`);
    else firstLine.set(email, line);
    const unknown = row.qualifications.filter((name) => !types.has(name));
    if (unknown.length > 0) {
      const names = unknown.map((name) => `"${name}"`).join(', ');
      reasons.push(
        `qualifications: there is no equipment type ${names}; add it in Settings first.`,
      );
    }
    const matches = byEmail.get(email) ?? [];
    if (matches.length > 1) {
      const names = matches
        .map((d) => d.name)
        .sort((a, b) => a.localeCompare(b))
        .join(', ');
      reasons.push(
        `email: ${matches.length} drivers have this email (${names}); give them different emails in the app first.`,
      );
    }
    const current = matches.length === 1 ? (matches[0] ?? null) : null;
    const status = statusProblem({
      label: row.name,
      current: current?.status ?? null,
      wanted: row.status,
      activeReference: current?.activeReference ?? null,
    });
    if (status) reasons.push(status);
    if (reasons.length > 0) {
      plan.rejected.push({ line, key: email, reasons });
      continue;
    }
    const typeIds = row.qualifications.map((name) => types.get(name) ?? '');
    const fields = { name: row.name, phone: row.phone, email: row.email };
    if (!current) {
      plan.creates.push({
        line,
        ...fields,
        qualificationTypeIds: typeIds,
        status: settable(row.status),
      });
      continue;
    }
    const update = changesOf(current, fields, typeIds, row.status);
    if (update) plan.updates.push({ line, id: current.id, ...update });
    else plan.unchanged++;
  }
  return plan;
}

function settable(status: TDriverStatus | undefined): TSettableDriverStatus {
  return status === undefined || status === 'assigned' ? 'available' : status;
}

function changesOf(
  current: TExistingDriver,
  wanted: TDriverFields,
  typeIds: string[],
  status: TDriverStatus | undefined,
): Omit<TDriverUpdate, 'line' | 'id'> | null {
  const changes: Partial<TDriverFields> = {};
  for (const field of ['name', 'phone', 'email'] as const) {
    if (wanted[field] !== current[field]) changes[field] = wanted[field];
  }
  const sameTypes =
    typeIds.length === current.typeIds.length &&
    typeIds.every((id) => current.typeIds.includes(id));
  // statusProblem has refused every change into or out of `assigned`.
  const statusChange =
    status !== undefined &&
    status !== current.status &&
    status !== 'assigned' &&
    current.status !== 'assigned'
      ? { from: current.status, to: status }
      : null;
  if (Object.keys(changes).length === 0 && sameTypes && !statusChange) return null;
  return { changes, qualificationTypeIds: sameTypes ? null : typeIds, status: statusChange };
}
