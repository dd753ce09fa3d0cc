import type { DataSource, EntityManager } from 'typeorm';
import { accountRefOf, type Tenant } from '@dash/contracts';
import { DashError } from '@dash/errors';
import { recordEvent, type ChargeFacts } from '@dash/events';
import { newId } from '@dash/ids';
import { formatMoney, normalizeCurrency } from '@dash/money';
import type { AccountDirectory, IdempotencyKeys } from '@dash/subgraph';
import { chargeEntry } from '../postings/entries.rules.js';
import { tenantKeyScope } from '../postings/key-scopes.rules.js';
import { recordWithEntry } from '../postings/post-entry.service.js';
import { Charge } from './charge.entity.js';
import { processingFee, type FeeSchedule } from './fees.rules.js';

export interface ChargeSettings {
  feeSchedule: FeeSchedule;
  /** How long a charge's funds stay pending before they can be paid out. */
  availableDelayMs: number;
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

/** Stripe's test card that is always declined ends in 0002. */
const DECLINED_CARD_LAST4 = '0002';

/** What the charge's events say about it. */
const chargeFacts = (charge: Charge): ChargeFacts => ({
  chargeId: charge.id,
  amount: charge.amount,
  currency: charge.currency,
  fee: charge.fee,
  applicationFeeAmount: charge.applicationFeeAmount,
  description: charge.description,
  created: charge.createdAt.toISOString(),
});

/**
 * A platform's direct charges on its accounts: once per idempotency key, inside one database
 * transaction that writes the charge, its balance transaction, postings, balances and earnings
 * together, with its `charge.succeeded` or `charge.failed` event.
 */
export class Charges {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountDirectory,
    private readonly settings: ChargeSettings,
    private readonly keys: IdempotencyKeys,
  ) {}

  async createCharge(platform: Tenant, request: ChargeRequest, idempotencyKey: string) {
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
    return this.keys.once(
      {
        scope: tenantKeyScope(platform),
        key: idempotencyKey,
        operation: 'createCharge',
        params: request,
        resultId: id,
      },
      (manager) => this.insert(manager, id, platform, request, currency, fee),
      async (firstId) =>
        (await this.dataSource.getRepository(Charge).findOneBy({ id: firstId, ...platform }))!,
    );
  }

  private async insert(
    manager: EntityManager,
    id: string,
    platform: Tenant,
    request: ChargeRequest,
    currency: string,
    fee: number,
  ): Promise<Charge> {
    const now = new Date();
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
    // The payment is kept either way; only a card that went through posts an entry.
    const entry = declined
      ? null
      : chargeEntry({
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
    await recordWithEntry(manager, Charge, charge, entry, now);
    // In the key's transaction: a replay of the key returns this charge and records nothing.
    if (declined)
      await recordEvent(
        manager,
        'ledger',
        'charge.failed',
        accountRefOf(charge),
        { ...chargeFacts(charge), failureMessage: charge.failureMessage! },
        now,
      );
    else
      await recordEvent(
        manager,
        'ledger',
        'charge.succeeded',
        accountRefOf(charge),
        chargeFacts(charge),
        now,
      );
    return charge;
  }
}
