import { In, type DataSource, type EntityManager } from 'typeorm';
import type { Tenant } from '@dash/contracts';
import { recordEvent, type DisputeFacts } from '@dash/events';
import { DashError, isDuplicateKey, notFound } from '@dash/errors';
import { derivedId } from '@dash/ids';
import type { Logger } from '@dash/logger';
import { touchReads } from '@dash/read-cache';
import {
  FILE_EVIDENCE,
  MAX_TEXT_EVIDENCE,
  missingEvidence,
  TEXT_EVIDENCE,
  type Evidence,
} from '../evidence/evidence.rules.js';
import {
  awaitingResponse,
  closedAs,
  isClosed,
  isInquiry,
  underReview,
  type DisputeStatusCode,
} from './dispute.rules.js';
import { Dispute, type DisputeReason } from './dispute.entity.js';
import { DisputeFile } from '../evidence/evidence-file.entity.js';
import type { CardNetwork } from './card-network.service.js';
import type { LedgerClient } from './ledger-client.service.js';

const DAY = 24 * 3600 * 1000;

const alreadyDisputed = () =>
  new DashError('CONFLICT', 'This payment is already disputed.', { reason: 'ALREADY_DISPUTED' });

/** The dispute events that say no more than the dispute's facts. */
type PlainDisputeEvent =
  'dispute.created' | 'dispute.updated' | 'dispute.closed' | 'dispute.funds_reinstated';

export interface DisputeSettings {
  disputeFee: number;
  feeReturnedOnWin: boolean;
  responseDays: number;
}

export interface OpenRequest {
  platformId: string;
  livemode: boolean;
  chargeId: string;
  reason: DisputeReason;
  /** By default all that is left of the payment. */
  amount?: number | undefined;
  /** An inquiry: questions first, no money taken. */
  inquiry: boolean;
  evidenceDueBy?: Date | undefined;
}

const factsOf = (dispute: Dispute): DisputeFacts => ({
  disputeId: dispute.id,
  chargeId: dispute.chargeId,
  amount: dispute.amount,
  currency: dispute.currency,
  reason: dispute.reason,
  status: dispute.status,
  evidenceDueBy: awaitingResponse(dispute.status)
    ? (dispute.evidenceDueBy?.toISOString() ?? null)
    : null,
});

/**
 * A dispute's life: opened against a payment (the money taken back at once, unless it is an
 * inquiry), answered with evidence before its due date or accepted, then won or lost. Each
 * change is a guarded UPDATE with its event in the same transaction; the ledger's steps
 * (withdrawing, reinstating) are marked due in that transaction and carried out after it —
 * again by the worker until the ledger has them — so none is lost or done twice. A change is
 * made for `whose` disputes: a platform's (a Tenant) or one account's (its AccountRef).
 */
