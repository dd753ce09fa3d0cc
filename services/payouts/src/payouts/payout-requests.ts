import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';
import type { DataSource } from 'typeorm';
import { recordEvent, type PayoutFacts } from '@dash/events';
import { DashError, notFound } from '@dash/errors';
import { newId } from '@dash/ids';
import { checkIdempotencyKey, currencyInput, type AccountDirectory } from '@dash/subgraph';
import { expectedArrival } from '../domain/arrival.js';
import { instantPayoutFee, type InstantFeeRule } from '../domain/instant-fee.js';
import type { ExternalAccount } from '../entities/external-account.entity.js';
import { ExternalAccountKind } from '../entities/external-account.entity.js';
import {
  Payout,
  PayoutMethod,
  PayoutStatus,
  type PayoutDestination,
  type PayoutRequester,
} from '../entities/payout.entity.js';
import { destinationLabel, type ExternalAccounts } from './external-accounts.service.js';
import type { LedgerClient } from './ledger-client.js';
import { accountRefOf, type AccountRef } from '@dash/contracts';
import type { PayoutSchedules } from './schedules.service.js';

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

/** A payout worked out in full before any money moves, kept with its idempotency key. */
interface PlannedPayout {
  id: string;
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

export interface PayoutSettings {
  businessDays: number;
  instantFee: InstantFeeRule;
}

type Claim = { state: 'done'; payoutId: string } | { state: 'started'; plan: PlannedPayout };

const hashOf = (value: unknown) =>
  createHash('sha256')
    .update(stringify(value) ?? '')
    .digest('hex');

/** The facts every payout event carries. */
export const factsOf = (payout: Payout): PayoutFacts => ({
  payoutId: payout.id,
  amount: payout.amount,
  currency: payout.currency,
  method: payout.method,
  arrivalDate: payout.arrivalDate.toISOString(),
  destination: payout.destination ? destinationLabel(payout.destination) : 'Bank account',
});

/**
 * Making a payout, once per idempotency key, across two databases. The key is claimed here
 * with the payout fully planned; the ledger then takes the money (idempotent by payout id,
 * refusing what the available balance does not cover); then the payout is written with its
 * `payout.created` event. A refusal frees the key. A crash or an unreachable ledger leaves the
 * claim "started", and the same request — or the redrive, for any claim left behind — carries
 * it out from where it stopped, so money taken always becomes a payout.
 */
export class PayoutRequests {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerClient,
    private readonly externalAccounts: ExternalAccounts,
    private readonly schedules: PayoutSchedules,
    private readonly capabilities: Pick<AccountDirectory, 'requirePayoutsEnabled'>,
    private readonly settings: PayoutSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(
    owner: AccountRef,
    order: PayoutOrder,
    idempotencyKey: string,
    keyScope: string,
  ): Promise<Payout> {
    checkIdempotencyKey(idempotencyKey);
    // Whoever asks (the platform, the account, the schedule): nothing leaves while identity's
    // requirements keep payouts off.
    await this.capabilities.requirePayoutsEnabled(owner.accountId);
    const plan = await this.plan(owner, order);
    const claim = await this.claim(keyScope, idempotencyKey, hashOf({ owner, order }), plan);
    if (claim.state === 'done') return (await this.find(claim.payoutId))!;
    return this.carryOut(keyScope, idempotencyKey, claim.plan);
  }

  /** Carries out requests left "started" (a crash, the ledger unreachable) for a while. */
  async redrive(olderThan: Date): Promise<number> {
    const stuck = (await this.dataSource.query(
      `SELECT scope, idempotency_key, request FROM payout_requests
       WHERE state = 'started' AND created_at < ? ORDER BY created_at LIMIT 100`,
      [olderThan],
    )) as Array<{ scope: string; idempotency_key: string; request: string }>;
    let done = 0;
    for (const row of stuck) {
      try {
        await this.carryOut(
          row.scope,
          row.idempotency_key,
          JSON.parse(row.request) as PlannedPayout,
        );
        done += 1;
      } catch {
        // Refused (the key is freed) or still unreachable (tried again next time).
      }
    }
    return done;
  }

  /** Forgets keys of finished requests after two days (they are kept at least one, as Stripe). */
  async expireKeys(now: Date): Promise<void> {
    await this.dataSource.query(
      "DELETE FROM payout_requests WHERE state = 'done' AND created_at < ? LIMIT 10000",
      [new Date(now.getTime() - 2 * 24 * 3600 * 1000)],
    );
  }

  find(id: string): Promise<Payout | null> {
    return this.dataSource.getRepository(Payout).findOneBy({ id });
  }

