/**
 * Splits rows into batches for multi-row inserts: one statement per batch instead of per row, and
 * each statement well under PostgreSQL's 65,535 bind parameters.
 */
export function chunks<T>(rows: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < rows.length; i += size) batches.push(rows.slice(i, i + size));
  return batches;
}
