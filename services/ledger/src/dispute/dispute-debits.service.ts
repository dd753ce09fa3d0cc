import type { DataSource, EntityManager } from 'typeorm';
import {
  accountRefOf,
  type ChargeFacts,
  type ChargeFactsRequest,
  type DisputeInquiryClosedRequest,
  type DisputeInquiryRequest,
  type DisputeRegistration,
  type DisputeReinstatementRequest,
  type DisputeWithdrawalRequest,
  type LedgerMovement,
  type ReserveTopupOutcomeRequest,
  type ReserveTopupRequest,
} from '@dash/contracts';
import { DashError, notFound } from '@dash/errors';
import {
  disputeEntry,
  disputeReversalEntry,
  topupEntry,
  topupReversalEntry,
  topupSettlePostings,
} from '../postings/entries.rules.js';
import {
  BalanceTransaction,
  BalanceTransactionStatus,
} from '../balance-transaction/balance-transaction.entity.js';
import { Charge } from '../charge/charge.entity.js';
import { earlierEffect, postReturnOf, type ServiceCommands } from '../postings/commands.service.js';
import { lockOwnBalances } from '../postings/own-balances.service.js';
import { applyPostings, insertPostings, postEntry } from '../postings/post-entry.service.js';
import { retryOnDeadlock } from '@dash/db';
import { lockOwed } from '../negative-balance/owed.service.js';
import { topupMakeGoodEntry, topupSplit } from '../recovery/recovery.rules.js';
import { touchReads } from '@dash/read-cache';

/** Idempotency keys of the disputes service: its dispute and top-up ids. */
const KEY_SCOPE = 'svc:disputes';

const movement = (transaction: BalanceTransaction): LedgerMovement => ({
  balanceTransactionId: transaction.id,
  amount: transaction.amount,
  fee: transaction.fee,
});

/** The charge a dispute names, locked: refunds of it wait, and so do other disputes of it. */
async function lockCharge(manager: EntityManager, request: ChargeFactsRequest): Promise<Charge> {
  const charge = await manager.getRepository(Charge).findOne({
    where: { id: request.chargeId, platformId: request.platformId, livemode: request.livemode },
    lock: { mode: 'pessimistic_write' },
  });
  if (!charge) throw notFound('payment', request.chargeId);
  return charge;
}

/**
 * Puts a dispute on its (locked) charge: one dispute per payment, for no more than neither a
 * refund nor another dispute has taken. A dispute already on it under this id is left as is.
 */
function registerOn(charge: Charge, disputeId: string, amount: number): void {
  if (charge.disputeId === disputeId) return;
  if (charge.disputeId)
    throw new DashError('CONFLICT', 'This payment is already disputed.', {
      reason: 'ALREADY_DISPUTED',
    });
  if (charge.outcome !== 'succeeded')
    throw new DashError('FAILED_PRECONDITION', 'Only a succeeded payment can be disputed.', {
      reason: 'NOT_DISPUTABLE',
    });
  // What can still be refunded is what can still be disputed.
  if (amount > charge.disputable)
    throw new DashError(
      'BAD_USER_INPUT',
      charge.disputable > 0
        ? `A dispute of this payment is for 1 to ${charge.disputable} (minor units).`
        : 'Nothing of this payment is left to dispute: it was refunded.',
      { field: 'amount', reason: 'NOT_DISPUTABLE' },
    );
  charge.disputeId = disputeId;
}

/**
 * The ledger's side of disputes: what a dispute takes back and gives back, and the reserve
 * accounts keep for refunds and disputes. Withdrawals draw from the reserve first, then the
 * available balance, which may go below zero — the payments that settle next make it good.
 * Each command is answered from its own earlier effect when it is tried again.
 */
export class DisputeDebits {
  constructor(
    private readonly dataSource: DataSource,
    private readonly commands: ServiceCommands,
  ) {}

  async chargeFacts(request: ChargeFactsRequest): Promise<ChargeFacts> {
    const charge = await this.dataSource.getRepository(Charge).findOneBy({
      id: request.chargeId,
      platformId: request.platformId,
      livemode: request.livemode,
    });
    if (!charge) throw notFound('payment', request.chargeId);
    return factsOf(charge);
  }

