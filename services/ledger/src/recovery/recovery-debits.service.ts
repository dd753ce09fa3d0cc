import type { DataSource, EntityManager } from 'typeorm';
import {
  accountRefOf,
  type LedgerMovement,
  type RecoveriesDue,
  type RecoveriesDueRequest,
  type RecoveryCover,
  type RecoveryCoverRequest,
  type RecoveryDebitOutcomeRequest,
  type RecoveryDebitRequest,
} from '@dash/contracts';
import { retryOnDeadlock } from '@dash/db';
import { DashError, notFound } from '@dash/errors';
import { touchReads } from '@dash/read-cache';
import {
  BalanceTransaction,
  BalanceTransactionStatus,
} from '../balance-transaction/balance-transaction.entity.js';
import type { NegativeBalances } from '../negative-balance/negative-balances.service.js';
import { lockOwed } from '../negative-balance/owed.service.js';
import { earlierEffect, type ServiceCommands } from '../postings/commands.service.js';
import type { BalanceTransactionType } from '../postings/entries.rules.js';
import { applyPostings, insertPostings, postEntry } from '../postings/post-entry.service.js';
import {
  coverAmount,
  negativeBalanceCoverEntry,
  recoveryDebitEntry,
  recoveryDebitFailureEntry,
  recoverySettlePostings,
} from './recovery.rules.js';

/** Idempotency keys of the payouts service (its recovery debit ids are its own, like payouts'). */
const KEY_SCOPE = 'svc:payouts';

const movement = (transaction: BalanceTransaction): LedgerMovement => ({
  balanceTransactionId: transaction.id,
  amount: transaction.amount,
  fee: transaction.fee,
});

/**
 * The `attempt`-th balance transaction of `type` a recovery debit posted: each try of the debit
 * posts its own pending entry (and, failed, its own failure), one after the other.
 */
async function attemptEffect(
  manager: EntityManager,
  recoveryDebitId: string,
  type: BalanceTransactionType,
  attempt: number,
  lock = false,
): Promise<BalanceTransaction | null> {
  const [row] = (await manager.query(
    `SELECT id FROM balance_transactions WHERE source_id = ? AND type = ?
     ORDER BY created_at, id LIMIT 1 OFFSET ${attempt - 1}${lock ? ' FOR UPDATE' : ''}`,
    [recoveryDebitId, type],
  )) as Array<{ id: string }>;
  return row ? manager.getRepository(BalanceTransaction).findOneBy({ id: row.id }) : null;
}

const attemptsOf = async (manager: EntityManager, recoveryDebitId: string) =>
  (await manager.getRepository(BalanceTransaction).find({
    where: { source: recoveryDebitId, type: 'recovery_debit' },
  })) as BalanceTransaction[];

/**
 * The ledger's side of recovering negative balances from the accounts' banks (the payouts
 * service runs the debits): which balances are due, each attempt's pending money, its
 * settlement or failure, and the platform's cover of what could not be collected. Each command
 * is answered from its own earlier effect when it is tried again.
 */
export class RecoveryDebits {
  constructor(
    private readonly dataSource: DataSource,
    private readonly commands: ServiceCommands,
    private readonly negativeBalances: NegativeBalances,
  ) {}

  async due(request: RecoveriesDueRequest): Promise<RecoveriesDue> {
    const due = await this.negativeBalances.dueForRecovery(new Date(request.at), request.limit);
    return { due: due.map((each) => ({ ...each, since: each.since.toISOString() })) };
  }

  /** One attempt's debit started: its money is pending until the bank settles it. */
  start(request: RecoveryDebitRequest): Promise<LedgerMovement> {
    return this.commands
      .postOnce(
        {
          scope: KEY_SCOPE,
          key: `${request.recoveryDebitId}:${request.attempt}`,
          operation: 'recoveryDebit',
          params: request,
        },
        (manager) =>
          attemptEffect(manager, request.recoveryDebitId, 'recovery_debit', request.attempt),
        async (manager, id) => {
          const earlier = await attemptsOf(manager, request.recoveryDebitId);
          // An attempt follows the one before it, once that one failed.
          if (
            earlier.length !== request.attempt - 1 ||
            earlier.some((each) => each.status === BalanceTransactionStatus.pending)
          )
            throw new DashError(
              'FAILED_PRECONDITION',
              'This recovery debit attempt does not follow a failed one.',
              { reason: 'RECOVERY_ATTEMPT_OUT_OF_ORDER' },
            );
          const account = accountRefOf(request);
          const now = new Date();
          const entry = recoveryDebitEntry({
            ...account,
            currency: request.currency,
            amount: request.amount,
            sourceId: request.recoveryDebitId,
            description: request.description,
            now,
          });
          return postEntry(manager, account, entry, now, id);
        },
      )
      .then(movement);
  }

