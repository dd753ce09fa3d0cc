import { Column, Entity, Index } from 'typeorm';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { bigintColumn, datetimeColumn } from '@dash/db';
import { AccountRecord, SafeInt } from '@dash/subgraph';

export enum PayoutStatus {
  pending = 'pending',
  in_transit = 'in_transit',
  paid = 'paid',
  failed = 'failed',
  canceled = 'canceled',
}
registerEnumType(PayoutStatus, {
  name: 'PayoutStatus',
  description: 'Where a payout is in its life: pending → in_transit → paid, or failed or canceled.',
  valuesConfig: {
    pending: { description: 'Taken from the balance, not yet sent; it can still be canceled.' },
    in_transit: { description: 'Sent to the bank; arrives by `arrivalDate`.' },
    paid: { description: 'Arrived.' },
    failed: { description: 'The bank returned it; the money is back on the balance.' },
    canceled: { description: 'Stopped while pending; the money is back on the balance.' },
  },
});

export enum PayoutMethod {
  standard = 'standard',
  instant = 'instant',
}
registerEnumType(PayoutMethod, {
  name: 'PayoutMethod',
  description: 'How fast a payout travels.',
  valuesConfig: {
    standard: { description: 'To a bank account or card in a few business days, without a fee.' },
    instant: { description: 'To a debit card within minutes, for a fee.' },
  },
});

export type PayoutRequester = 'schedule' | 'account' | 'platform';

@ObjectType({ description: 'Where a payout went, as it was when it was sent.' })
export class PayoutDestination {
  @Field({ description: 'The ExternalAccount id (ba_… or card_…).' }) id!: string;
  @Field({ description: 'bank_account or card.' }) kind!: string;
  @Field(() => String, { nullable: true, description: 'Bank accounts: the bank, where known.' })
  bankName!: string | null;
  @Field(() => String, { nullable: true, description: 'visa or mastercard.' }) brand!:
    string | null;
  @Field({ description: 'The last four digits of the account or card number.' }) last4!: string;
}

/** Money sent from an account's available balance to its bank account or debit card. */
@Entity('payouts')
@Index('payouts_account_created', ['accountId', 'createdAt'])
@Directive('@key(fields: "id")')
@ObjectType({
  description: "Money sent from the account's balance to its bank account or debit card.",
})
export class Payout extends AccountRecord {
  @Field(() => ID, { description: 'The payout’s id, `po_…`.' })
  override id!: string;

  @Column(bigintColumn())
  @Field(() => SafeInt, { description: "In the currency's minor unit." })
  amount!: number;

  @Column(bigintColumn({ default: 0 }))
  @Field(() => SafeInt, { description: 'The instant payout fee, taken on top of the amount.' })
  fee!: number;

  @Column({ type: 'char', length: 3 })
  @Field({ description: 'Lowercase ISO 4217 code.' })
  currency!: string;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => PayoutStatus, { description: 'Where it is in its life.' })
  status!: PayoutStatus;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => PayoutMethod, { description: 'standard or instant.' })
  method!: PayoutMethod;

  @Column({ type: 'boolean', default: false })
  @Field({ description: 'Made by the payout schedule (true) or asked for (false).' })
  automatic!: boolean;

  @Column({ name: 'requested_by', type: 'varchar', length: 16, default: 'schedule' })
  requestedBy!: PayoutRequester;

  @Column(datetimeColumn({ name: 'arrival_date' }))
  @Field({ description: 'When the money is expected in the bank (or arrived).' })
  arrivalDate!: Date;

  @Column({ type: 'simple-json', nullable: true })
  @Field(() => PayoutDestination, {
    nullable: true,
    description: 'The bank account or card it went to.',
  })
  destination!: PayoutDestination | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: 'What the bank statement shows.' })
  description!: string | null;

  @Column({ name: 'balance_transaction_id', type: 'varchar', length: 40, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'The ledger transaction that took it from the balance.',
  })
  balanceTransactionId!: string | null;

  @Column({ name: 'failure_code', type: 'varchar', length: 40, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'Why the bank returned it: no_account, account_closed, …',
  })
  failureCode!: string | null;

  @Column({ name: 'failure_message', type: 'varchar', length: 300, nullable: true })
  @Field(() => String, { nullable: true, description: 'Why it failed, in words.' })
  failureMessage!: string | null;

  @Column({ name: 'rail_reference', type: 'varchar', length: 120, nullable: true })
  railReference!: string | null;

  @Column(datetimeColumn({ name: 'updated_at', nullable: true }))
  @Field(() => Date, { nullable: true, description: 'When its status last changed.' })
  updatedAt!: Date | null;

  /** Failed and canceled payouts give their money back; this says the ledger has done it. */
  @Column(datetimeColumn({ name: 'returned_at', nullable: true }))
  returnedAt!: Date | null;
}
