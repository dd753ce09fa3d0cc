import type { DataSource } from 'typeorm';
import type {
  ChargeFacts,
  ChargeFactsRequest,
  DisputeReinstatementRequest,
  DisputeWithdrawalRequest,
  LedgerMovement,
  ReserveTopupRequest,
} from '@dash/contracts';
import { DashError, notFound } from '@dash/errors';
import { disputeEntry, disputeReversalEntry, topupEntry } from '../domain/entries.js';
import type { BalanceTransaction } from '../entities/balance-transaction.entity.js';
import { Charge } from '../entities/charge.entity.js';
import { lockOwnBalances } from './own-balances.js';
import { postEntry } from './post-entry.js';
import { postOnce, postReturnOf, scopeOf } from './service-commands.js';

/** Idempotency keys of the disputes service: its dispute and top-up ids. */
const KEY_SCOPE = 'svc:disputes';

const movement = (transaction: BalanceTransaction): LedgerMovement => ({
  balanceTransactionId: transaction.id,
  amount: transaction.amount,
  fee: transaction.fee,
});

/**
 * The ledger's side of disputes: what a dispute takes back and gives back, and the reserve
 * accounts keep for refunds and disputes. Withdrawals draw from the reserve first, then the
 * available balance, which may go below zero — the payments that settle next make it good.
 */
export class DisputeDebits {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
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

  withdraw(request: DisputeWithdrawalRequest): Promise<LedgerMovement> {
    return postOnce(
      this.dataSource,
      {
        scope: KEY_SCOPE,
        key: request.disputeId,
        operation: 'disputeWithdrawal',
        params: request,
      },
      async (manager, id) => {
        const charge = await manager.getRepository(Charge).findOne({
          where: {
            id: request.chargeId,
            platformId: request.platformId,
            livemode: request.livemode,
          },
          lock: { mode: 'pessimistic_write' },
        });
        if (!charge) throw notFound('payment', request.chargeId);
        // What can still be refunded is what can still be disputed.
        if (request.amount > charge.refundable)
          throw new DashError(
            'BAD_USER_INPUT',
            `A dispute of this payment is for 1 to ${charge.refundable} (minor units).`,
            { field: 'amount', reason: 'NOT_DISPUTABLE' },
          );
        const scope = scopeOf(charge);
        const { reserve } = await lockOwnBalances(manager, scope, charge.currency);
        const now = this.now();
        const entry = disputeEntry({
          ...scope,
          currency: charge.currency,
          amount: request.amount,
          fee: request.fee,
          reserve,
          sourceId: request.disputeId,
          description: request.description,
          now,
        });
        const posted = await postEntry(manager, scope, entry, now, id);
        await manager.getRepository(Charge).update({ id: charge.id }, { disputed: true });
        return posted;
      },
    ).then(movement);
  }

  reinstate(request: DisputeReinstatementRequest): Promise<LedgerMovement> {
    return postOnce(
      this.dataSource,
      {
        scope: KEY_SCOPE,
        key: `${request.disputeId}:reinstated`,
        operation: 'disputeReinstatement',
        params: request,
      },
      (manager, id) =>
        postReturnOf(
          manager,
          id,
          {
            balanceTransactionId: request.balanceTransactionId,
            source: request.disputeId,
            type: 'dispute',
          },
          (taken, now) =>
            disputeReversalEntry({
              ...scopeOf(taken),
              currency: taken.currency,
              amount: -taken.amount,
              feeReturned: request.returnFee ? taken.fee : 0,
              sourceId: request.disputeId,
              description: request.description,
              now,
            }),
          this.now(),
        ),
    ).then(movement);
  }

  topUp(request: ReserveTopupRequest): Promise<LedgerMovement> {
    return postOnce(
      this.dataSource,
      { scope: KEY_SCOPE, key: request.topupId, operation: 'reserveTopup', params: request },
      (manager, id) => {
        const scope = scopeOf(request);
        const now = this.now();
        const entry = topupEntry({
          ...scope,
          currency: request.currency,
          amount: request.amount,
          sourceId: request.topupId,
          description: request.description,
          now,
        });
        return postEntry(manager, scope, entry, now, id);
      },
    ).then(movement);
  }
}

const factsOf = (charge: Charge): ChargeFacts => ({
  chargeId: charge.id,
  accountId: charge.accountId,
  amount: charge.amount,
  amountRefunded: charge.amountRefunded,
  currency: charge.currency,
  succeeded: charge.outcome === 'succeeded',
});
