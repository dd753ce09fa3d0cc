import { IsNull, Not, type DataSource, type EntityManager } from 'typeorm';
import { accountRefOf, type DueRecovery } from '@dash/contracts';
import { DashError } from '@dash/errors';
import { recordEvent } from '@dash/events';
import { newId } from '@dash/ids';
import type { Logger } from '@dash/logger';
import { touchReads } from '@dash/read-cache';
import type { BankDebitRail } from '@dash/subgraph';
import {
  ExternalAccount,
  ExternalAccountKind,
} from '../external-account/external-account.entity.js';
import { destinationLabel } from '../payout/payout-facts.rules.js';
import { RecoveryDebit, RecoveryDebitStatus } from './recovery-debit.entity.js';
import type { RecoveryLedgerClient } from './recovery-ledger-client.service.js';
import { afterFailure, openKeyOf, retryDelayMs } from './recovery.rules.js';

/** Due balances asked for, and debits under way moved along, per pass. */
const BATCH = 100;

const NO_BANK_ACCOUNT = {
  failureCode: 'no_bank_account',
  failureMessage: 'There is no bank account in this currency to debit.',
};

const isDuplicateKey = (error: unknown) =>
  (error as { driverError?: { errno?: number } }).driverError?.errno === 1062 ||
  (error as { errno?: number }).errno === 1062;

export interface RecoverySettings {
  /** The wait after a first failed try; it doubles with each (see retryDelayMs). */
  backoffMs: number;
}

/**
 * Recovering negative balances from the accounts' banks. The ledger says which balances are
 * due (negative for longer than the platform's recovery days); each gets one debit of what is
 * owed from the account's bank account in that currency — none, and it is uncollectible at
 * once. A debit's life: pending (the ledger's pending entry, then the rail's debit) →
 * succeeded (the ledger makes the balance good), or retrying after the bank refused it (the
 * ledger's failure entry), tried again after a backoff, and after the last try uncollectible:
 * the platform's balance covers what is still owed.
 *
 * Every step is a guarded UPDATE (`WHERE status = … AND attempt = …`) with its
 * `recovery_debit.updated` event in the same transaction, and every call to the ledger or the
 * rail is idempotent by the debit's id and attempt — so however many chores run at once, each
 * step happens once. A unique `open_key` holds one debit at a time per account and currency.
 */
export class RecoveryLifecycle {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: RecoveryLedgerClient,
    private readonly rail: BankDebitRail,
    private readonly settings: RecoverySettings,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** One pass: starts debits for the balances due, moves those under way along. */
  async run(): Promise<{ started: number; changed: number }> {
    const started = await this.startDue();
    let changed = 0;
    const open = await this.dataSource.getRepository(RecoveryDebit).find({
      where: { openKey: Not(IsNull()) },
      order: { createdAt: 'ASC' },
      take: BATCH,
    });
    for (const debit of open)
      changed += await this.advance(debit).catch((error: unknown) => {
        this.log.warn({ err: error, recoveryDebitId: debit.id }, 'recovery debit not moved yet');
        return 0;
      });
    return { started, changed };
  }

  /** A debit for each balance the ledger says is due and that has none under way. */
  private async startDue(): Promise<number> {
    const { due } = await this.ledger.due({ at: this.now().toISOString(), limit: BATCH });
    let started = 0;
    for (const balance of due) if (await this.open(balance)) started += 1;
    return started;
  }

