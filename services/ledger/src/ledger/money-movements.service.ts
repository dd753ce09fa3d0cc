import type { DataSource, EntityManager } from 'typeorm';
import { DashError, notFound } from '@dash/errors';
import { recordEvent } from '@dash/events';
import type { AccountDirectory } from '@dash/subgraph';
import { newId } from '@dash/ids';
import { formatMoney, normalizeCurrency } from '@dash/money';
import { refundAgainstDispute } from '../domain/charge-disputes.js';
import { chargeEntry, refundEntry, transferEntry } from '../domain/entries.js';
import { processingFee, type FeeSchedule } from '../domain/fees.js';
import { refuseUnfundedRefund } from '../domain/refund-funding.js';
import { Charge } from '../entities/charge.entity.js';
import { Refund, type RefundReason } from '../entities/refund.entity.js';
import { Transfer } from '../entities/transfer.entity.js';
import { runIdempotent } from './idempotency.js';
import { scopeOf } from './service-commands.js';
import { lockRefundFunds } from './refund-funds.js';
import { insertRow, postEntry } from './post-entry.js';

export interface LedgerSettings {
  feeSchedule: FeeSchedule;
  /** How long a charge's funds stay pending before they can be paid out. */
  availableDelayMs: number;
}

export interface PlatformScope {
  platformId: string;
  livemode: boolean;
}

export interface ChargeRequest {
  account: string;
  amount: number;
  currency: string;
  description?: string | undefined;
  customerName?: string | undefined;
  customerEmail?: string | undefined;
  cardBrand?: string | undefined;
  cardLast4?: string | undefined;
  applicationFeeAmount?: number | undefined;
  metadata?: Record<string, string> | undefined;
}

export interface TransferRequest {
  account: string;
  amount: number;
  currency: string;
  description?: string | undefined;
  metadata?: Record<string, string> | undefined;
}

export interface RefundRequest {
  charge: string;
  /** Leave out to refund everything still refundable. */
  amount?: number | undefined;
  reason?: RefundReason | undefined;
}

/** Stripe's test card that is always declined ends in 0002. */
const DECLINED_CARD_LAST4 = '0002';

const platformKeyScope = ({ platformId, livemode }: PlatformScope) =>
  `${platformId}:${livemode ? 'live' : 'test'}`;

/**
 * The use cases that move money: charges, transfers and refunds. Each checks who may do it,
 * then runs once per idempotency key inside one database transaction that writes the object,
 * its balance transaction, postings, balances and earnings together.
 */
export class MoneyMovements {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountDirectory,
    private readonly settings: LedgerSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async createCharge(
    platform: PlatformScope,
    request: ChargeRequest,
    idempotencyKey: string,
  ): Promise<Charge> {
    await this.accounts.chargeableAccountOf(platform, request.account);
    const currency = normalizeCurrency(request.currency);
    const fee = processingFee(request.amount, currency, this.settings.feeSchedule);
    const applicationFee = request.applicationFeeAmount ?? 0;
    if (applicationFee + fee > request.amount) {
      throw new DashError(
        'BAD_USER_INPUT',
        `applicationFeeAmount leaves nothing for the account: the charge is ${formatMoney(request.amount, currency, 'en')} and processing fees are ${formatMoney(fee, currency, 'en')}`,
        { field: 'applicationFeeAmount' },
      );
    }
    const id = newId('charge');
    return runIdempotent(
      this.dataSource,
      {
        scope: platformKeyScope(platform),
        key: idempotencyKey,
        operation: 'createCharge',
        params: request,
        resultId: id,
      },
      (manager) => this.insertCharge(manager, id, platform, request, currency, fee),
      (firstId) => this.chargeOf(platform, firstId),
    );
  }

  async createTransfer(
    platform: PlatformScope,
    request: TransferRequest,
    idempotencyKey: string,
  ): Promise<Transfer> {
    await this.accounts.chargeableAccountOf(platform, request.account);
    const currency = normalizeCurrency(request.currency);
    const id = newId('transfer');
    return runIdempotent(
      this.dataSource,
      {
        scope: platformKeyScope(platform),
        key: idempotencyKey,
        operation: 'createTransfer',
        params: request,
        resultId: id,
      },
      async (manager) => {
        const now = this.now();
        const transfer = manager.getRepository(Transfer).create({
          id,
          accountId: request.account,
          platformId: platform.platformId,
          livemode: platform.livemode,
          amount: request.amount,
          currency,
          description: request.description ?? null,
          metadata: request.metadata ?? {},
          createdAt: now,
        });
        const entry = transferEntry({
          accountId: transfer.accountId,
          platformId: platform.platformId,
          currency,
          amount: request.amount,
          sourceId: transfer.id,
          description: transfer.description,
          now,
        });
        const posted = await postEntry(manager, scopeOf(transfer), entry, now);
        transfer.balanceTransactionId = posted.id;
        await insertRow(manager, Transfer, transfer);
        return transfer;
      },
      async (firstId) =>
        (await this.dataSource.getRepository(Transfer).findOneBy({
          id: firstId,
          platformId: platform.platformId,
          livemode: platform.livemode,
        }))!,
    );
  }

