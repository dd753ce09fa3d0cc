import { Column, Entity } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { bigintColumn } from '@dash/db';
import { AccountRecord, SafeInt } from '@dash/subgraph';

export enum RefundReason {
  duplicate = 'duplicate',
  fraudulent = 'fraudulent',
  requested_by_customer = 'requested_by_customer',
}
registerEnumType(RefundReason, { name: 'RefundReason' });

/** Money returned to the cardholder, all or part of a charge. */
@Entity('refunds')
@ObjectType({ description: 'Money returned to the customer, all or part of a payment.' })
export class Refund extends AccountRecord {
  @Column({ name: 'charge_id', type: 'varchar', length: 40 })
  @Field(() => ID, { name: 'charge' })
  chargeId!: string;

  @Column(bigintColumn())
  @Field(() => SafeInt)
  amount!: number;

  @Column({ type: 'char', length: 3 })
  @Field()
  currency!: string;

  @Column({ type: 'varchar', length: 16 })
  @Field({ description: 'succeeded: card refunds complete at once here.' })
  status!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  @Field(() => RefundReason, { nullable: true })
  reason!: RefundReason | null;

  /** Who asked: the platform through the API, or the account from its dashboard. */
  @Column({ name: 'requested_by', type: 'varchar', length: 16 })
  @Field({ description: 'platform or account.' })
  requestedBy!: 'platform' | 'account';

  @Column({ name: 'balance_transaction_id', type: 'varchar', length: 40 })
  balanceTransactionId!: string;
}
