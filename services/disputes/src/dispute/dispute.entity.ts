import { Column, Entity, Index } from 'typeorm';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { bigintColumn, datetimeColumn } from '@dash/db';
import { AccountRecord, SafeInt } from '@dash/subgraph';
import { DISPUTE_REASONS, type Evidence } from '../evidence/evidence.rules.js';
import {
  awaitingResponse,
  DISPUTE_STATUSES,
  isInquiry,
  type DisputeStatusCode,
} from './dispute.rules.js';

export const DisputeStatus = Object.fromEntries(DISPUTE_STATUSES.map((s) => [s, s])) as {
  [S in DisputeStatusCode]: S;
};
export type DisputeStatus = DisputeStatusCode;
registerEnumType(DisputeStatus, { name: 'DisputeStatus' });

export const DisputeReason = Object.fromEntries(DISPUTE_REASONS.map((r) => [r, r])) as {
  [R in (typeof DISPUTE_REASONS)[number]]: R;
};
export type DisputeReason = (typeof DISPUTE_REASONS)[number];
registerEnumType(DisputeReason, {
  name: 'DisputeReason',
  description: "The card network's reason code.",
});

/** Whether the ledger has moved a dispute's money yet: due (to retry), done, or none to move. */
export type LedgerStep = 'none' | 'due' | 'done';

/** A cardholder's challenge of a payment with their bank. */
@Entity('disputes')
@Index('disputes_account_created', ['accountId', 'createdAt'])
@Directive('@key(fields: "id")')
@ObjectType({ description: "A cardholder's challenge of a payment with their bank." })
export class Dispute extends AccountRecord {
  @Column({ name: 'charge_id', type: 'varchar', length: 40 })
  @Field(() => ID, { name: 'charge', description: 'The disputed payment.' })
  chargeId!: string;

  @Column(bigintColumn())
  @Field(() => SafeInt, { description: "In the currency's minor unit." })
  amount!: number;

  @Column(bigintColumn({ default: 0 }))
  @Field(() => SafeInt, { description: 'The dispute fee, taken with the amount.' })
  fee!: number;

  @Column({ type: 'char', length: 3 })
  @Field({ description: 'Lowercase ISO 4217 code.' })
  currency!: string;

  @Column({ type: 'varchar', length: 32 })
  @Field(() => DisputeReason)
  reason!: DisputeReason;

  @Column({ type: 'varchar', length: 32 })
  @Field(() => DisputeStatus)
  status!: DisputeStatus;

  @Column(datetimeColumn({ name: 'evidence_due_by', nullable: true }))
  @Field(() => Date, {
    nullable: true,
    description: 'Respond before this, or the dispute is lost.',
  })
  evidenceDueBy!: Date | null;

  @Column({ type: 'simple-json', nullable: true })
  evidence!: Evidence | null;

  @Column(datetimeColumn({ name: 'evidence_submitted_at', nullable: true }))
  @Field(() => Date, { nullable: true })
  evidenceSubmittedAt!: Date | null;

  @Column(datetimeColumn({ name: 'closed_at', nullable: true }))
  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'varchar', length: 8, default: 'none' })
  withdrawal!: LedgerStep;

  @Column(datetimeColumn({ name: 'withdrawn_at', nullable: true }))
  withdrawnAt!: Date | null;

  @Column({ name: 'balance_transaction_id', type: 'varchar', length: 40, nullable: true })
  balanceTransactionId!: string | null;

  @Column({ type: 'varchar', length: 8, default: 'none' })
  reinstatement!: LedgerStep;

  @Column(datetimeColumn({ name: 'reinstated_at', nullable: true }))
  reinstatedAt!: Date | null;

  /** An inquiry closed without a refund: the ledger lets its payment be refunded in part again. */
  @Column({ name: 'inquiry_release', type: 'varchar', length: 8, default: 'none' })
  inquiryRelease!: LedgerStep;

  @Field({ description: 'An inquiry: refunding the payment now closes it.' })
  get isChargeRefundable(): boolean {
    return isInquiry(this.status);
  }

  @Field({ description: 'Still waiting for a response after its due date.' })
  get overdue(): boolean {
    return (
      awaitingResponse(this.status) &&
      this.evidenceDueBy !== null &&
      this.evidenceDueBy < new Date()
    );
  }
}