  /**
   * A refund the platform asks for through the API. It may take the account's balance below
   * zero: the platform chooses to carry that until the account's next payments make it good.
   */
  refundForPlatform(
    platform: PlatformScope,
    request: RefundRequest,
    idempotencyKey: string,
  ): Promise<Refund> {
    return this.refund(
      { platformId: platform.platformId, livemode: platform.livemode },
      platformKeyScope(platform),
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
    account: { accountId: string; livemode: boolean },
    request: RefundRequest,
    idempotencyKey: string,
  ): Promise<Refund> {
    const { accountId, livemode } = account;
    return this.refund(
      { accountId, livemode },
      `acct:${accountId}`,
      'account',
      request,
      idempotencyKey,
    );
  }

  private refund(
    owner: { platformId?: string; accountId?: string; livemode: boolean },
    keyScope: string,
    requestedBy: Refund['requestedBy'],
    request: RefundRequest,
    idempotencyKey: string,
  ): Promise<Refund> {
    const id = newId('refund');
    return runIdempotent(
      this.dataSource,
      {
        scope: keyScope,
        key: idempotencyKey,
        operation: 'createRefund',
        params: request,
        resultId: id,
      },
      async (manager) => {
        // The charge row is locked: concurrent refunds of one charge queue here, so together
        // they can never exceed it.
        const charge = await manager.getRepository(Charge).findOne({
          where: { id: request.charge, ...owner },
          lock: { mode: 'pessimistic_write' },
        });
        if (!charge) throw notFound('payment', request.charge);
        return this.insertRefund(manager, id, charge, requestedBy, request);
      },
      async (firstId) =>
        (await this.dataSource.getRepository(Refund).findOneBy({ id: firstId, ...owner }))!,
    );
  }

  private async insertCharge(
    manager: EntityManager,
    id: string,
    platform: PlatformScope,
    request: ChargeRequest,
    currency: string,
    fee: number,
  ): Promise<Charge> {
    const now = this.now();
    const declined = request.cardLast4 === DECLINED_CARD_LAST4;
    const applicationFee = request.applicationFeeAmount ?? 0;
    const charge = manager.getRepository(Charge).create({
      id,
      accountId: request.account,
      platformId: platform.platformId,
      livemode: platform.livemode,
      amount: request.amount,
      amountRefunded: 0,
      currency,
      outcome: declined ? 'failed' : 'succeeded',
      failureMessage: declined ? 'Your card was declined.' : null,
      disputed: false,
      disputeId: null,
      disputeStatus: null,
      disputedAmount: 0,
      description: request.description ?? null,
      customerName: request.customerName ?? null,
      customerEmail: request.customerEmail?.toLowerCase() ?? null,
      cardBrand: request.cardBrand ?? null,
      cardLast4: request.cardLast4 ?? null,
      // A declined card moves no money, so nothing is charged for it either.
      fee: declined ? 0 : fee + applicationFee,
      applicationFeeAmount: declined ? 0 : applicationFee,
      metadata: request.metadata ?? {},
      balanceTransactionId: null,
      createdAt: now,
    });
    if (!declined) {
      const entry = chargeEntry({
        accountId: charge.accountId,
        platformId: platform.platformId,
        currency,
        amount: charge.amount,
        processingFee: fee,
        applicationFee,
        availableOn: new Date(now.getTime() + this.settings.availableDelayMs),
        sourceId: charge.id,
        description: charge.description,
        now,
      });
      charge.balanceTransactionId = (await postEntry(manager, scopeOf(charge), entry, now)).id;
    }
    await insertRow(manager, Charge, charge);
    return charge;
  }

  private async insertRefund(
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
    const now = this.now();
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
    refund.balanceTransactionId = (await postEntry(manager, scopeOf(charge), entry, now)).id;
    await insertRow(manager, Refund, refund);
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
      scopeOf(charge),
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

  private async chargeOf(platform: PlatformScope, id: string): Promise<Charge> {
    return (await this.dataSource
      .getRepository(Charge)
      .findOneBy({ id, platformId: platform.platformId, livemode: platform.livemode }))!;
  }
}
