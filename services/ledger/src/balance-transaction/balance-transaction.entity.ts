import { Column, Entity } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { bigintColumn, datetimeColumn } from '@dash/db';
import { AccountRecord, SafeInt } from '@dash/subgraph';
import {
  BALANCE_TRANSACTION_TYPES,
  type BalanceTransactionType,
  type FeeDetail as FeeDetailShape,
} from '../postings/entries.rules.js';

export const BalanceTransactionTypeEnum = Object.fromEntries(
  BALANCE_TRANSACTION_TYPES.map((type) => [type, type]),
) as { [Type in BalanceTransactionType]: Type };
registerEnumType(BalanceTransactionTypeEnum, {
  name: 'BalanceTransactionType',
  description: 'What moved the money.',
});

export enum BalanceTransactionStatus {
  pending = 'pending',
  available = 'available',
}
registerEnumType(BalanceTransactionStatus, { name: 'BalanceTransactionStatus' });

@ObjectType({ description: 'One part of a fee: the processor’s, or the platform’s.' })
export class FeeDetail implements FeeDetailShape {
  @Field(() => String, { description: 'processing_fee, application_fee or instant_payout_fee.' })
  type!: FeeDetailShape['type'];

  @Field(() => SafeInt)
  amount!: number;

  @Field()
  description!: string;
}

/**
 * One movement of money on an account's balance, as Stripe shows it: amount, fee, net, and when
 * the money becomes available. Its postings (see `postings`) carry the double entry.
 */
@Entity('balance_transactions')
@ObjectType({ description: 'One movement of money on the account’s balance.' })
export class BalanceTransaction extends AccountRecord {
  @Column({ type: 'varchar', length: 32 })
  @Field(() => BalanceTransactionTypeEnum)
  type!: BalanceTransactionType;

  @Column({ name: 'reporting_category', type: 'varchar', length: 40 })
  @Field({ description: 'How reports group it: charge, refund, payout, platform_earning, …' })
  reportingCategory!: string;

  @Column(bigintColumn())
  @Field(() => SafeInt, { description: 'Gross amount, in the currency’s minor unit.' })
  amount!: number;

  @Column(bigintColumn())
  @Field(() => SafeInt, { description: 'Fees paid for it, in minor units.' })
  fee!: number;

  @Column({ name: 'fee_details', type: 'simple-json' })
  @Field(() => [FeeDetail])
  feeDetails!: FeeDetail[];

  @Column(bigintColumn())
  @Field(() => SafeInt, { description: 'amount − fee: what it changes the balance by.' })
  net!: number;

  @Column({ type: 'char', length: 3 })
  @Field({ description: 'Lowercase ISO 4217 code.' })
  currency!: string;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => BalanceTransactionStatus)
  status!: BalanceTransactionStatus;

  @Column(datetimeColumn({ name: 'available_on' }))
  @Field({ description: 'When the net amount becomes available to pay out.' })
  availableOn!: Date;

  /** The platform's words, or null (the dashboard then says "Payment from {platform}"). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  description!: string | null;

  @Column({ name: 'source_id', type: 'varchar', length: 40, nullable: true })
  @Field(() => ID, {
    nullable: true,
    description: 'The charge, refund, transfer or payout it records.',
  })
  source!: string | null;

  @Column({ name: 'payout_id', type: 'varchar', length: 40, nullable: true })
  @Field(() => ID, {
    name: 'payout',
    nullable: true,
    description: 'The automatic payout that paid this out to the bank, once one has.',
  })
  payoutId!: string | null;
}
