import { readFileSync } from 'node:fs';

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

/**
 * Peak resident memory (VmHWM, MB) of the server's node process: the spawned pid is tsx, which runs
 * the server in a child node process, so this takes the largest peak among the process and its
 * descendants.
 */
export function peakRssMb(rootPid: number): number {
  const pids = [rootPid];
  for (let i = 0; i < pids.length; i++) pids.push(...children(pids[i] ?? 0));
  return Math.max(...pids.map((pid) => statusField(pid, 'VmHWM'))) / 1024;
}
