import type { DataSource, EntityManager } from 'typeorm';
import { accountRefOf, type Tenant } from '@dash/contracts';
import { GroupCommit } from '@dash/db';
import { DashError } from '@dash/errors';
import { recordEvents, type ChargeFacts, type EventToRecord } from '@dash/events';
import { newId } from '@dash/ids';
import { formatMoney, normalizeCurrency } from '@dash/money';
import type { AccountDirectory, IdempotencyKeys, IdempotentRequest } from '@dash/subgraph';
import { chargeEntry } from '../postings/entries.rules.js';
import { tenantKeyScope } from '../postings/key-scopes.rules.js';
import { recordWithEntries } from '../postings/post-entry.service.js';
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

/** A charge checked and priced, waiting to be written. */
interface PendingCharge {
  id: string;
  platform: Tenant;
  request: ChargeRequest;
  currency: string;
  fee: number;
  idempotencyKey: string;
}

/**
 * Charges written together when they arrive together: a busy platform's concurrent charges
 * share one transaction's statements and commit. Two batches may be written at once (one
 * commits while the next is written); more would only queue on the platform's balance rows.
 * A batch that cannot be written whole (a key seen before, an amount past what a balance can
 * hold, a lost race) is written again charge by charge, so a replay is answered as a replay and
 * a refusal falls on its own charge only.
 */
const CHARGE_BATCHES = { maxBatch: 32, maxInFlight: 2 };

/**
 * A platform's direct charges on its accounts: once per idempotency key, inside one database
 * transaction that writes the charge, its balance transaction, postings, balances and earnings
 * together, with its `charge.succeeded` or `charge.failed` event.
 */
export class Charges {
  private readonly batches = new GroupCommit<PendingCharge, Charge>(
    {
      all: (charges) =>
        this.keys.onceAll(charges.map(keyRequest), (manager) => this.insert(manager, charges)),
      one: (charge) => this.writeOne(charge),
    },
    CHARGE_BATCHES,
  );

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
    return this.batches.submit({
      id: newId('charge'),
      platform,
      request,
      currency,
      fee,
      idempotencyKey,
    });
  }

  private writeOne(charge: PendingCharge): Promise<Charge> {
    return this.keys.once(
      keyRequest(charge),
      async (manager) => (await this.insert(manager, [charge]))[0]!,
      async (firstId) =>
        (await this.dataSource
          .getRepository(Charge)
          .findOneBy({ id: firstId, ...charge.platform }))!,
    );
  }

  private async insert(manager: EntityManager, pending: PendingCharge[]): Promise<Charge[]> {
    const now = new Date();
    const repository = manager.getRepository(Charge);
    const written = pending.map(({ id, platform, request, currency, fee }) => {
      const declined = request.cardLast4 === DECLINED_CARD_LAST4;
      const applicationFee = request.applicationFeeAmount ?? 0;
      const charge = repository.create({
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
      return { row: charge, entry };
    });
    const charges = await recordWithEntries(manager, Charge, written, now);
    // In the keys' transaction: a replay of a key returns its charge and records nothing.
    await recordEvents(
      manager,
      'ledger',
      charges.map((charge) => chargeEvent(charge, now)),
    );
    return charges;
  }
}

const keyRequest = (charge: PendingCharge): IdempotentRequest => ({
  scope: tenantKeyScope(charge.platform),
  key: charge.idempotencyKey,
  operation: 'createCharge',
  params: charge.request,
  resultId: charge.id,
});

/** `charge.failed` for a declined card, `charge.succeeded` for one that went through. */
const chargeEvent = (charge: Charge, now: Date): EventToRecord =>
  charge.outcome === 'failed'
    ? {
        type: 'charge.failed',
        subject: accountRefOf(charge),
        data: { ...chargeFacts(charge), failureMessage: charge.failureMessage! },
        occurredAt: now,
      }
    : {
        type: 'charge.succeeded',
        subject: accountRefOf(charge),
        data: chargeFacts(charge),
        occurredAt: now,
      };
