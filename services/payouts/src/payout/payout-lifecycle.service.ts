import { In, IsNull, LessThan, type DataSource } from 'typeorm';
import { recordEvent } from '@dash/events';
import { DashError, notFound } from '@dash/errors';
import type { Logger } from '@dash/logger';
import { accountRefOf, type AccountRef } from '@dash/contracts';
import type { ExternalAccounts } from '../external-account/external-accounts.service.js';
import type { LedgerClient } from './ledger-client.service.js';
import { Payout, PayoutStatus, type PayoutDestination } from './payout.entity.js';
import { factsOf } from './payout-facts.rules.js';
import type { PayoutRail, RailPayout } from './payout-rail.service.js';
import { payoutFailures } from '@dash/telemetry';

/** A rail's failure code as a metric label: its codes are few, anything else is "other". */
const failureCodeLabel = (code: string | undefined) =>
  code && /^[a-z][a-z0-9_]{0,47}$/.test(code) ? code : 'other';

const BATCH = 200;
/** A claimed payout the rail has not acknowledged for this long is handed to it again. */
const RESEND_AFTER_MS = 60_000;

const railPayout = (payout: Payout): RailPayout => ({
  id: payout.id,
  amount: payout.amount,
  currency: payout.currency,
  method: payout.method,
  destinationToken: (payout.destination as PayoutDestination & { token: string }).token,
});

/**
 * A payout's life after it is made: pending → in_transit (claimed, then handed to the rail with
 * its id as the rail's idempotency key) → paid, or failed (the bank returned it) — or canceled
 * while still pending. Each step is a guarded UPDATE
 * (`WHERE status = <the step before>`) with its event in the same transaction, so however many
 * workers advance payouts, each step happens once. Money from failed and canceled payouts goes
 * back through the ledger until it has (`returned_at`).
 */
export class PayoutLifecycle {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rail: PayoutRail,
    private readonly ledger: LedgerClient,
    private readonly externalAccounts: Pick<ExternalAccounts, 'markErrored'>,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** One pass over payouts that can move on. Returns how many changed. */
  async advance(): Promise<number> {
    let changed = 0;
    const payouts = this.dataSource.getRepository(Payout);
    for (const payout of await payouts.find({
      where: { status: PayoutStatus.pending },
      order: { createdAt: 'ASC' },
      take: BATCH,
    })) {
      // Claimed first: only the worker whose guarded UPDATE moved it sends it, and a cancel
      // that got there first leaves nothing to send.
      if (!(await this.step(payout, PayoutStatus.pending, PayoutStatus.in_transit))) continue;
      changed += 1;
      await this.send(payout);
    }
    // Claimed but not sent (the worker stopped, or the rail was away): sent again, which the
    // rail takes once, keyed by the payout id.
    for (const payout of await payouts.find({
      where: {
        status: PayoutStatus.in_transit,
        railReference: IsNull(),
        updatedAt: LessThan(new Date(this.now().getTime() - RESEND_AFTER_MS)),
      },
      order: { createdAt: 'ASC' },
      take: BATCH,
    }))
      await this.send(payout);
    for (const payout of await payouts.find({
      where: { status: PayoutStatus.in_transit },
      order: { createdAt: 'ASC' },
      take: BATCH,
    })) {
      if (payout.railReference === null) continue;
      const status = await this.rail.status({
        ...railPayout(payout),
        reference: payout.railReference,
        sentAt: payout.updatedAt ?? payout.createdAt,
      });
      if (
        status.state === 'paid' &&
        (await this.step(payout, PayoutStatus.in_transit, PayoutStatus.paid))
      )
        changed += 1;
      if (
        status.state === 'failed' &&
        (await this.step(payout, PayoutStatus.in_transit, PayoutStatus.failed, {
          failureCode: status.code,
          failureMessage: status.message,
        }))
      ) {
        changed += 1;
        // Counted once, by whoever moved the payout: the step happens once whatever the workers.
        payoutFailures.inc({ code: failureCodeLabel(status.code) });
      }
    }
    await this.returnFunds();
    return changed;
  }

