import { randomUUID } from 'node:crypto';
import type { TChaosFleet } from './fleet';
import type { RequestLog, TWriteKind, TWriteRequest } from './request-log';
import type { ServerGate } from './server-gate';
import { callProcedure, type TCallOutcome, type TCredentials } from './trpc-call';

const PRIORITIES = ['urgent', 'high', 'standard', 'low'] as const;
/** Stop creating while this many orders already wait: the queue stays busy but bounded. */
const MAX_QUEUED = 40;

type TSummary = {
  id: string;
  status: string;
  dispatch: { id: string; driverId: string } | null;
};

export interface TLoadDriver {
  /** Runs `workers` clients until `until` (ms since the epoch). */
  run: (workers: number, until: number) => Promise<void>;
  /** Sends every unanswered retryable write again with its same key; returns how many. */
  resendPending: () => Promise<number>;
}

/**
 * The load: dispatcher creates (idempotency key), manual assigns (key), driver advances from the
 * drivers' phones (idempotent by target stage), completions by dispatch or by the driver,
 * releases, and now and then auto-dispatch switched off and on. Every write goes through the
 * request log.
 */
export function loadDriver(options: {
  appUrl: string;
  admin: TCredentials;
  fleet: TChaosFleet;
  log: RequestLog;
  gate: ServerGate;
}): TLoadDriver {
  const { appUrl, admin, fleet, log, gate } = options;
  const random = <T>(items: readonly T[]): T | undefined =>
    items[Math.floor(Math.random() * items.length)];
  let queuedSeen = 0;

  async function send(request: TWriteRequest): Promise<TCallOutcome> {
    await gate.whenUp();
    const outcome = await callProcedure(
      appUrl,
      request.credentials,
      request.path,
      request.input,
      'mutation',
    );
    log.record(request, outcome);
    // No answer: most likely the server is down; give the restart a moment instead of piling up.
    if (outcome.kind === 'unknown') await new Promise((resolve) => setTimeout(resolve, 300));
    return outcome;
  }

  function write(
    kind: TWriteKind,
    path: string,
    input: Record<string, unknown>,
    options: { credentials?: TCredentials; retryable: boolean; meta?: Record<string, string> },
  ) {
    const request = log.add(kind, path, input, options.credentials ?? admin, options.retryable);
    if (options.meta) request.meta = options.meta;
    return send(request);
  }

  async function read<T>(path: string, input: unknown): Promise<T | undefined> {
    await gate.whenUp();
    const outcome = await callProcedure(appUrl, admin, path, input, 'query');
    if (outcome.kind === 'unknown') await new Promise((resolve) => setTimeout(resolve, 300));
    return outcome.kind === 'ok' ? (outcome.data as T) : undefined;
  }

  async function create() {
    const key = `chaos-create-${randomUUID()}`;
    await write(
      'create',
      'workOrders.create',
      {
        title: `chaos ${key}`,
        siteAddress: '1 Chaos Street',
        equipmentTypeId: random(fleet.typeIds),
        priority: random(PRIORITIES),
        idempotencyKey: key,
      },
      { retryable: true },
    );
  }

  async function assignQueued() {
    const page = await read<{ items: TSummary[] }>('workOrders.list', {
      statuses: ['queued'],
      limit: 50,
    });
    if (!page) return;
    queuedSeen = page.items.length;
    const order = random(page.items);
    if (!order) return;
    const candidates = await read<{ best: { equipmentId: string; driverId: string } | null }>(
      'dispatch.candidates',
      { workOrderId: order.id },
    );
    if (!candidates?.best) return;
    await write(
      'assign',
      'dispatch.assign',
      {
        workOrderId: order.id,
        equipmentId: candidates.best.equipmentId,
        driverId: candidates.best.driverId,
        idempotencyKey: `chaos-assign-${randomUUID()}`,
      },
      { retryable: true },
    );
  }

  async function moveActive() {
    const page = await read<{ items: TSummary[] }>('workOrders.list', {
      statuses: ['dispatched', 'en_route', 'on_site'],
      limit: 50,
    });
    const order = random(page?.items ?? []);
    if (!order?.dispatch) return;
    const cookie = fleet.driverCookies.get(order.dispatch.driverId);
    const driver = cookie ? { cookie } : undefined;
    const dispatchId = order.dispatch.id;
    if (Math.random() < 0.08) {
      // Not idempotent (a second release could free a later dispatch): sent once, never again.
      await write(
        'release',
        'dispatch.release',
        { workOrderId: order.id, reason: 'chaos release', equipmentStatus: 'available' },
        { retryable: false, meta: { dispatchId } },
      );
      return;
    }
    const next = { dispatched: 'en_route', en_route: 'on_site', on_site: 'completed' }[
      order.status
    ];
    if (!next || !driver) return;
    if (next === 'completed' && Math.random() < 0.5) {
      await write(
        'complete',
        'dispatch.complete',
        { workOrderId: order.id, note: 'completed by dispatch (chaos)' },
        { retryable: true, meta: { dispatchId } },
      );
      return;
    }
    await write(
      'advance',
      'driverApp.advance',
      { dispatchId, to: next, note: next === 'completed' ? 'done (chaos)' : '' },
      { credentials: driver, retryable: true },
    );
  }

  async function toggleAutoDispatch() {
    await write(
      'settings',
      'settings.update',
      { autoDispatch: Math.random() < 0.5 },
      { retryable: true },
    );
  }

  async function step() {
    const roll = Math.random();
    if (roll < 0.3) {
      if (queuedSeen < MAX_QUEUED) await create();
      else await assignQueued();
    } else if (roll < 0.32) await toggleAutoDispatch();
    else if (roll < 0.5) await assignQueued();
    else await moveActive();
  }

  async function worker(until: number) {
    while (Date.now() < until) {
      try {
        await step();
      } catch (error) {
        // A read that failed mid-restart: the next step starts over.
        void error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }

  return {
    run: async (workers, until) => {
      await Promise.all(Array.from({ length: workers }, () => worker(until)));
    },
    resendPending: async () => {
      const pending = log.pendingRetryable();
      for (const request of pending) await send(request);
      return pending.length;
    },
  };
}
