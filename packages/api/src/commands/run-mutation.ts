import type { Transaction } from '@dispatch/db';
import type { TPrincipal } from '@dispatch/domain';
import type { TContext } from '../context';
import { invalidateDashboard } from '../read/dashboard-cache';
import { type TActor, actorOf } from './actor';
import type { TCommand, TCommandContext } from './command';
import { EventLog } from './event-log';
import { withIdempotency } from './idempotency';
import { fillIfAuto } from './steps/fill-queue';

export type TMutationContext = Pick<TContext, 'db' | 'log'> & { principal: TPrincipal };

/** A command's answer to its caller, read in the same transaction after the command and the fill. */
export type TAnswer<TOutput, TResult> = (tx: Transaction, output: TOutput) => Promise<TResult>;

/**
 * The one way a command runs, for procedures and imports alike:
 *
 * 1. one transaction, with the caller as the actor;
 * 2. an idempotency key in the input (`idempotencyKey`) makes a retry return the first answer
 *    (the key is not part of the command's input);
 * 3. the command runs and its events are written; if any may let a waiting order be served (the
 *    domain's `wakesQueue`), the queue is filled in the same transaction when auto-dispatch is on;
 * 4. `answer`, if given, reads the caller's shape in the transaction;
 * 5. after the commit: the dashboard cache is cleared if anything was written, and the queue is
 *    filled once more if it was woken. A transaction's own fill cannot see orders or free resources
 *    that concurrent transactions have not committed yet, but whichever of them commits last sees
 *    both, so nothing waits forever. The commit already happened, so a failing refill is logged.
 *
 * So no command and no procedure decides when the queue is filled or which cache is cleared.
 */
export async function runMutation<TInput, TOutput, TResult = TOutput>(
  ctx: TMutationContext,
  command: TCommand<TInput, TOutput>,
  input: TInput & { idempotencyKey?: string | undefined },
  answer?: TAnswer<TOutput, TResult>,
): Promise<TResult> {
  const actor = actorOf(ctx.principal);
  const { idempotencyKey, ...fields } = input;
  const commandInput = fields as TInput;
  let log: EventLog | undefined;
  const result = await ctx.db.transaction((tx) =>
    withIdempotency(
      tx,
      { subject: actor.subject, operation: command.name, key: idempotencyKey, input: fields },
      async () => {
        log = new EventLog(tx, actor);
        const context: TCommandContext = { tx, actor, events: log };
        const output = await command.run(context, commandInput);
        await log.flush();
        if (log.wakesQueue) await fillIfAuto(context);
        return answer ? answer(tx, output) : (output as unknown as TResult);
      },
    ),
  );
  // A retry answered from its idempotency key ran nothing: no log, nothing to clear or fill.
  if (log && log.written.length > 0) invalidateDashboard(ctx.db);
  if (log?.wakesQueue) await refillAfterCommit(ctx, actor);
  return result;
}

async function refillAfterCommit(ctx: TMutationContext, actor: TActor): Promise<void> {
  try {
    const filled = await ctx.db.transaction((tx) =>
      fillIfAuto({ tx, actor, events: new EventLog(tx, actor) }),
    );
    if (filled.length > 0) {
      invalidateDashboard(ctx.db);
      ctx.log.info({ filled: filled.length }, 'queue filled after commit');
    }
  } catch (error) {
    ctx.log.error({ err: error }, 'queue fill after commit failed');
  }
}
