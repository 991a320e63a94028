import type { Executor } from '@dispatch/db';
import {
  EQUIPMENT_IMPORT_COLUMNS,
  type TEquipmentStatus,
  type TSettableEquipmentStatus,
  ZEquipmentImportRowSchema,
} from '@dispatch/domain';
import { readEquipmentByCode, type TExistingEquipment } from './equipment-existing';
import type { TCsvRecord } from './read-csv';
import type { TImportRejection, TPlanSummary } from './report';
import { issueReasons, presentCells, statusProblem } from './row-reasons';
import { typeIdsByName } from './type-names';

export interface TEquipmentCreate {
  line: number;
  code: string;
  name: string;
  typeId: string;
  status: TSettableEquipmentStatus;
}

export interface TEquipmentUpdate {
  line: number;
  id: string;
  code: string;
  changes: { name?: string; typeId?: string };
  status: { from: TSettableEquipmentStatus; to: TSettableEquipmentStatus } | null;
}

export interface TEquipmentPlan extends TPlanSummary {
  creates: TEquipmentCreate[];
  updates: TEquipmentUpdate[];
}

/**
 * Checks every row against the rules and the current data and says what importing would do. With
 * `lock`, the existing units are locked (FOR UPDATE, in id order so two imports cannot deadlock)
 * and stay as read until the transaction ends.
 */
export async function planEquipmentImport(
  db: Executor,
  records: readonly TCsvRecord[],
  options: { lock: boolean },
): Promise<TEquipmentPlan> {
  const codes = records.flatMap((r) => {
    const code = ZEquipmentImportRowSchema.shape.code.safeParse(r.cells.code ?? '');
    return code.success ? [code.data] : [];
  });
  const types = await typeIdsByName(db);
  const existing = await readEquipmentByCode(db, codes, options.lock);
  const plan: TEquipmentPlan = {
    rows: records.length,
    creates: [],
    updates: [],
    unchanged: 0,
    rejected: [],
  };
  const firstLine = new Map<string, number>();

  for (const record of records) {
    const { line } = record;
    const reject = (key: string | null, reasons: string[]) =>
      plan.rejected.push({ line, key, reasons } satisfies TImportRejection);
    if (record.problem) {
      reject(record.cells.code || null, [record.problem]);
      continue;
    }
    const parsed = ZEquipmentImportRowSchema.safeParse(
      presentCells(record.cells, EQUIPMENT_IMPORT_COLUMNS.optional),
    );
    if (!parsed.success) {
      reject(record.cells.code || null, issueReasons(parsed.error));
      continue;
    }
    const row = parsed.data;
    const reasons: string[] = [];
    const earlier = firstLine.get(row.code);
    if (earlier !== undefined) reasons.push(`code: ${row.code} is also on line ${earlier}.`);
    else firstLine.set(row.code, line);
    const typeId = types.get(row.type);
    if (!typeId) {
      reasons.push(`type: there is no equipment type "${row.type}"; add it in Settings first.`);
    }
    const current = existing.get(row.code) ?? null;
    const status = statusProblem({
      label: row.code,
      current: current?.status ?? null,
      wanted: row.status,
      activeReference: current?.activeReference ?? null,
    });
    if (status) reasons.push(status);
    if (current && typeId && typeId !== current.typeId && current.status === 'assigned') {
      const job = current.activeReference ? ` (${current.activeReference})` : '';
      reasons.push(`type: ${row.code} is on a job${job}; release it before changing its type.`);
    }
    if (reasons.length > 0 || !typeId) {
      reject(row.code, reasons);
      continue;
    }
    if (!current) {
      plan.creates.push({
        line,
        code: row.code,
        name: row.name,
        typeId,
        status: settable(row.status),
      });
      continue;
    }
    const update = changesOf(current, { name: row.name, typeId, status: row.status });
    if (update) plan.updates.push({ line, id: current.id, code: row.code, ...update });
    else plan.unchanged++;
  }
  return plan;
}

/** Rows that pass statusProblem never ask for `assigned` on a new unit. */
function settable(status: TEquipmentStatus | undefined): TSettableEquipmentStatus {
  return status === undefined || status === 'assigned' ? 'available' : status;
}

function changesOf(
  current: TExistingEquipment,
  wanted: { name: string; typeId: string; status: TEquipmentStatus | undefined },
): Pick<TEquipmentUpdate, 'changes' | 'status'> | null {
  const changes: TEquipmentUpdate['changes'] = {};
  if (wanted.name !== current.name) changes.name = wanted.name;
  if (wanted.typeId !== current.typeId) changes.typeId = wanted.typeId;
  // statusProblem has refused every change into or out of `assigned`.
  const status =
    wanted.status !== undefined &&
    wanted.status !== current.status &&
    wanted.status !== 'assigned' &&
    current.status !== 'assigned'
      ? { from: current.status, to: wanted.status }
      : null;
  if (Object.keys(changes).length === 0 && !status) return null;
  return { changes, status };
}