  private async open(balance: DueRecovery): Promise<RecoveryDebit | null> {
    const account = accountRefOf(balance);
    const bank = await this.bankAccountFor(balance);
    const now = this.now();
    const debit = this.dataSource.getRepository(RecoveryDebit).create({
      id: newId('recoveryDebit'),
      ...account,
      currency: balance.currency,
      amount: balance.amount,
      status: bank ? RecoveryDebitStatus.pending : RecoveryDebitStatus.uncollectible,
      attempt: 1,
      nextAttemptAt: null,
      externalAccountId: bank?.id ?? null,
      destination: bank ? destinationLabel(bank) : null,
      // The simulated rail reads the number's last four digits; a real one finds the account's
      // bank account on file by them.
      railSource: bank?.last4 ?? null,
      railReference: null,
      sentAt: null,
      failureCode: bank ? null : NO_BANK_ACCOUNT.failureCode,
      failureMessage: bank ? null : NO_BANK_ACCOUNT.failureMessage,
      pendingTransactionId: null,
      ledgerTransactionIds: [],
      coveredAmount: null,
      openKey: openKeyOf({ ...account, currency: balance.currency }),
      createdAt: now,
      updatedAt: now,
      settledAt: null,
    });
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.getRepository(RecoveryDebit).insert(debit);
        await this.recordUpdate(manager, debit, now);
      });
    } catch (error) {
      // Another chore opened one for this balance first.
      if (isDuplicateKey(error)) return null;
      throw error;
    }
    return debit;
  }

  /** Moves one debit on as far as it can go now; returns how many state changes it made. */
  private async advance(debit: RecoveryDebit): Promise<number> {
    if (debit.status === RecoveryDebitStatus.retrying) {
      if (!debit.nextAttemptAt || debit.nextAttemptAt > this.now()) return 0;
      const retried = await this.step(debit, RecoveryDebitStatus.pending, {
        attempt: debit.attempt + 1,
        nextAttemptAt: null,
        railReference: null,
        sentAt: null,
        pendingTransactionId: null,
      });
      return retried ? 1 + (await this.advance(retried)) : 0;
    }
    if (debit.status === RecoveryDebitStatus.uncollectible) {
      await this.cover(debit);
      return 0;
    }
    if (debit.status !== RecoveryDebitStatus.pending) return 0;
    await this.send(debit);
    const status = await this.rail.status({
      id: this.railDebitId(debit),
      accountId: debit.accountId,
      amount: debit.amount,
      currency: debit.currency,
      source: debit.railSource,
      reference: debit.railReference!,
      sentAt: debit.sentAt!,
    });
    if (status.state === 'pending') return 0;
    const outcome = { recoveryDebitId: debit.id, attempt: debit.attempt };
    if (status.state === 'settled') {
      await this.ledger.settled({ ...outcome, description: 'Bank debit settled' });
      const now = this.now();
      return (await this.step(debit, RecoveryDebitStatus.succeeded, {
        settledAt: now,
        openKey: null,
      }))
        ? 1
        : 0;
    }
    const failed = await this.ledger.failed({
      ...outcome,
      description: `Bank debit failed: ${status.message}`,
    });
    const failure = {
      failureCode: status.code,
      failureMessage: status.message,
      ledgerTransactionIds: [...debit.ledgerTransactionIds, failed.balanceTransactionId],
    };
    if (afterFailure(debit.attempt) === 'retry')
      return (await this.step(debit, RecoveryDebitStatus.retrying, {
        ...failure,
        nextAttemptAt: new Date(
          this.now().getTime() + retryDelayMs(debit.attempt, this.settings.backoffMs),
        ),
      }))
        ? 1
        : 0;
    const givenUp = await this.step(debit, RecoveryDebitStatus.uncollectible, failure);
    if (!givenUp) return 0;
    await this.cover(givenUp);
    return 1;
  }

  /** The try's pending entry in the ledger, then its debit at the bank — each once. */
  private async send(debit: RecoveryDebit): Promise<void> {
    if (!debit.pendingTransactionId) {
      const pending = await this.ledger.start({
        recoveryDebitId: debit.id,
        attempt: debit.attempt,
        accountId: debit.accountId,
        platformId: debit.platformId,
        livemode: debit.livemode,
        currency: debit.currency,
        amount: debit.amount,
        description: `Negative balance recovered from ${debit.destination ?? 'the bank account'}`,
      });
      await this.save(debit, {
        pendingTransactionId: pending.balanceTransactionId,
        ledgerTransactionIds: [...debit.ledgerTransactionIds, pending.balanceTransactionId],
      });
    }
    if (!debit.railReference) {
      const sent = await this.rail.debit({
        id: this.railDebitId(debit),
        accountId: debit.accountId,
        amount: debit.amount,
        currency: debit.currency,
        source: debit.railSource,
      });
      await this.save(debit, { railReference: sent.reference, sentAt: this.now() });
    }
  }

  /** Uncollectible: the platform covers what is still owed (or nothing), then it is done. */
  private async cover(debit: RecoveryDebit): Promise<void> {
    let covered: { amount: number; balanceTransactionId: string | null };
    try {
      covered = await this.ledger.cover({
        recoveryDebitId: debit.id,
        accountId: debit.accountId,
        platformId: debit.platformId,
        livemode: debit.livemode,
        currency: debit.currency,
        amount: debit.amount,
        description: 'Negative balance covered by the platform',
      });
    } catch (error) {
      if (!(error instanceof DashError) || error.extensions.reason !== 'NOTHING_OWED') throw error;
      covered = { amount: 0, balanceTransactionId: null };
    }
    await this.save(debit, {
      coveredAmount: covered.amount,
      ledgerTransactionIds: covered.balanceTransactionId
        ? [...debit.ledgerTransactionIds, covered.balanceTransactionId]
        : debit.ledgerTransactionIds,
      openKey: null,
    });
  }

  /** Each try is a debit of its own at the bank, idempotent by this id. */
  private railDebitId = (debit: RecoveryDebit) => `${debit.id}_${debit.attempt}`;

  /** A bank account of the account's in the currency: the currency's default first. */
  private bankAccountFor(balance: DueRecovery): Promise<ExternalAccount | null> {
    return this.dataSource
      .getRepository(ExternalAccount)
      .createQueryBuilder('bank')
      .where(
        'bank.account_id = :accountId AND bank.platform_id = :platformId AND bank.livemode = :livemode',
        accountRefOf(balance),
      )
      .andWhere('bank.kind = :kind AND bank.currency = :currency', {
        kind: ExternalAccountKind.bank_account,
        currency: balance.currency,
      })
      .orderBy('bank.default_for IS NULL', 'ASC')
      .addOrderBy('bank.created_at', 'DESC')
      .getOne();
  }

  /** Writes progress within the current state and try; false once another pass moved it on. */
  private async save(debit: RecoveryDebit, changes: Partial<RecoveryDebit>): Promise<boolean> {
    const updated = await this.dataSource
      .getRepository(RecoveryDebit)
      .update(
        { id: debit.id, status: debit.status, attempt: debit.attempt },
        { ...changes, updatedAt: this.now() },
      );
    await touchReads(this.dataSource.manager, { accountId: debit.accountId });
    Object.assign(debit, changes);
    return Boolean(updated.affected);
  }

  /**
   * Moves the debit from its state (and try) to `to`, with its event, once: the debit as it is
   * after, or null when another pass got there first.
   */
  private step(
    debit: RecoveryDebit,
    to: RecoveryDebitStatus,
    changes: Partial<RecoveryDebit>,
  ): Promise<RecoveryDebit | null> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.now();
      const moved = await manager
        .getRepository(RecoveryDebit)
        .update(
          { id: debit.id, status: debit.status, attempt: debit.attempt },
          { ...changes, status: to, updatedAt: now },
        );
      if (!moved.affected) return null;
      const after = Object.assign(new RecoveryDebit(), debit, changes, {
        status: to,
        updatedAt: now,
      });
      await this.recordUpdate(manager, after, now);
      await touchReads(manager, { accountId: debit.accountId });
      return after;
    });
  }

  private recordUpdate(manager: EntityManager, debit: RecoveryDebit, now: Date) {
    return recordEvent(
      manager,
      'payouts',
      'recovery_debit.updated',
      accountRefOf(debit),
      {
        recoveryDebitId: debit.id,
        status: debit.status,
        amount: debit.amount,
        currency: debit.currency,
        attempt: debit.attempt,
        destination: debit.destination ?? 'No bank account',
        ...(debit.failureCode ? { failureCode: debit.failureCode } : {}),
        ...(debit.failureMessage ? { failureMessage: debit.failureMessage } : {}),
        ...(debit.nextAttemptAt ? { nextAttemptAt: debit.nextAttemptAt.toISOString() } : {}),
      },
      now,
    );
  }
}