  /** A platform (or its account) stops a payout the rail does not have yet. */
  async cancel(account: AccountRef, payoutId: string): Promise<Payout> {
    const payout = await this.dataSource
      .getRepository(Payout)
      .findOneBy({ id: payoutId, accountId: account.accountId, livemode: account.livemode });
    if (!payout) throw notFound('payout', payoutId);
    if (!(await this.step(payout, PayoutStatus.pending, PayoutStatus.canceled)))
      throw new DashError(
        'FAILED_PRECONDITION',
        'Only a pending payout can be canceled; this one is already on its way.',
        { reason: 'PAYOUT_NOT_CANCELABLE' },
      );
    // Its own money back at once; what others are still owed is the worker's.
    await this.returnFundsOf(Object.assign(payout, { status: PayoutStatus.canceled }));
    return (await this.dataSource.getRepository(Payout).findOneBy({ id: payoutId }))!;
  }

  /** Hands a claimed payout to the rail, keyed by its id; left for a later pass if it fails. */
  private async send(payout: Payout): Promise<void> {
    try {
      const { reference } = await this.rail.send(railPayout(payout));
      await this.dataSource
        .getRepository(Payout)
        .update(
          { id: payout.id, status: PayoutStatus.in_transit, railReference: IsNull() },
          { railReference: reference, updatedAt: this.now() },
        );
    } catch (error) {
      this.log.warn({ err: error, payoutId: payout.id }, 'payout not handed to the rail yet');
    }
  }

  /** Gives back what failed and canceled payouts took, until the ledger has (idempotent). */
  async returnFunds(): Promise<void> {
    const owed = await this.dataSource.getRepository(Payout).find({
      where: { status: In([PayoutStatus.failed, PayoutStatus.canceled]), returnedAt: IsNull() },
      take: BATCH,
    });
    for (const payout of owed) await this.returnFundsOf(payout);
  }

  /** One failed or canceled payout's money back to the balance; left for later if the ledger is away. */
  private async returnFundsOf(payout: Payout): Promise<void> {
    try {
      await this.ledger.reverse({
        payoutId: payout.id,
        balanceTransactionId: payout.balanceTransactionId!,
        reason: payout.status === PayoutStatus.failed ? 'payout_failure' : 'payout_cancel',
        description:
          payout.status === PayoutStatus.failed
            ? `Payout failed: ${payout.failureMessage ?? 'returned by the bank'}`
            : 'Payout canceled',
      });
      await this.dataSource
        .getRepository(Payout)
        .update({ id: payout.id, returnedAt: IsNull() }, { returnedAt: this.now() });
    } catch (error) {
      this.log.warn({ err: error, payoutId: payout.id }, 'payout funds not returned yet');
    }
  }

  private step(
    payout: Payout,
    from: PayoutStatus,
    to: PayoutStatus,
    changes: Partial<Pick<Payout, 'railReference' | 'failureCode' | 'failureMessage'>> = {},
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.now();
      const moved = await manager
        .getRepository(Payout)
        .update({ id: payout.id, status: from }, { status: to, updatedAt: now, ...changes });
      if (!moved.affected) return false;
      const after = Object.assign(new Payout(), payout, { status: to, ...changes });
      const subject = accountRefOf(payout);
      const facts = factsOf(after);
      if (to === PayoutStatus.in_transit)
        await recordEvent(manager, 'payouts', 'payout.upcoming', subject, facts, now);
      if (to === PayoutStatus.paid)
        await recordEvent(manager, 'payouts', 'payout.paid', subject, facts, now);
      if (to === PayoutStatus.canceled)
        await recordEvent(manager, 'payouts', 'payout.canceled', subject, facts, now);
      if (to === PayoutStatus.failed) {
        await recordEvent(
          manager,
          'payouts',
          'payout.failed',
          subject,
          { ...facts, failureCode: changes.failureCode!, failureMessage: changes.failureMessage! },
          now,
        );
        // Stripe marks the destination errored: the account should check it.
        if (payout.destination)
          await this.externalAccounts.markErrored(manager, subject, payout.destination.id, {
            code: changes.failureCode!,
            message: changes.failureMessage!,
          });
      }
      return true;
    });
  }
}
