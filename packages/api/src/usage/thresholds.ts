/**
 * When a team should move to a bigger deployment (the embedded single server suits a small team;
 * beyond these figures, run the production stack, then more replicas): about 500 completed
 * dispatches, responses over 5 s, close to 100 concurrent users. A threshold is "approaching" from
 * 80 % of its limit.
 */
export const DEPLOYMENT_LIMITS = {
  completedDispatches: 500,
  responseMs: 5000,
  concurrentUsers: 100,
} as const;

export const APPROACHING_SHARE = 0.8;

export const THRESHOLD_KEYS = [
  'completed_dispatches',
  'p95_response',
  'slowest_response',
  'concurrent_users',
] as const;
export type TThresholdKey = (typeof THRESHOLD_KEYS)[number];

export const THRESHOLD_STATUSES = ['ok', 'approaching', 'exceeded'] as const;
export type TThresholdStatus = (typeof THRESHOLD_STATUSES)[number];

export interface TThreshold {
  key: TThresholdKey;
  label: string;
  value: number;
  limit: number;
  unit: 'dispatches' | 'ms' | 'users';
  status: TThresholdStatus;
  /** What the value refers to, e.g. the slowest procedure. */
  detail: string | null;
}

/**
 * Counts reach their limit at the limit ("500+ dispatches", "100 users"); response times exceed
 * it only above it, since a p95 reported as 5,000 ms means "at most 5 s".
 */
export function thresholdStatus(
  value: number,
  limit: number,
  reachedAt: 'limit' | 'above',
): TThresholdStatus {
  if (reachedAt === 'limit' ? value >= limit : value > limit) return 'exceeded';
  return value >= limit * APPROACHING_SHARE ? 'approaching' : 'ok';
}

export function buildThresholds(input: {
  completedDispatches: number;
  worstP95: { ms: number; path: string } | null;
  slowest: { ms: number; path: string } | null;
  peakUsers: { users: number; day: string } | null;
}): TThreshold[] {
  const { completedDispatches: dispatches, responseMs, concurrentUsers } = DEPLOYMENT_LIMITS;
  const p95 = input.worstP95?.ms ?? 0;
  const slowest = input.slowest?.ms ?? 0;
  const users = input.peakUsers?.users ?? 0;
  return [
    {
      key: 'completed_dispatches',
      label: 'Completed dispatches to date',
      value: input.completedDispatches,
      limit: dispatches,
      unit: 'dispatches',
      status: thresholdStatus(input.completedDispatches, dispatches, 'limit'),
      detail: null,
    },
    {
      key: 'p95_response',
      label: 'Slowest p95 response time',
      value: p95,
      limit: responseMs,
      unit: 'ms',
      status: thresholdStatus(p95, responseMs, 'above'),
      detail: input.worstP95?.path ?? null,
    },
    {
      key: 'slowest_response',
      label: 'Slowest single response',
      value: slowest,
      limit: responseMs,
      unit: 'ms',
      status: thresholdStatus(slowest, responseMs, 'above'),
      detail: input.slowest?.path ?? null,
    },
    {
      key: 'concurrent_users',
      label: 'Peak concurrent users',
      value: users,
      limit: concurrentUsers,
      unit: 'users',
      status: thresholdStatus(users, concurrentUsers, 'limit'),
      detail: input.peakUsers?.day ?? null,
    },
  ];
}