  private async plan(owner: AccountRef, order: PayoutOrder): Promise<PlannedPayout> {
    const currency = currencyInput(order.currency);
    const instant = order.method === PayoutMethod.instant;
    if (order.amount !== 'available' && (!Number.isSafeInteger(order.amount) || order.amount < 1))
      throw new DashError(
        'BAD_USER_INPUT',
        'amount must be a whole number of minor units, at least 1',
        {
          field: 'amount',
        },
      );
    if (instant && order.amount === 'available')
      throw new DashError('BAD_USER_INPUT', 'An instant payout needs an amount.', {
        field: 'amount',
      });
    const destination = await this.destinationFor(owner, currency, order);
    const fee = instant ? instantPayoutFee(order.amount as number, this.settings.instantFee) : 0;
    const schedule = await this.schedules.get(owner);
    const now = this.now();
    return {
      id: newId('payout'),
      owner,
      currency,
      amount: order.amount,
      createdBefore: order.createdBefore?.toISOString() ?? null,
      fee,
      method: order.method,
      automatic: order.automatic,
      requestedBy: order.requestedBy,
      destination: {
        id: destination.id,
        kind: destination.kind,
        bankName: destination.bankName,
        brand: destination.brand,
        last4: destination.last4,
        token: destination.railToken,
        country: destination.country,
      },
      description: order.description?.trim() || `Payout to ${destinationLabel(destination)}`,
      arrivalDate: expectedArrival(now, {
        method: order.method,
        country: destination.country,
        timeZone: schedule.timeZone,
        businessDays: this.settings.businessDays,
      }).toISOString(),
      createdAt: now.toISOString(),
    };
  }

  private async destinationFor(
    owner: AccountRef,
    currency: string,
    order: PayoutOrder,
  ): Promise<ExternalAccount> {
    const instant = order.method === PayoutMethod.instant;
    const chosen = order.destination
      ? await this.externalAccounts.find(owner, order.destination)
      : instant
        ? await this.externalAccounts.cardFor(owner, currency)
        : await this.externalAccounts.defaultFor(owner, currency);
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
        {
          field: 'destination',
        },
      );
    if (instant && chosen.kind !== ExternalAccountKind.card)
      throw new DashError('BAD_USER_INPUT', 'Instant payouts go to a debit card.', {
        field: 'destination',
        reason: 'INSTANT_NEEDS_CARD',
      });
    return chosen;
  }

  private async claim(
    scope: string,
    key: string,
    hash: string,
    plan: PlannedPayout,
  ): Promise<Claim> {
    for (;;) {
      const inserted = (await this.dataSource.query(
        `INSERT IGNORE INTO payout_requests
           (scope, idempotency_key, request_hash, payout_id, request, state, created_at)
         VALUES (?, ?, ?, ?, ?, 'started', ?)`,
        [scope, key, hash, plan.id, JSON.stringify(plan), this.now()],
      )) as { affectedRows: number };
      if (inserted.affectedRows === 1) return { state: 'started', plan };
      const [first] = (await this.dataSource.query(
        'SELECT request_hash, payout_id, request, state FROM payout_requests WHERE scope = ? AND idempotency_key = ?',
        [scope, key],
      )) as Array<{ request_hash: string; payout_id: string; request: string; state: string }>;
      // Freed in between (the first request was refused): claim it anew.
      if (!first) continue;
      if (first.request_hash !== hash)
        throw new DashError(
          'CONFLICT',
          'This idempotency key was already used with other parameters. Use a new key for a new request.',
          { reason: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' },
        );
      return first.state === 'done'
        ? { state: 'done', payoutId: first.payout_id }
        : { state: 'started', plan: JSON.parse(first.request) as PlannedPayout };
    }
  }

  private async carryOut(scope: string, key: string, plan: PlannedPayout): Promise<Payout> {
    let debit;
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
      // Refused: no money moved, so the key is free for a corrected request.
      if (error instanceof DashError && error.extensions.code !== 'UNAVAILABLE')
        await this.dataSource.query(
          "DELETE FROM payout_requests WHERE scope = ? AND idempotency_key = ? AND state = 'started'",
          [scope, key],
        );
      throw error;
    }
    return this.dataSource.transaction(async (manager) => {
      const payouts = manager.getRepository(Payout);
      const claimed = (await manager.query(
        "UPDATE payout_requests SET state = 'done' WHERE scope = ? AND idempotency_key = ? AND state = 'started'",
        [scope, key],
      )) as { affectedRows: number };
      // Another run of the same request got here first (its claim row is locked until then).
      if (claimed.affectedRows === 0) return (await payouts.findOneBy({ id: plan.id }))!;
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
    });
  }
}
