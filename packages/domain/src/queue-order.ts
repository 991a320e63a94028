import { PRIORITIES, type TPriority } from './enums';

export interface TQueueEntry {
  priority: TPriority;
  dueBy: Date | null;
  queuedAt: Date;
  number: number;
}

export function priorityRank(priority: TPriority): number {
  return PRIORITIES.indexOf(priority);
}

/**
 * Queue order: priority first, then the earliest due-by (orders without one last), then the time
 * queued, then the reference number so the order is total. The SQL `ORDER BY` of the queue index
 * mirrors this; a test checks that both agree.
 */
export function compareQueueEntries(a: TQueueEntry, b: TQueueEntry): number {
  const byPriority = priorityRank(a.priority) - priorityRank(b.priority);
  if (byPriority !== 0) return byPriority;
  if (a.dueBy && b.dueBy) {
    const byDue = a.dueBy.getTime() - b.dueBy.getTime();
    if (byDue !== 0) return byDue;
  } else if (a.dueBy) {
    return -1;
  } else if (b.dueBy) {
    return 1;
  }
  const byQueued = a.queuedAt.getTime() - b.queuedAt.getTime();
  if (byQueued !== 0) return byQueued;
  return a.number - b.number;
}

export function sortQueue<T extends TQueueEntry>(entries: readonly T[]): T[] {
  return [...entries].sort(compareQueueEntries);
}
