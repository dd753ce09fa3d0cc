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
registerEnumType(DisputeStatus, {
  name: 'DisputeStatus',
  description: 'Where a dispute stands. warning_… statuses are inquiries, which move no money.',
  valuesConfig: {
    warning_needs_response: { description: 'An inquiry waiting for the account’s response.' },
    warning_under_review: { description: 'An inquiry answered; the card network is looking.' },
    warning_closed: { description: 'An inquiry closed without becoming a chargeback.' },
    needs_response: {
      description: 'A chargeback waiting for evidence (or acceptance) before `evidenceDueBy`.',
    },
    under_review: { description: 'Evidence submitted; the card network is deciding.' },
    won: { description: 'Decided for the account: the disputed amount came back.' },
    lost: { description: 'Decided for the cardholder, or accepted: the money stays taken.' },
  },
});

export const DisputeReason = Object.fromEntries(DISPUTE_REASONS.map((r) => [r, r])) as {
  [R in (typeof DISPUTE_REASONS)[number]]: R;
};
export type DisputeReason = (typeof DISPUTE_REASONS)[number];
registerEnumType(DisputeReason, {
  name: 'DisputeReason',
  description: "The card network's reason code.",
  valuesConfig: {
    bank_cannot_process: { description: 'The customer’s bank could not process the payment.' },
    check_returned: { description: 'The customer’s check was returned unpaid.' },
    credit_not_processed: {
      description: 'A promised refund or credit never came, says the customer.',
    },
    customer_initiated: { description: 'The customer asked their bank to take the payment back.' },
    debit_not_authorized: { description: 'The customer’s bank says the debit was not authorized.' },
    duplicate: { description: 'The customer says they paid twice for one purchase.' },
    fraudulent: { description: 'The cardholder says they did not make the payment.' },
    general: { description: 'No more specific reason was given.' },
    incorrect_account_details: { description: 'The customer’s account details were wrong.' },
    insufficient_funds: { description: 'The customer’s account did not have the money.' },
    product_not_received: { description: 'The goods or service never arrived, says the customer.' },
    product_unacceptable: {
      description: 'The goods were defective, damaged or not as described, says the customer.',
    },
    subscription_canceled: {
      description: 'The customer says they canceled a subscription that charged them again.',
    },
    unrecognized: { description: 'The customer does not recognize the payment.' },
  },
});

/** Whether the ledger has moved a dispute's money yet: due (to retry), done, or none to move. */
export type LedgerStep = 'none' | 'due' | 'done';

/** A cardholder's challenge of a payment with their bank. */
@Entity('disputes')
@Index('disputes_account_created', ['accountId', 'createdAt'])
@Directive('@key(fields: "id")')
@ObjectType({ description: "A cardholder's challenge of a payment with their bank." })
export class Dispute extends AccountRecord {
  @Field(() => ID, { description: 'The dispute’s id, `dp_…`.' })
  override id!: string;

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
  @Field(() => DisputeReason, { description: 'The card network’s reason code.' })
  reason!: DisputeReason;

  @Column({ type: 'varchar', length: 32 })
  @Field(() => DisputeStatus, { description: 'Where the dispute stands.' })
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
  @Field(() => Date, {
    nullable: true,
    description: 'When the evidence was submitted; null until then.',
  })
  evidenceSubmittedAt!: Date | null;

  @Column(datetimeColumn({ name: 'closed_at', nullable: true }))
  @Field(() => Date, { nullable: true, description: 'When it was decided or closed.' })
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
