/**
 * When to SIGKILL the server, in milliseconds from the start of the load: one random moment in
 * each of `kills` equal slots of the middle 90 % of the run, so the kills are spread out but never
 * at predictable points.
 */
export function killSchedule(kills: number, durationMs: number, random = Math.random): number[] {
  const start = durationMs * 0.05;
  const slot = (durationMs * 0.9) / Math.max(kills, 1);
  return Array.from({ length: kills }, (_, i) => Math.round(start + slot * (i + random())));
}
