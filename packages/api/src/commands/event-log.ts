import type { Transaction } from '@dispatch/db';
import { schema } from '@dispatch/db';
import {
  type TEventBody,
  type TEventEntityOf,
  type TEventKind,
  type TEventPayload,
  eventColumnsOf,
  parseEventBody,
  wakesQueue,
} from '@dispatch/domain';
import type { TActor } from './actor';

/** The work order an event concerns: its id and its human reference. */
export interface TOrderRef {
  id: string;
  reference: string;
}

/** Settings have no uuid; the nil uuid names "the company settings". */
const SETTINGS_ENTITY_ID = '00000000-0000-0000-0000-000000000000';

/**
 * An event to append. A work-order event is about its order; any other names its entity, and names
 * the order it concerns when there is one (a unit sent to maintenance by a release).
 */
export type TNewEvent<K extends TEventKind> = {
  kind: K;
  payload: TEventPayload<K>;
} & (TEventEntityOf<K> extends 'work_order'
  ? { workOrder: TOrderRef }
  : TEventEntityOf<K> extends 'settings'
    ? { workOrder?: undefined }
    : { entityId: string; workOrder?: TOrderRef | null });

export type TEventRow = typeof schema.events.$inferInsert;

/** Rows per insert when the log is flushed: 8 columns each, well under 65,535 parameters. */
const FLUSH_BATCH = 1000;

/**
 * The event log of one command's transaction: the one way an event is written. Each event is
 * checked against the domain's catalogue and written with the command's transaction and actor;
 * the log remembers what was written, from which the mutation builder decides whether to fill the
 * queue and to clear the dashboard (commands/run-mutation.ts).
 *
 * `append` collects; `flush` writes what was collected in multi-row inserts, still inside the
 * command's transaction (the mutation builder flushes right after the command, before anything
 * else runs in it), so an import of 5,000 rows writes its events in 5 statements, not 5,000.
 */
export class EventLog {
  readonly #tx: Transaction;
  readonly #actor: TActor;
  readonly #written: TEventBody[] = [];
  #pending: TEventRow[] = [];

  constructor(tx: Transaction, actor: TActor) {
    this.#tx = tx;
    this.#actor = actor;
  }

  /** Appends an event to the command's transaction (written at the next `flush`). */
  append<K extends TEventKind>(event: TNewEvent<K>): void {
    this.#pending.push(this.prepare(event));
  }

  /** Writes every appended event not yet written, in the log's transaction. */
  async flush(): Promise<void> {
    const rows = this.#pending;
    this.#pending = [];
    for (let i = 0; i < rows.length; i += FLUSH_BATCH) {
      await this.#tx.insert(schema.events).values(rows.slice(i, i + FLUSH_BATCH));
    }
  }

  /**
   * Checks and records an event and returns its row, for a command that inserts it as part of a
   * larger statement in the same transaction (the assignment's single statement).
   */
  prepare<K extends TEventKind>(event: TNewEvent<K>): TEventRow {
    // The conditional type has done its work at the call site; read the event as its plain shape.
    const given = event as {
      kind: K;
      payload: unknown;
      entityId?: string;
      workOrder?: TOrderRef | null;
    };
    const body = parseEventBody({ kind: given.kind, payload: given.payload });
    const { entityType, action } = eventColumnsOf(given.kind);
    const workOrder = given.workOrder ?? null;
    const entityId =
      given.entityId ?? (entityType === 'settings' ? SETTINGS_ENTITY_ID : (workOrder?.id ?? ''));
    this.#written.push(body);
    return {
      entityType,
      entityId,
      workOrderId: workOrder?.id ?? null,
      workOrderReference: workOrder?.reference ?? null,
      action,
      actorSubject: this.#actor.subject,
      actorName: this.#actor.name,
      payload: body.payload,
    };
  }

  /** Every event written so far in this transaction, in order. */
  get written(): readonly TEventBody[] {
    return this.#written;
  }

  /** Whether anything written so far may let a waiting order be served (domain: wakesQueue). */
  get wakesQueue(): boolean {
    return this.#written.some(wakesQueue);
  }
}