  /** An inquiry moves no money; it only marks its payment (see `DisputeInquiryRequest`). */
  registerInquiry(request: DisputeInquiryRequest): Promise<DisputeRegistration> {
    return retryOnDeadlock(() =>
      this.dataSource.transaction(async (manager) => {
        const charge = await lockCharge(manager, request);
        if (charge.disputeId !== request.disputeId) {
          registerOn(charge, request.disputeId, request.amount);
          await manager
            .getRepository(Charge)
            .update(
              { id: charge.id },
              { disputeId: request.disputeId, disputeStatus: 'warning_needs_response' },
            );
          await touchReads(manager, { accountId: charge.accountId });
        }
        return { disputeId: request.disputeId, chargeId: charge.id };
      }),
    );
  }

  /**
   * An inquiry closed without a refund: its hold on the payment ends, so a part of it may be
   * refunded again. Idempotent: a closed inquiry (or none registered) is left as it is.
   */
  inquiryClosed(request: DisputeInquiryClosedRequest): Promise<DisputeRegistration> {
    return retryOnDeadlock(() =>
      this.dataSource.transaction(async (manager) => {
        const charge = await manager.getRepository(Charge).findOne({
          where: { disputeId: request.disputeId },
          lock: { mode: 'pessimistic_write' },
        });
        if (charge?.disputeStatus === 'warning_needs_response') {
          await manager
            .getRepository(Charge)
            .update({ id: charge.id }, { disputeStatus: 'warning_closed' });
          await touchReads(manager, { accountId: charge.accountId });
        }
        return { disputeId: request.disputeId, chargeId: charge?.id ?? null };
      }),
    );
  }

  withdraw(request: DisputeWithdrawalRequest): Promise<LedgerMovement> {
    return this.commands
      .postOnce(
        {
          scope: KEY_SCOPE,
          key: request.disputeId,
          operation: 'disputeWithdrawal',
          params: request,
        },
        (manager) => earlierEffect(manager, request.disputeId, ['dispute']),
        async (manager, id) => {
          const charge = await lockCharge(manager, request);
          registerOn(charge, request.disputeId, request.amount);
          const account = accountRefOf(charge);
          const { reserve } = await lockOwnBalances(manager, account, charge.currency);
          const now = new Date();
          const entry = disputeEntry({
            ...account,
            currency: charge.currency,
            amount: request.amount,
            fee: request.fee,
            reserve,
            sourceId: request.disputeId,
            description: request.description,
            now,
          });
          const posted = await postEntry(manager, account, entry, now, id);
          await manager.getRepository(Charge).update(
            { id: charge.id },
            {
              disputed: true,
              disputeId: request.disputeId,
              disputeStatus: 'needs_response',
              disputedAmount: charge.disputedAmount + request.amount,
            },
          );
          return posted;
        },
      )
      .then(movement);
  }

  reinstate(request: DisputeReinstatementRequest): Promise<LedgerMovement> {
    return this.commands
      .postOnce(
        {
          scope: KEY_SCOPE,
          key: `${request.disputeId}:reinstated`,
          operation: 'disputeReinstatement',
          params: request,
        },
        (manager) => earlierEffect(manager, request.disputeId, ['dispute_reversal']),
        async (manager, id) => {
          const charge = await manager.getRepository(Charge).findOne({
            where: { disputeId: request.disputeId },
            lock: { mode: 'pessimistic_write' },
          });
          const posted = await postReturnOf(
            manager,
            id,
            {
              balanceTransactionId: request.balanceTransactionId,
              source: request.disputeId,
              type: 'dispute',
            },
            (taken, now) =>
              disputeReversalEntry({
                ...accountRefOf(taken),
                currency: taken.currency,
                amount: -taken.amount,
                feeReturned: request.returnFee ? taken.fee : 0,
                sourceId: request.disputeId,
                description: request.description,
                now,
              }),
            new Date(),
          );
          // Won: the money is the account's again, so the payment may be refunded again.
          if (charge)
            await manager
              .getRepository(Charge)
              .update({ id: charge.id }, { disputeStatus: 'won', disputedAmount: 0 });
          return posted;
        },
      )
      .then(movement);
  }

