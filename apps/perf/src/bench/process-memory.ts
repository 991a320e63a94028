import { readFileSync, writeFileSync } from 'node:fs';

function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

function statusField(pid: number, field: string): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function processTree(rootPid: number): number[] {
  const pids = [rootPid];
  for (let i = 0; i < pids.length; i++) pids.push(...children(pids[i] ?? 0));
  return pids;
}

/**
 * Starts a new peak: writing 5 to `/proc/<pid>/clear_refs` resets VmHWM to the current resident
 * size (Linux 4.0+), so the next `peakRssMb` covers only what ran after this call.
 */
export function resetPeakRss(rootPid: number): void {
  for (const pid of processTree(rootPid)) {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {
      // Gone, or not ours: its peak simply is not reset.
    }
  }
}

/**
 * Peak resident memory (VmHWM, MB) of the server's node process: the spawned pid is tsx, which runs
 * the server in a child node process, so this takes the largest peak among the process and its
 * descendants.
 */
export function peakRssMb(rootPid: number): number {
  return Math.max(...processTree(rootPid).map((pid) => statusField(pid, 'VmHWM'))) / 1024;
}
