import { Column, Entity, Index } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { bigintColumn, datetimeColumn } from '@dash/db';
import { AccountRecord, SafeInt } from '@dash/subgraph';

export enum DisputeStatus {
  needs_response = 'needs_response',
  under_review = 'under_review',
  won = 'won',
  lost = 'lost',
}
registerEnumType(DisputeStatus, { name: 'DisputeStatus' });

export enum DisputeReason {
  fraudulent = 'fraudulent',
  product_not_received = 'product_not_received',
  duplicate = 'duplicate',
  subscription_canceled = 'subscription_canceled',
  unrecognized = 'unrecognized',
  general = 'general',
}
registerEnumType(DisputeReason, { name: 'DisputeReason' });

/** A cardholder's challenge of a payment with their bank. */
@Entity('disputes')
@Index('disputes_account_created', ['accountId', 'createdAt'])
@ObjectType({ description: "A cardholder's challenge of a payment with their bank." })
export class Dispute extends AccountRecord {
  @Column({ name: 'charge_id', type: 'varchar', length: 40 })
  @Field(() => ID, { description: 'The disputed payment.' })
  chargeId!: string;

  @Column(bigintColumn())
  @Field(() => SafeInt, { description: "In the currency's minor unit." })
  amount!: number;

  @Column({ type: 'char', length: 3 })
  @Field({ description: 'Lowercase ISO 4217 code.' })
  currency!: string;

  @Column({ type: 'varchar', length: 32 })
  @Field(() => DisputeReason)
  reason!: DisputeReason;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => DisputeStatus)
  status!: DisputeStatus;

  @Column(datetimeColumn({ name: 'evidence_due_by', nullable: true }))
  @Field(() => Date, {
    nullable: true,
    description: 'Respond before this, or the dispute is lost.',
  })
  evidenceDueBy!: Date | null;
}
