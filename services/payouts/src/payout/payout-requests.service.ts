import type { DataSource } from 'typeorm';
import { accountRefOf, type AccountRef, type PayoutDebit } from '@dash/contracts';
import { retryOnDeadlock } from '@dash/db';
import { DashError, isDuplicateKey, notFound } from '@dash/errors';
import { recordEvent } from '@dash/events';
import { newId } from '@dash/ids';
import {
  checkIdempotencyKey,
  currencyInput,
  type AccountDirectory,
  type IdempotencyKeys,
} from '@dash/subgraph';
import {
  ExternalAccountKind,
  type ExternalAccount,
} from '../external-account/external-account.entity.js';
import type { ExternalAccounts } from '../external-account/external-accounts.service.js';
import type { PayoutSchedules } from '../schedule/payout-schedules.service.js';
import { expectedArrival } from './arrival.rules.js';
import { instantPayoutFee, type InstantFeeRule } from './instant-fee.rules.js';
import type { LedgerClient } from './ledger-client.service.js';
import {
  Payout,
  PayoutMethod,
  PayoutStatus,
  type PayoutDestination,
  type PayoutRequester,
} from './payout.entity.js';
import type { PayoutQuote } from './payout.type.js';
import { destinationLabel, factsOf, maskedDestination } from './payout-facts.rules.js';

/** The operation payout idempotency keys are kept under. */
export const CREATE_PAYOUT = 'createPayout';

/** What is asked for: how much of which currency, how fast, and to where. */
export interface PayoutOrder {
  currency: string;
  /** Minor units, or 'available' for all of the available balance (automatic payouts). */
  amount: number | 'available';
  /** With 'available': only money from payments made before this (the rolling delay). */
  createdBefore?: Date | undefined;
  method: PayoutMethod;
  /** An ExternalAccount id; by default the currency's default (a card, for instant). */
  destination?: string | undefined;
  description?: string | undefined;
  automatic: boolean;
  requestedBy: PayoutRequester;
}

/** What a quote is asked for: a payout of a given amount, made now. */
export type QuoteOrder = Pick<PayoutOrder, 'currency' | 'method' | 'destination'> & {
  amount: number;
};

/**
 * A payout worked out in full before any money moves, kept with its idempotency key. Stored as
 * JSON (claims left started are carried on from it), so its field names stay as they are.
 */
interface PlannedPayout {
  id: string;
  /** The account paid out (named so in plans already stored). */
  owner: AccountRef;
  currency: string;
  amount: number | 'available';
  createdBefore: string | null;
  fee: number;
  method: PayoutMethod;
  automatic: boolean;
  requestedBy: PayoutRequester;
  destination: PayoutDestination & { token: string; country: string };
  description: string;
  arrivalDate: string;
  createdAt: string;
}

/** One claimed key: whose keys, which key, and the payout it is for. */
interface PayoutClaim {
  scope: string;
  key: string;
  resultId: string;
}

export interface PayoutSettings {
  businessDays: number;
  instantFee: InstantFeeRule;
}

/**
 * Making a payout, once per idempotency key, across two databases. The key is claimed here
 * with the payout fully planned; the ledger then takes the money (idempotent by payout id,
 * refusing what the available balance does not cover); then the payout is written with its
 * `payout.created` event. A refusal frees the key (this plan's claim only). A crash or an
 * unreachable ledger leaves the claim "started", and the same request — or the redrive, for any
 * claim left behind — carries it out from where it stopped. Money the ledger took always
 * becomes a payout, written by its id, whatever became of the claim meanwhile.
 */
