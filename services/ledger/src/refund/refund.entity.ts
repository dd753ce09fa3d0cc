import { Column, Entity } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { bigintColumn } from '@dash/db';
import { AccountRecord, SafeInt } from '@dash/subgraph';

export enum RefundReason {
  duplicate = 'duplicate',
  fraudulent = 'fraudulent',
  requested_by_customer = 'requested_by_customer',
}
registerEnumType(RefundReason, {
  name: 'RefundReason',
  description: 'Why a payment was refunded, as Stripe names it.',
  valuesConfig: {
    duplicate: { description: 'The customer was charged twice.' },
    fraudulent: { description: 'The payment was not made by the card’s owner.' },
    requested_by_customer: { description: 'The customer asked for the money back.' },
  },
});

/** Money returned to the cardholder, all or part of a charge. */
@Entity('refunds')
@ObjectType({ description: 'Money returned to the customer, all or part of a payment.' })
export class Refund extends AccountRecord {
  @Field(() => ID, { description: 'The refund’s id, `re_…`.' })
  override id!: string;

  @Column({ name: 'charge_id', type: 'varchar', length: 40 })
  @Field(() => ID, { name: 'charge', description: 'The payment refunded, `ch_…`.' })
  chargeId!: string;

  @Column(bigintColumn())
  @Field(() => SafeInt, { description: 'In the currency’s minor unit.' })
  amount!: number;

  @Column({ type: 'char', length: 3 })
  @Field({ description: 'Lowercase ISO 4217 code.' })
  currency!: string;

  @Column({ type: 'varchar', length: 16 })
  @Field({ description: 'succeeded: card refunds complete at once here.' })
  status!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  @Field(() => RefundReason, { nullable: true, description: 'Why, if the platform said.' })
  reason!: RefundReason | null;

  /** Who asked: the platform through the API, or the account from its dashboard. */
  @Column({ name: 'requested_by', type: 'varchar', length: 16 })
  @Field({ description: 'platform or account.' })
  requestedBy!: 'platform' | 'account';

  @Column({ name: 'balance_transaction_id', type: 'varchar', length: 40 })
  balanceTransactionId!: string;
}
