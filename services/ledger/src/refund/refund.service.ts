import type { DataSource, EntityManager } from 'typeorm';
import { accountRefOf, type AccountRef, type Tenant } from '@dash/contracts';
import { DashError, notFound } from '@dash/errors';
import { recordEvent } from '@dash/events';
import { newId } from '@dash/ids';
import { formatMoney } from '@dash/money';
import type { IdempotencyKeys } from '@dash/subgraph';
import { refundAgainstDispute } from '../charge/charge-disputes.rules.js';
import { Charge } from '../charge/charge.entity.js';
import { refundEntry } from '../postings/entries.rules.js';
import { accountKeyScope, tenantKeyScope } from '../postings/key-scopes.rules.js';
import { lockOwnBalances } from '../postings/own-balances.service.js';
import { recordWithEntry } from '../postings/post-entry.service.js';
import { refuseUnfundedRefund, type RefundFunds } from './refund-funding.rules.js';
import { Refund, type RefundReason } from './refund.entity.js';

export interface RefundRequest {
  charge: string;
  /** Leave out to refund everything still refundable. */
  amount?: number | undefined;
  reason?: RefundReason | undefined;
}

/**
 * Locks what a refund of `charge` draws on and reads it: the payment's own balance transaction
 * first (the order the release job takes it in, so the two queue rather than deadlock — and a
 * payment cannot settle, and be paid out, between this look and the refund), then the account's
 * balance rows.
 */
async function lockRefundFunds(manager: EntityManager, charge: Charge): Promise<RefundFunds> {
  const [transaction] = charge.balanceTransactionId
    ? ((await manager.query('SELECT status FROM balance_transactions WHERE id = ? FOR UPDATE', [
        charge.balanceTransactionId,
      ])) as Array<{ status: string }>)
    : [];
  const { available, reserve } = await lockOwnBalances(
    manager,
    accountRefOf(charge),
    charge.currency,
  );
  return { available, reserve, ownPending: transaction?.status === 'pending' ? charge.amount : 0 };
}

/**
 * Money back to the cardholder, once per idempotency key, in one database transaction under
 * the charge row's lock: concurrent refunds of one charge queue there, so together they can
 * never exceed it.
 */
export class Refunds {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: IdempotencyKeys,
  ) {}

  /**
   * A refund the platform asks for through the API. It may take the account's balance below
   * zero: the platform chooses to carry that until the account's next payments make it good.
   */
  refundForPlatform(
    platform: Tenant,
    request: RefundRequest,
    idempotencyKey: string,
  ): Promise<Refund> {
    const { platformId, livemode } = platform;
    return this.refund(
      { platformId, livemode },
      tenantKeyScope(platform),
      'platform',
      request,
      idempotencyKey,
    );
  }

  /**
   * A refund the account makes from its dashboard (the caller checks the platform allows it):
   * only as far as the account's own money covers it (see `accountRefundLimit`).
   */
  refundForAccount(
    account: AccountRef,
    request: RefundRequest,
    idempotencyKey: string,
  ): Promise<Refund> {
    return this.refund(
      accountRefOf(account),
      accountKeyScope(account.accountId),
      'account',
      request,
      idempotencyKey,
    );
  }

  private refund(
    owner: Tenant | AccountRef,
    keyScope: string,
    requestedBy: Refund['requestedBy'],
    request: RefundRequest,
    idempotencyKey: string,
  ): Promise<Refund> {
    const id = newId('refund');
    return this.keys.once(
      {
        scope: keyScope,
        key: idempotencyKey,
        operation: 'createRefund',
        params: request,
        resultId: id,
      },
      async (manager) => {
        const charge = await manager.getRepository(Charge).findOne({
          where: { id: request.charge, ...owner },
          lock: { mode: 'pessimistic_write' },
        });
        if (!charge) throw notFound('payment', request.charge);
        return this.insert(manager, id, charge, requestedBy, request);
      },
      async (firstId) =>
        (await this.dataSource.getRepository(Refund).findOneBy({ id: firstId, ...owner }))!,
    );
  }

  private async insert(
    manager: EntityManager,
    id: string,
    charge: Charge,
    requestedBy: Refund['requestedBy'],
    request: RefundRequest,
  ): Promise<Refund> {
    if (charge.outcome !== 'succeeded') {
      throw new DashError('FAILED_PRECONDITION', 'Only a succeeded payment can be refunded.', {
        reason: 'NOT_REFUNDABLE',
      });
    }
    const amount = request.amount ?? charge.refundable;
    // Under the charge row's lock, which a dispute's registration takes too: whichever comes
    // first, the other sees it.
    const { closesInquiry } = refundAgainstDispute(charge, amount);
    if (charge.refundable === 0) {
      throw new DashError(
        'FAILED_PRECONDITION',
        'This payment has already been refunded in full.',
        {
          reason: 'ALREADY_REFUNDED',
        },
      );
    }
    if (amount > charge.refundable) {
      throw new DashError(
        'BAD_USER_INPUT',
        `The refund (${formatMoney(amount, charge.currency, 'en')}) is more than what can still be refunded (${formatMoney(charge.refundable, charge.currency, 'en')}).`,
        { field: 'amount', reason: 'REFUND_EXCEEDS_CHARGE', refundable: charge.refundable },
      );
    }
    const now = new Date();
    const refund = manager.getRepository(Refund).create({
      id,
      chargeId: charge.id,
      accountId: charge.accountId,
      platformId: charge.platformId,
      livemode: charge.livemode,
      amount,
      currency: charge.currency,
      status: 'succeeded',
      reason: request.reason ?? null,
      requestedBy,
      createdAt: now,
    });
    const funds = await lockRefundFunds(manager, charge);
    // Checked under the balance rows' lock: parallel refunds (and payouts) queue on it, so each
    // sees what the one before left and together they cannot spend the same money twice.
    if (requestedBy === 'account') refuseUnfundedRefund(amount, charge.currency, funds);
    const entry = refundEntry({
      accountId: charge.accountId,
      platformId: charge.platformId,
      currency: charge.currency,
      amount,
      reserve: funds.reserve,
      sourceId: refund.id,
      description: `Refund for ${charge.id}`,
      now,
    });
    await recordWithEntry(manager, Refund, refund, entry, now);
    await manager.getRepository(Charge).update(
      { id: charge.id },
      {
        amountRefunded: charge.amountRefunded + amount,
        ...(closesInquiry ? { disputeStatus: 'warning_closed' as const } : {}),
      },
    );
    await recordEvent(
      manager,
      'ledger',
      'charge.refunded',
      accountRefOf(charge),
      {
        chargeId: charge.id,
        refundId: id,
        amount,
        currency: charge.currency,
        requestedBy,
        ...(closesInquiry ? { closesDispute: charge.disputeId! } : {}),
      },
      now,
    );
    return refund;
  }
}