export class PayoutRequests {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: Pick<LedgerClient, 'debit'>,
    private readonly externalAccounts: ExternalAccounts,
    private readonly schedules: PayoutSchedules,
    private readonly capabilities: Pick<AccountDirectory, 'requirePayoutsEnabled'>,
    private readonly settings: PayoutSettings,
    private readonly keys: IdempotencyKeys,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(
    account: AccountRef,
    order: PayoutOrder,
    idempotencyKey: string,
    keyScope: string,
  ): Promise<Payout> {
    checkIdempotencyKey(idempotencyKey);
    const ref = accountRefOf(account);
    // Whoever asks (the platform, the account, the schedule): nothing leaves while identity's
    // requirements keep payouts off.
    await this.capabilities.requirePayoutsEnabled(ref.accountId);
    const plan = await this.plan(ref, order);
    const claim = await this.keys.claim(
      {
        scope: keyScope,
        key: idempotencyKey,
        operation: CREATE_PAYOUT,
        params: { account: ref, order },
        resultId: plan.id,
      },
      plan,
    );
    if (claim.state === 'done') return (await this.find(claim.resultId))!;
    return this.carryOut({ scope: keyScope, key: idempotencyKey }, claim.plan);
  }

  /**
   * The payout `create` would make now — its fee, destination and arrival — by the same rules,
   * refused the same way, without claiming a key or moving money.
   */
  async quote(account: AccountRef, order: QuoteOrder): Promise<PayoutQuote> {
    await this.capabilities.requirePayoutsEnabled(account.accountId);
    const priced = await this.price(account, order);
    return {
      amount: order.amount,
      fee: priced.fee,
      net: order.amount + priced.fee,
      currency: priced.currency,
      method: order.method,
      arrivalDate: priced.arrivalDate,
      destination: maskedDestination(priced.destination),
    };
  }

  /** Carries out requests left "started" (a crash, the ledger unreachable) for a while. */
  async redrive(olderThan: Date): Promise<number> {
    let done = 0;
    for (const claim of await this.keys.unfinished<PlannedPayout>(CREATE_PAYOUT, olderThan)) {
      try {
        await this.carryOut(claim, claim.plan);
        done += 1;
      } catch {
        // Refused (the key is freed) or still unreachable (tried again next time).
      }
    }
    return done;
  }

  find(id: string): Promise<Payout | null> {
    return this.dataSource.getRepository(Payout).findOneBy({ id });
  }

  /** Fee, destination and arrival of a payout made now; the refusals every payout shares. */
  private async price(
    account: AccountRef,
    order: Pick<PayoutOrder, 'currency' | 'amount' | 'method' | 'destination'>,
  ) {
    const currency = currencyInput(order.currency);
    const instant = order.method === PayoutMethod.instant;
    if (order.amount !== 'available' && (!Number.isSafeInteger(order.amount) || order.amount < 1))
      throw new DashError(
        'BAD_USER_INPUT',
        'amount must be a whole number of minor units, at least 1',
        { field: 'amount' },
      );
    if (instant && order.amount === 'available')
      throw new DashError('BAD_USER_INPUT', 'An instant payout needs an amount.', {
        field: 'amount',
      });
    const destination = await this.destinationFor(account, currency, order);
    const fee = instant ? instantPayoutFee(order.amount as number, this.settings.instantFee) : 0;
    const schedule = await this.schedules.get(account);
    const now = this.now();
    const arrivalDate = expectedArrival(now, {
      method: order.method,
      country: destination.country,
      timeZone: schedule.timeZone,
      businessDays: this.settings.businessDays,
    });
    return { currency, fee, destination, arrivalDate, now };
  }

  private async plan(account: AccountRef, order: PayoutOrder): Promise<PlannedPayout> {
    const { currency, fee, destination, arrivalDate, now } = await this.price(account, order);
    return {
      id: newId('payout'),
      owner: account,
      currency,
      amount: order.amount,
      createdBefore: order.createdBefore?.toISOString() ?? null,
      fee,
      method: order.method,
      automatic: order.automatic,
      requestedBy: order.requestedBy,
      destination: {
        ...maskedDestination(destination),
        token: destination.railToken,
        country: destination.country,
      },
      description: order.description?.trim() || `Payout to ${destinationLabel(destination)}`,
      arrivalDate: arrivalDate.toISOString(),
      createdAt: now.toISOString(),
    };
  }

