import type { Transaction } from '@dispatch/db';
import type { TActor } from './actor';
import type { EventLog } from './event-log';

/** What a command runs with: its transaction, who acts, and the transaction's event log. */
export interface TCommandContext {
  tx: Transaction;
  actor: TActor;
  events: EventLog;
}

/**
 * One state change of the domain. `run` locks what it changes, applies the domain's rules to the
 * locked rows, writes, and appends its events, all with the context's transaction; it never opens
 * a transaction, never fills the queue for its own sake and never answers an API shape. Procedures,
 * CSV imports and (later) the scheduler run commands through `runMutation`, and a command may run
 * another with its own context (an import runs the create and update commands row by row).
 *
 * `name` is the operation an idempotency key is stored under; it is the procedure's path.
 */
export interface TCommand<TInput, TOutput> {
  name: string;
  run: (context: TCommandContext, input: TInput) => Promise<TOutput>;
}

/** Declares a command; the identity function, for inference and for finding commands by name. */
export function defineCommand<TInput, TOutput>(
  command: TCommand<TInput, TOutput>,
): TCommand<TInput, TOutput> {
  return command;
}
