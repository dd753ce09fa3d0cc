import { Column, Entity, Index } from 'typeorm';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { bigintColumn, datetimeColumn } from '@dash/db';
import { AccountRecord, SafeInt } from '@dash/subgraph';

export enum PayoutStatus {
  pending = 'pending',
  in_transit = 'in_transit',
  paid = 'paid',
  failed = 'failed',
  canceled = 'canceled',
}
registerEnumType(PayoutStatus, { name: 'PayoutStatus' });

export enum PayoutMethod {
  standard = 'standard',
  instant = 'instant',
}
registerEnumType(PayoutMethod, { name: 'PayoutMethod' });

/** Money sent from an account's available balance to its bank account or debit card. */
@Entity('payouts')
@Index('payouts_account_created', ['accountId', 'createdAt'])
@ObjectType({
  description: "Money sent from the account's balance to its bank account or debit card.",
})
export class Payout extends AccountRecord {
  @Column(bigintColumn())
  @Field(() => SafeInt, { description: "In the currency's minor unit." })
  amount!: number;

  @Column({ type: 'char', length: 3 })
  @Field({ description: 'Lowercase ISO 4217 code.' })
  currency!: string;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => PayoutStatus)
  status!: PayoutStatus;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => PayoutMethod)
  method!: PayoutMethod;

  @Column(datetimeColumn({ name: 'arrival_date' }))
  @Field({ description: 'When the money is expected in the bank (or arrived).' })
  arrivalDate!: Date;
}