  private async destinationFor(
    account: AccountRef,
    currency: string,
    order: Pick<PayoutOrder, 'method' | 'destination'>,
  ): Promise<ExternalAccount> {
    const instant = order.method === PayoutMethod.instant;
    const chosen = order.destination
      ? await this.externalAccounts.find(account, order.destination)
      : instant
        ? await this.externalAccounts.cardFor(account, currency)
        : await this.externalAccounts.defaultFor(account, currency);
    if (order.destination && !chosen) throw notFound('external account', order.destination);
    if (!chosen)
      throw new DashError(
        'FAILED_PRECONDITION',
        instant
          ? `Add a debit card for ${currency.toUpperCase()} to take instant payouts.`
          : `Add a bank account for ${currency.toUpperCase()} to be paid out.`,
        { reason: 'NO_EXTERNAL_ACCOUNT' },
      );
    if (chosen.currency !== currency)
      throw new DashError(
        'BAD_USER_INPUT',
        `That destination is paid in ${chosen.currency.toUpperCase()}.`,
        { field: 'destination' },
      );
    if (instant && chosen.kind !== ExternalAccountKind.card)
      throw new DashError('BAD_USER_INPUT', 'Instant payouts go to a debit card.', {
        field: 'destination',
        reason: 'INSTANT_NEEDS_CARD',
      });
    return chosen;
  }

  private async carryOut(
    key: Pick<PayoutClaim, 'scope' | 'key'>,
    plan: PlannedPayout,
  ): Promise<Payout> {
    const claim = { ...key, resultId: plan.id };
    let debit: PayoutDebit;
    try {
      debit = await this.ledger.debit({
        payoutId: plan.id,
        ...accountRefOf(plan.owner),
        currency: plan.currency,
        amount: plan.amount,
        ...(plan.createdBefore ? { createdBefore: plan.createdBefore } : {}),
        fee: plan.fee,
        automatic: plan.automatic,
        description: plan.description,
      });
    } catch (error) {
      // Refused: no money moved, so the key is free for a corrected request. Only this plan's
      // claim: a later request may have claimed the key anew meanwhile.
      if (error instanceof DashError && error.extensions.code !== 'UNAVAILABLE')
        await this.keys.release(claim);
      throw error;
    }
    return this.record(claim, plan, debit);
  }

  /**
   * Writes the payout for money the ledger took, by its id. Even when the claim is no longer
   * started (another run finished it, or a refused run of the same plan released it), the money
   * left the balance, so the payout is written; a run that finds it written returns it.
   */
  private async record(claim: PayoutClaim, plan: PlannedPayout, debit: PayoutDebit) {
    try {
      return await retryOnDeadlock(() =>
        this.dataSource.transaction(async (manager) => {
          await this.keys.complete(manager, claim);
          const payouts = manager.getRepository(Payout);
          const { country: _country, ...destination } = plan.destination;
          const payout = payouts.create({
            id: plan.id,
            ...accountRefOf(plan.owner),
            amount: debit.amount,
            fee: debit.fee,
            currency: plan.currency,
            status: PayoutStatus.pending,
            method: plan.method,
            automatic: plan.automatic,
            requestedBy: plan.requestedBy,
            arrivalDate: new Date(plan.arrivalDate),
            destination: destination as PayoutDestination,
            description: plan.description,
            balanceTransactionId: debit.balanceTransactionId,
            failureCode: null,
            failureMessage: null,
            railReference: null,
            updatedAt: null,
            returnedAt: null,
            createdAt: new Date(plan.createdAt),
          });
          await payouts.insert(payout);
          await recordEvent(
            manager,
            'payouts',
            'payout.created',
            accountRefOf(plan.owner),
            factsOf(payout),
          );
          return payout;
        }),
      );
    } catch (error) {
      // Another run of the same plan wrote it first.
      if (!isDuplicateKey(error)) throw error;
      return (await this.find(plan.id))!;
    }
  }
}
