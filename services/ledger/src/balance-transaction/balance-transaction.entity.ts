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
  valuesConfig: {
    charge: { description: 'A payment to the account (`ch_…`).' },
    refund: { description: 'Money returned to a customer (`re_…`).' },
    transfer: { description: 'Money the platform sent the account (`tr_…`).' },
    payout: { description: 'Money paid out to the account’s bank account or debit card (`po_…`).' },
    payout_failure: { description: 'A failed payout’s money, back on the balance.' },
    payout_cancel: { description: 'A canceled payout’s money, back on the balance.' },
    application_fee: { description: 'A fee the platform collected from the account.' },
    adjustment: { description: 'A correction to the balance outside the other kinds.' },
    dispute: {
      description: 'A chargeback: the disputed amount and the dispute fee taken (`dp_…`).',
    },
    dispute_reversal: { description: 'A won dispute: the disputed amount given back.' },
    topup: { description: 'Money the account added to its reserve from its bank (`tu_…`).' },
    topup_reversal: { description: 'A reserve top-up whose bank debit failed, undone.' },
    reserve_hold: {
      description: 'Part of a payment held in the reserve by a rolling reserve, until its release.',
    },
    reserve_release: { description: 'Money a rolling reserve held, released to the balance.' },
    recovery_debit: {
      description: 'Money debited from the account’s bank to make good a negative balance.',
    },
    recovery_debit_failure: { description: 'A recovery debit the bank returned, undone.' },
    negative_balance_cover: {
      description: 'The platform covering a negative balance that could not be recovered.',
    },
  },
});

export enum BalanceTransactionStatus {
  pending = 'pending',
  available = 'available',
}
registerEnumType(BalanceTransactionStatus, {
  name: 'BalanceTransactionStatus',
  description: 'Whether the net amount can be paid out yet.',
  valuesConfig: {
    pending: { description: 'Not settled yet: in the pending balance until `availableOn`.' },
    available: { description: 'Settled: in the available balance.' },
  },
});

@ObjectType({ description: 'One part of a fee: the processor’s, or the platform’s.' })
export class FeeDetail implements FeeDetailShape {
  @Field(() => String, { description: 'processing_fee, application_fee or instant_payout_fee.' })
  type!: FeeDetailShape['type'];

  @Field(() => SafeInt, { description: 'In the currency’s minor unit.' })
  amount!: number;

  @Field({ description: 'What the fee is for, in words.' })
  description!: string;
}

/**
 * One movement of money on an account's balance, as Stripe shows it: amount, fee, net, and when
 * the money becomes available. Its postings (see `postings`) carry the double entry.
 */
@Entity('balance_transactions')
@ObjectType({ description: 'One movement of money on the account’s balance.' })
export class BalanceTransaction extends AccountRecord {
  @Field(() => ID, { description: 'The balance transaction’s id, `txn_…`.' })
  override id!: string;

  @Column({ type: 'varchar', length: 32 })
  @Field(() => BalanceTransactionTypeEnum, { description: 'What moved the money.' })
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
  @Field(() => [FeeDetail], { description: 'The fee, part by part.' })
  feeDetails!: FeeDetail[];

  @Column(bigintColumn())
  @Field(() => SafeInt, { description: 'amount − fee: what it changes the balance by.' })
  net!: number;

  @Column({ type: 'char', length: 3 })
  @Field({ description: 'Lowercase ISO 4217 code.' })
  currency!: string;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => BalanceTransactionStatus, {
    description: 'Whether the net amount is still pending or available.',
  })
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