  /** A top-up whose bank debit is on its way: pending, nothing can draw on it yet. */
  topUp(request: ReserveTopupRequest): Promise<LedgerMovement> {
    return this.commands
      .postOnce(
        { scope: KEY_SCOPE, key: request.topupId, operation: 'reserveTopup', params: request },
        (manager) => earlierEffect(manager, request.topupId, ['topup']),
        (manager, id) => {
          const account = accountRefOf(request);
          const now = new Date();
          const entry = topupEntry({
            ...account,
            currency: request.currency,
            amount: request.amount,
            sourceId: request.topupId,
            description: request.description,
            now,
          });
          return postEntry(manager, account, entry, now, id);
        },
      )
      .then(movement);
  }

  /**
   * The bank debit settled, once: the top-up's money makes good a negative available balance
   * first, and the rest moves into the reserve.
   */
  settleTopup(request: ReserveTopupOutcomeRequest): Promise<LedgerMovement> {
    return retryOnDeadlock(() =>
      this.dataSource.transaction(async (manager) => {
        const topup = await this.lockTopup(manager, request.topupId);
        if (topup.status === BalanceTransactionStatus.available) {
          if (await earlierEffect(manager, request.topupId, ['topup_reversal']))
            throw new DashError('FAILED_PRECONDITION', 'This top-up’s bank debit failed.', {
              reason: 'TOPUP_FAILED',
            });
          return topup;
        }
        const now = new Date();
        const account = accountRefOf(topup);
        // A negative balance is made good first; only the rest goes into the reserve.
        const owed = await lockOwed(manager, account, topup.currency, now);
        const { madeGood, reserved } = topupSplit(topup.amount, owed);
        if (madeGood > 0)
          await postEntry(
            manager,
            account,
            topupMakeGoodEntry({
              ...account,
              currency: topup.currency,
              amount: madeGood,
              sourceId: request.topupId,
              description: 'Top-up applied to the negative balance',
              now,
            }),
            now,
          );
        if (reserved > 0) {
          const postings = topupSettlePostings(topup.accountId, reserved);
          await insertPostings(manager, topup.id, topup.livemode, topup.currency, postings, now);
          await applyPostings(manager, topup.livemode, topup.currency, postings);
        }
        await touchReads(manager, { accountId: topup.accountId });
        await manager
          .getRepository(BalanceTransaction)
          .update(
            { id: topup.id },
            { status: BalanceTransactionStatus.available, availableOn: now },
          );
        return topup;
      }),
    ).then(movement);
  }

  /** The bank debit failed: the pending money goes back, once; the reserve is as before. */
  failTopup(request: ReserveTopupOutcomeRequest): Promise<LedgerMovement> {
    return this.commands
      .postOnce(
        {
          scope: KEY_SCOPE,
          key: `${request.topupId}:failed`,
          operation: 'reserveTopupFailed',
          params: request,
        },
        (manager) => earlierEffect(manager, request.topupId, ['topup_reversal']),
        async (manager, id) => {
          const topup = await this.lockTopup(manager, request.topupId);
          if (topup.status === BalanceTransactionStatus.available)
            throw new DashError(
              'FAILED_PRECONDITION',
              'This top-up’s bank debit already settled.',
              {
                reason: 'TOPUP_SETTLED',
              },
            );
          const now = new Date();
          const entry = topupReversalEntry({
            ...accountRefOf(topup),
            currency: topup.currency,
            amount: topup.amount,
            sourceId: request.topupId,
            description: request.description,
            now,
          });
          const posted = await postEntry(manager, accountRefOf(topup), entry, now, id);
          // Nothing pending is left of it: the top-up and its reversal read as a pair.
          await manager
            .getRepository(BalanceTransaction)
            .update({ id: topup.id }, { status: BalanceTransactionStatus.available });
          return posted;
        },
      )
      .then(movement);
  }

  private async lockTopup(manager: EntityManager, topupId: string): Promise<BalanceTransaction> {
    const topup = await manager.getRepository(BalanceTransaction).findOne({
      where: { source: topupId, type: 'topup' },
      lock: { mode: 'pessimistic_write' },
    });
    if (!topup) throw notFound('top-up', topupId);
    return topup;
  }
}

const factsOf = (charge: Charge): ChargeFacts => ({
  chargeId: charge.id,
  accountId: charge.accountId,
  amount: charge.amount,
  amountRefunded: charge.amountRefunded,
  disputable: charge.disputeId ? 0 : charge.disputable,
  disputeId: charge.disputeId,
  currency: charge.currency,
  succeeded: charge.outcome === 'succeeded',
});
