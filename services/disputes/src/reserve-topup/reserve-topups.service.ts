import type { DataSource, EntityManager } from 'typeorm';
import { accountRefOf, type AccountRef } from '@dash/contracts';
import { insertOrLock } from '@dash/db';
import { DashError } from '@dash/errors';
import { newId } from '@dash/ids';
import type { Logger } from '@dash/logger';
import { touchReads } from '@dash/read-cache';
import { formatMoney, MAX_CHARGE_AMOUNT } from '@dash/money';
import {
  checkIdempotencyKey,
  currencyInput,
  type BankDebitRail,
  type IdempotencyKeys,
} from '@dash/subgraph';
import type { LedgerClient } from '../dispute/ledger-client.service.js';
import { ReserveTopup } from './reserve-topup.entity.js';

export interface TopupLimits {
  /** What one account may add per currency and UTC day, in minor units. */
  dailyMax: number;
}

const utcDay = (moment: Date) => moment.toISOString().slice(0, 10);

/**
 * Top-ups of the refunds-and-disputes reserve: bounded (one no more than a charge may be, all
 * of a day no more than the daily cap) and backed (the money is pulled from the account's bank
 * through the rail, and stays pending in the ledger until the rail settles it; a failed debit
 * takes the pending money back out). Each top-up is written once per idempotency key (claimed
 * in the transaction that writes it and counts it against the day's cap); its steps — the
 * ledger's pending entry, the debit, its outcome — are each idempotent by the top-up's id, so
 * the worker carries on with whatever one was left undone.
 */
export class ReserveTopups {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: IdempotencyKeys,
    private readonly ledger: LedgerClient,
    private readonly rail: BankDebitRail,
    private readonly limits: TopupLimits,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async topUp(
    account: AccountRef,
    amount: number,
    currencyCode: string,
    key: string,
    source: string | null = null,
  ): Promise<ReserveTopup> {
    if (!Number.isSafeInteger(amount) || amount < 1 || amount > MAX_CHARGE_AMOUNT)
      throw new DashError(
        'BAD_USER_INPUT',
        `amount must be from 1 to ${MAX_CHARGE_AMOUNT} minor units, as for a charge`,
        { field: 'amount', reason: 'AMOUNT_OUT_OF_RANGE', max: MAX_CHARGE_AMOUNT },
      );
    checkIdempotencyKey(key);
    const currency = currencyInput(currencyCode);
    const row = this.dataSource.getRepository(ReserveTopup).create({
      id: newId('topup'),
      ...accountRefOf(account),
      amount,
      currency,
      status: 'pending',
      idempotencyKey: key,
      source,
      balanceTransactionId: null,
      railReference: null,
      sentAt: null,
      failureCode: null,
      failureMessage: null,
      createdAt: this.now(),
    });
    const topup = await this.keys.once(
      {
        scope: account.accountId,
        key,
        operation: 'topUpReserve',
        params: { amount, currency, source },
        resultId: row.id,
      },
      async (manager) => {
        await this.countAgainstDailyCap(manager, row);
        await manager.getRepository(ReserveTopup).insert(row);
        await touchReads(manager, { accountId: row.accountId });
        return row;
      },
      async (id) => (await this.dataSource.getRepository(ReserveTopup).findOneBy({ id }))!,
    );
    return topup.status === 'pending' ? this.start(topup) : topup;
  }

  /** The worker's pass: starts what was left unstarted, and settles what the bank settled. */
  async advancePending(): Promise<void> {
    const pending = await this.dataSource
      .getRepository(ReserveTopup)
      .find({ where: { status: 'pending' }, order: { createdAt: 'ASC' }, take: 100 });
    for (const topup of pending)
      await this.advance(topup).catch((error: unknown) =>
        this.log.warn({ err: error, topupId: topup.id }, 'top-up not settled yet'),
      );
  }

  /**
   * Raises the day's total by the amount only while it stays within the cap — the day's row
   * made or locked first, then one guarded UPDATE, so of many parallel top-ups exactly those
   * that fit get through, one after another. Refused, the transaction rolls back and the
   * top-up is not written either.
   */
  private async countAgainstDailyCap(manager: EntityManager, topup: ReserveTopup) {
    const dayRow = {
      account_id: topup.accountId,
      livemode: topup.livemode,
      currency: topup.currency,
      day: utcDay(topup.createdAt),
    };
    await insertOrLock(manager, 'reserve_topup_days', { ...dayRow, total: 0 });
    const day = Object.values(dayRow);
    const raised = (await manager.query(
      `UPDATE reserve_topup_days SET total = total + ?
       WHERE account_id = ? AND livemode = ? AND currency = ? AND day = ? AND total + ? <= ?`,
      [topup.amount, ...day, topup.amount, this.limits.dailyMax],
    )) as { affectedRows: number };
    if (!raised.affectedRows)
      throw new DashError(
        'FAILED_PRECONDITION',
        `Top-ups are limited to ${formatMoney(this.limits.dailyMax, topup.currency, 'en')} a day. Try again tomorrow, or add less.`,
        { reason: 'TOPUP_DAILY_LIMIT', field: 'amount', dailyMax: this.limits.dailyMax },
      );
  }

  /** The ledger's pending entry, then the debit: what a new top-up needs done at once. */
  private async start(topup: ReserveTopup): Promise<ReserveTopup> {
    if (!topup.balanceTransactionId) {
      const pending = await this.ledger.topUp({
        topupId: topup.id,
        accountId: topup.accountId,
        platformId: topup.platformId,
        livemode: topup.livemode,
        amount: topup.amount,
        currency: topup.currency,
        description: 'Added to the refunds and disputes reserve',
      });
      await this.save(topup, { balanceTransactionId: pending.balanceTransactionId });
    }
    if (!topup.railReference) {
      const sent = await this.rail.debit(topup);
      await this.save(topup, { railReference: sent.reference, sentAt: this.now() });
    }
    return topup;
  }

  private async advance(topup: ReserveTopup): Promise<void> {
    await this.start(topup);
    const status = await this.rail.status({
      ...topup,
      reference: topup.railReference!,
      sentAt: topup.sentAt!,
    });
    if (status.state === 'pending') return;
    if (status.state === 'settled') {
      await this.ledger.topUpSettled({ topupId: topup.id, description: 'Bank debit settled' });
      await this.finish(topup, { status: 'succeeded' });
      return;
    }
    await this.ledger.topUpFailed({
      topupId: topup.id,
      description: `Bank debit failed: ${status.message}`,
    });
    await this.finish(topup, {
      status: 'failed',
      failureCode: status.code,
      failureMessage: status.message,
    });
  }

  private async save(topup: ReserveTopup, changes: Partial<ReserveTopup>): Promise<void> {
    await this.dataSource.getRepository(ReserveTopup).update({ id: topup.id }, changes);
    await touchReads(this.dataSource.manager, { accountId: topup.accountId });
    Object.assign(topup, changes);
  }

  /** Only a pending top-up ends, and only once. */
  private async finish(topup: ReserveTopup, changes: Partial<ReserveTopup>): Promise<void> {
    await this.dataSource
      .getRepository(ReserveTopup)
      .update({ id: topup.id, status: 'pending' }, changes);
    await touchReads(this.dataSource.manager, { accountId: topup.accountId });
    Object.assign(topup, changes);
  }
}