export class DisputeLifecycle {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerClient,
    private readonly network: CardNetwork,
    private readonly settings: DisputeSettings,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * The test-mode API's, and a network adapter's, way in. One dispute per payment, so its id
   * follows from the payment's: a call tried again after a lost answer names the same dispute.
   * The ledger registers it on the payment first — under the payment's lock, which refunds
   * take too — and takes a chargeback's money in the same step; only then is it written here.
   */
  async open(request: OpenRequest): Promise<Dispute> {
    const id = derivedId('dispute', `${request.livemode ? 'live' : 'test'}:${request.chargeId}`);
    if (await this.dataSource.getRepository(Dispute).existsBy({ chargeId: request.chargeId }))
      throw alreadyDisputed();
    const charge = await this.ledger.chargeFacts(request);
    if (!charge.succeeded)
      throw new DashError('FAILED_PRECONDITION', 'Only a succeeded payment can be disputed.', {
        reason: 'NOT_DISPUTABLE',
      });
    // Its own earlier registration (an answer lost on the way) is no reason to refuse it.
    const ours = charge.disputeId === id;
    if (charge.disputeId && !ours) throw alreadyDisputed();
    const disputable = ours ? charge.amount - charge.amountRefunded : charge.disputable;
    const amount = request.amount ?? disputable;
    if (!Number.isSafeInteger(amount) || amount < 1 || amount > disputable)
      throw new DashError(
        'BAD_USER_INPUT',
        disputable > 0
          ? `amount must be from 1 to ${disputable}`
          : 'Nothing of this payment is left to dispute: it was refunded.',
        { field: 'amount', reason: 'NOT_DISPUTABLE' },
      );
    const fee = request.inquiry ? 0 : this.settings.disputeFee;
    const now = this.now();
    const base = { disputeId: id, chargeId: charge.chargeId, platformId: request.platformId };
    const taken = request.inquiry
      ? (await this.ledger.registerInquiry({ ...base, livemode: request.livemode, amount }), null)
      : await this.ledger.withdraw({
          ...base,
          livemode: request.livemode,
          amount,
          fee,
          description: `Dispute of ${charge.chargeId}`,
        });
    const dispute = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(Dispute);
      const row = repository.create({
        id,
        accountId: charge.accountId,
        platformId: request.platformId,
        livemode: request.livemode,
        chargeId: charge.chargeId,
        amount: taken ? -taken.amount : amount,
        fee: taken ? taken.fee : 0,
        currency: charge.currency,
        reason: request.reason,
        status: request.inquiry ? 'warning_needs_response' : 'needs_response',
        evidenceDueBy:
          request.evidenceDueBy ?? new Date(now.getTime() + this.settings.responseDays * DAY),
        evidence: {},
        evidenceSubmittedAt: null,
        closedAt: null,
        withdrawal: taken ? 'done' : 'none',
        withdrawnAt: taken ? now : null,
        balanceTransactionId: taken?.balanceTransactionId ?? null,
        reinstatement: 'none',
        reinstatedAt: null,
        inquiryRelease: 'none',
        createdAt: now,
      });
      try {
        await repository.insert(row);
      } catch (error) {
        if (isDuplicateKey(error)) throw alreadyDisputed();
        throw error;
      }
      await this.event(manager, 'dispute.created', row);
      if (taken)
        await recordEvent(manager, 'disputes', 'dispute.funds_withdrawn', subjectOf(row), {
          ...factsOf(row),
          fee: row.fee,
        });
      return row;
    });
    return this.reload(dispute.id);
  }

  /**
   * A full refund answered an open inquiry (the ledger says so with the refund): it closes.
   * Guarded by its status, so a repeated event or an inquiry already closed changes nothing.
   */
  async closeAnsweredInquiry(manager: EntityManager, disputeId: string): Promise<void> {
    const dispute = await manager.getRepository(Dispute).findOneBy({ id: disputeId });
    if (!dispute || !isInquiry(dispute.status) || isClosed(dispute.status)) return;
    const moved = await manager
      .getRepository(Dispute)
      .update(
        { id: disputeId, status: dispute.status },
        { status: 'warning_closed', closedAt: this.now() },
      );
    if (moved.affected)
      await this.event(
        manager,
        'dispute.closed',
        Object.assign(new Dispute(), dispute, { status: 'warning_closed' }),
      );
  }

  /** Saves evidence as a draft: merged with what was saved before, until it is submitted. */
  async saveEvidence(whose: Tenant, id: string, evidence: Evidence): Promise<Dispute> {
    const dispute = await this.answerable(whose, id);
    await this.checkEvidence(dispute, evidence);
    const merged = { ...(dispute.evidence ?? {}), ...evidence };
    for (const [field, value] of Object.entries(merged))
      if (!value?.trim()) delete merged[field as keyof Evidence];
    await this.dataSource
      .getRepository(Dispute)
      .update({ id, status: dispute.status }, { evidence: merged });
    await touchReads(this.dataSource.manager, { accountId: dispute.accountId });
    return this.reload(id);
  }

  /** Sends the evidence to the network, once: the dispute goes under review. */
  async submitEvidence(whose: Tenant, id: string): Promise<Dispute> {
    const dispute = await this.answerable(whose, id);
    const missing = missingEvidence(dispute.reason, dispute.evidence ?? {});
    if (missing.length)
      throw new DashError('BAD_USER_INPUT', `Add ${missing.join(', ')} before submitting.`, {
        reason: 'EVIDENCE_INCOMPLETE',
        field: missing[0],
        missing,
      });
    await this.network.submitEvidence(dispute, dispute.evidence ?? {});
    await this.step(dispute, underReview(dispute.status), 'dispute.updated', {
      evidenceSubmittedAt: this.now(),
    });
    return this.reload(id);
  }

  /** The account gives up the dispute: it is lost (an inquiry just closes). */
  async accept(whose: Tenant, id: string): Promise<Dispute> {
    const dispute = await this.answerable(whose, id);
    const status = closedAs(dispute.status, 'lost');
    await this.step(dispute, status, 'dispute.closed', {
      closedAt: this.now(),
      ...ledgerStepsOfClosing(status),
    });
    await this.settleLedgerSteps([id]);
    return this.reload(id);
  }

  /** The network's decision (the test-mode API, or an adapter). A won chargeback pays back. */
  async close(whose: Tenant, id: string, outcome: 'won' | 'lost'): Promise<Dispute> {
    const dispute = await this.find(whose, id);
    if (isClosed(dispute.status))
      throw new DashError('FAILED_PRECONDITION', 'This dispute is already closed.', {
        reason: 'DISPUTE_CLOSED',
      });
    const status = closedAs(dispute.status, outcome);
    await this.step(dispute, status, 'dispute.closed', {
      closedAt: this.now(),
      ...ledgerStepsOfClosing(status),
    });
    await this.settleLedgerSteps([id]);
    return this.reload(id);
  }

  /**
   * Carries out the ledger steps that are due — withdrawals of opened disputes, reinstatements
   * of won ones — each idempotent in the ledger; what fails is tried again on the next pass.
   */
  async settleLedgerSteps(ids?: string[]): Promise<void> {
    const due = await this.dataSource.getRepository(Dispute).find({
      where: [
        { withdrawal: 'due', ...(ids ? { id: In(ids) } : {}) },
        { reinstatement: 'due', withdrawal: 'done', ...(ids ? { id: In(ids) } : {}) },
        { inquiryRelease: 'due', ...(ids ? { id: In(ids) } : {}) },
      ],
      take: 200,
    });
    for (const dispute of due) {
      try {
        if (dispute.withdrawal === 'due') await this.withdraw(dispute);
        else if (dispute.reinstatement === 'due') await this.reinstate(dispute);
        else await this.releaseInquiry(dispute);
      } catch (error) {
        this.log.warn({ err: error, disputeId: dispute.id }, 'dispute ledger step not done yet');
      }
    }
  }

  private async withdraw(dispute: Dispute): Promise<void> {
    const taken = await this.ledger.withdraw({
      disputeId: dispute.id,
      chargeId: dispute.chargeId,
      platformId: dispute.platformId,
      livemode: dispute.livemode,
      amount: dispute.amount,
      fee: dispute.fee,
      description: `Dispute of ${dispute.chargeId}`,
    });
    await this.dataSource.transaction(async (manager) => {
      const moved = await manager.getRepository(Dispute).update(
        { id: dispute.id, withdrawal: 'due' },
        {
          withdrawal: 'done',
          withdrawnAt: this.now(),
          balanceTransactionId: taken.balanceTransactionId,
        },
      );
      if (moved.affected)
        await recordEvent(manager, 'disputes', 'dispute.funds_withdrawn', subjectOf(dispute), {
          ...factsOf(dispute),
          fee: dispute.fee,
        });
    });
  }

  private async releaseInquiry(dispute: Dispute): Promise<void> {
    await this.ledger.inquiryClosed({ disputeId: dispute.id });
    await this.dataSource
      .getRepository(Dispute)
      .update({ id: dispute.id, inquiryRelease: 'due' }, { inquiryRelease: 'done' });
  }

  private async reinstate(dispute: Dispute): Promise<void> {
    await this.ledger.reinstate({
      disputeId: dispute.id,
      balanceTransactionId: dispute.balanceTransactionId!,
      returnFee: this.settings.feeReturnedOnWin,
      description: `Dispute of ${dispute.chargeId} won`,
    });
    await this.dataSource.transaction(async (manager) => {
      const moved = await manager
        .getRepository(Dispute)
        .update(
          { id: dispute.id, reinstatement: 'due' },
          { reinstatement: 'done', reinstatedAt: this.now() },
        );
      if (moved.affected) await this.event(manager, 'dispute.funds_reinstated', dispute);
    });
  }

  /** Evidence text within its length; files that are this account's own uploads. */
  private async checkEvidence(dispute: Dispute, evidence: Evidence): Promise<void> {
    for (const field of TEXT_EVIDENCE)
      if ((evidence[field]?.length ?? 0) > MAX_TEXT_EVIDENCE)
        throw new DashError(
          'BAD_USER_INPUT',
          `${field} is too long (at most ${MAX_TEXT_EVIDENCE} characters).`,
          {
            field,
          },
        );
    const files = FILE_EVIDENCE.map((field) => [field, evidence[field]] as const).filter(
      ([, value]) => value,
    );
    for (const [field, fileId] of files) {
      const owned = await this.dataSource
        .getRepository(DisputeFile)
        .existsBy({ id: fileId!, accountId: dispute.accountId, livemode: dispute.livemode });
      if (!owned)
        throw new DashError('BAD_USER_INPUT', `${field} is not a file you uploaded.`, { field });
    }
  }

  /** A dispute still waiting for a response, before its due date. */
  private async answerable(whose: Tenant, id: string): Promise<Dispute> {
    const dispute = await this.find(whose, id);
    if (!awaitingResponse(dispute.status))
      throw new DashError(
        'FAILED_PRECONDITION',
        dispute.evidenceSubmittedAt
          ? 'Evidence for this dispute was already submitted.'
          : 'This dispute is no longer waiting for a response.',
        { reason: dispute.evidenceSubmittedAt ? 'EVIDENCE_SUBMITTED' : 'DISPUTE_CLOSED' },
      );
    if (dispute.evidenceDueBy && dispute.evidenceDueBy <= this.now())
      throw new DashError(
        'FAILED_PRECONDITION',
        `The deadline to respond was ${dispute.evidenceDueBy.toISOString()}; evidence can no longer be submitted.`,
        { reason: 'EVIDENCE_PAST_DUE', evidenceDueBy: dispute.evidenceDueBy.toISOString() },
      );
    return dispute;
  }

  private async find(whose: Tenant, id: string): Promise<Dispute> {
    const dispute = await this.dataSource.getRepository(Dispute).findOneBy({ id, ...whose });
    if (!dispute) throw notFound('dispute', id);
    return dispute;
  }

  private async step(
    dispute: Dispute,
    to: DisputeStatusCode,
    type: PlainDisputeEvent,
    changes: Partial<Dispute>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const moved = await manager
        .getRepository(Dispute)
        .update({ id: dispute.id, status: dispute.status }, { status: to, ...changes });
      if (!moved.affected)
        throw new DashError('CONFLICT', 'This dispute changed meanwhile. Look at it again.', {
          reason: 'DISPUTE_CHANGED',
        });
      await this.event(manager, type, Object.assign(new Dispute(), dispute, { status: to }));
    });
  }

  private event(manager: EntityManager, type: PlainDisputeEvent, dispute: Dispute) {
    return recordEvent(manager, 'disputes', type, subjectOf(dispute), factsOf(dispute));
  }

  private async reload(id: string): Promise<Dispute> {
    return (await this.dataSource.getRepository(Dispute).findOneBy({ id }))!;
  }
}

/** What closing into `status` leaves for the ledger: a won chargeback's money, an inquiry's hold. */
const ledgerStepsOfClosing = (status: DisputeStatusCode): Partial<Dispute> =>
  status === 'won'
    ? { reinstatement: 'due' }
    : status === 'warning_closed'
      ? { inquiryRelease: 'due' }
      : {};

const subjectOf = (dispute: Dispute) => ({
  accountId: dispute.accountId,
  platformId: dispute.platformId,
  livemode: dispute.livemode,
});