  /** The attempt's bank debit settled: its money makes good the available balance, once. */
  settle(request: RecoveryDebitOutcomeRequest): Promise<LedgerMovement> {
    return retryOnDeadlock(() =>
      this.dataSource.transaction(async (manager) => {
        const pending = await this.lockAttempt(manager, request);
        if (pending.status === BalanceTransactionStatus.available) {
          if (
            await attemptEffect(
              manager,
              request.recoveryDebitId,
              'recovery_debit_failure',
              request.attempt,
            )
          )
            throw new DashError('FAILED_PRECONDITION', 'This recovery debit failed.', {
              reason: 'RECOVERY_DEBIT_FAILED',
            });
          return pending;
        }
        const now = new Date();
        const postings = recoverySettlePostings(pending.accountId, pending.amount);
        await insertPostings(
          manager,
          pending.id,
          pending.livemode,
          pending.currency,
          postings,
          now,
        );
        await applyPostings(manager, pending.livemode, pending.currency, postings);
        await touchReads(manager, { accountId: pending.accountId });
        // Available from now: the moment the watch of negative balances sees it made good.
        await manager
          .getRepository(BalanceTransaction)
          .update(
            { id: pending.id },
            { status: BalanceTransactionStatus.available, availableOn: now },
          );
        return pending;
      }),
    ).then(movement);
  }

  /** The attempt's bank debit failed: its pending money goes back, once. */
  fail(request: RecoveryDebitOutcomeRequest): Promise<LedgerMovement> {
    return this.commands
      .postOnce(
        {
          scope: KEY_SCOPE,
          key: `${request.recoveryDebitId}:${request.attempt}:failed`,
          operation: 'recoveryDebitFailed',
          params: request,
        },
        (manager) =>
          attemptEffect(
            manager,
            request.recoveryDebitId,
            'recovery_debit_failure',
            request.attempt,
          ),
        async (manager, id) => {
          const pending = await this.lockAttempt(manager, request);
          if (pending.status === BalanceTransactionStatus.available)
            throw new DashError('FAILED_PRECONDITION', 'This recovery debit already settled.', {
              reason: 'RECOVERY_DEBIT_SETTLED',
            });
          const now = new Date();
          const entry = recoveryDebitFailureEntry({
            ...accountRefOf(pending),
            currency: pending.currency,
            amount: pending.amount,
            sourceId: request.recoveryDebitId,
            description: request.description,
            now,
          });
          const posted = await postEntry(manager, accountRefOf(pending), entry, now, id);
          // Nothing pending is left of it: the debit and its failure read as a pair.
          await manager
            .getRepository(BalanceTransaction)
            .update({ id: pending.id }, { status: BalanceTransactionStatus.available });
          return posted;
        },
      )
      .then(movement);
  }

  /**
   * The debit could not be collected: the platform covers what the account still owes — no
   * more than the debit, nothing when it owes nothing (NOTHING_OWED) — once.
   */
  cover(request: RecoveryCoverRequest): Promise<RecoveryCover> {
    return this.commands
      .postOnce(
        {
          scope: KEY_SCOPE,
          key: `${request.recoveryDebitId}:cover`,
          operation: 'negativeBalanceCover',
          params: request,
        },
        (manager) => earlierEffect(manager, request.recoveryDebitId, ['negative_balance_cover']),
        async (manager, id) => {
          const account = accountRefOf(request);
          const now = new Date();
          const owed = await lockOwed(manager, account, request.currency, now);
          const amount = coverAmount(owed, request.amount);
          if (amount === 0)
            throw new DashError('FAILED_PRECONDITION', 'The account no longer owes anything.', {
              reason: 'NOTHING_OWED',
            });
          const entry = negativeBalanceCoverEntry({
            ...account,
            currency: request.currency,
            amount,
            sourceId: request.recoveryDebitId,
            description: request.description,
            now,
          });
          return postEntry(manager, account, entry, now, id);
        },
      )
      .then((posted) => ({ balanceTransactionId: posted.id, amount: posted.amount }));
  }

  private async lockAttempt(
    manager: EntityManager,
    request: RecoveryDebitOutcomeRequest,
  ): Promise<BalanceTransaction> {
    const pending = await attemptEffect(
      manager,
      request.recoveryDebitId,
      'recovery_debit',
      request.attempt,
      true,
    );
    if (!pending) throw notFound('recovery debit', request.recoveryDebitId);
    return pending;
  }
}
