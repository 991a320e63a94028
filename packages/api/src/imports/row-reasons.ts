import type { z } from 'zod';

/** Zod issues as reasons a person can act on: `code: Use letters, digits and dashes…`. */
export function issueReasons(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const [column, item] = issue.path;
    const where =
      typeof item === 'number' ? `${String(column)} (item ${item + 1})` : String(column ?? 'row');
    return `${where}: ${issue.message}`;
  });
}

/** The cells to validate: an empty optional cell means "not given", not an empty value. */
export function presentCells(
  cells: Record<string, string>,
  optional: readonly string[],
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(cells).filter(([name, value]) => value !== '' || !optional.includes(name)),
  );
}

/**
 * Whether a status in the file can be applied. `assigned` belongs to dispatches: a row may repeat
 * it (an export of a unit on a job re-imports unchanged) but never set or clear it.
 */
export function statusProblem(options: {
  label: string;
  current: string | null;
  wanted: string | undefined;
  activeReference: string | null;
}): string | null {
  const { label, current, wanted, activeReference } = options;
  if (wanted === undefined || wanted === current) return null;
  if (wanted === 'assigned') {
    return current === null
      ? `status: a new record cannot start as assigned; only a dispatch assigns. Leave status empty or use another.`
      : `status: ${label} is ${current}; only a dispatch makes it assigned. Leave status empty to keep the current status.`;
  }
  if (current === 'assigned') {
    const job = activeReference ? ` (${activeReference})` : '';
    return `status: ${label} is on a job${job}; release it before setting it to ${wanted}, or leave status empty.`;
  }
  return null;
}
