import { Column, Entity } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { AccountRecord } from '@dash/subgraph';
import { PayoutMethod } from '../payout/payout.entity.js';

export enum ExternalAccountKind {
  bank_account = 'bank_account',
  card = 'card',
}
registerEnumType(ExternalAccountKind, {
  name: 'ExternalAccountKind',
  description: 'What a payout destination is.',
  valuesConfig: {
    bank_account: { description: 'A bank account (`ba_…`): standard payouts.' },
    card: { description: 'A debit card (`card_…`): standard or instant payouts.' },
  },
});

/**
 * Where an account's payouts go: a bank account, or a debit card for instant payouts. Only the
 * last four digits, the bank or card brand and a fingerprint are kept here; the full numbers go
 * to the payout rail, which answers with a token payouts are sent with.
 */
@Entity('external_accounts')
@ObjectType({ description: 'A bank account or debit card payouts are sent to.' })
export class ExternalAccount extends AccountRecord {
  @Field(() => ID, { description: 'The bank account’s id, `ba_…`, or the card’s, `card_…`.' })
  override id!: string;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => ExternalAccountKind, { description: 'A bank account or a debit card.' })
  kind!: ExternalAccountKind;

  @Column({ type: 'char', length: 2 })
  @Field({ description: 'ISO 3166-1 alpha-2.' })
  country!: string;

  @Column({ type: 'char', length: 3 })
  @Field({ description: 'The currency paid to it, lowercase.' })
  currency!: string;

  @Column({ name: 'holder_name', type: 'varchar', length: 120, nullable: true })
  @Field(() => String, { nullable: true, description: 'Bank accounts: whose name it is in.' })
  accountHolderName!: string | null;

  @Column({ name: 'bank_name', type: 'varchar', length: 120, nullable: true })
  @Field(() => String, { nullable: true, description: 'Bank accounts: the bank, where known.' })
  bankName!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  @Field(() => String, { nullable: true, description: 'Cards: visa or mastercard.' })
  brand!: string | null;

  @Column({ type: 'char', length: 4 })
  @Field({ description: 'The last four digits of the account or card number.' })
  last4!: string;

  @Column({ name: 'routing_number', type: 'varchar', length: 20, nullable: true })
  @Field(() => String, { nullable: true, description: 'Routing number, sort code or bank code.' })
  routingNumber!: string | null;

  @Column({ name: 'exp_month', type: 'smallint', nullable: true })
  @Field(() => Number, { nullable: true, description: 'Cards: the expiry month, 1 to 12.' })
  expMonth!: number | null;

  @Column({ name: 'exp_year', type: 'smallint', nullable: true })
  @Field(() => Number, { nullable: true, description: 'Cards: the expiry year, four digits.' })
  expYear!: number | null;

  /** Keyed hash of the full details: the same bank account added twice is recognized. */
  @Column({ type: 'varchar', length: 64 })
  @Field({ description: 'The same bank account or card has the same fingerprint.' })
  fingerprint!: string;

  /** The payout rail's token for the full details. Never leaves this service. */
  @Column({ name: 'rail_token', type: 'varchar', length: 120 })
  railToken!: string;

  /** The currency it is the default for, or null; unique per account and currency. */
  @Column({ name: 'default_for', type: 'char', length: 3, nullable: true })
  defaultFor!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'new' })
  @Field({
    description:
      'new, or errored after a payout to it failed (replace it, or add it again once the bank has fixed it).',
  })
  status!: 'new' | 'errored';

  @Column({ name: 'failure_code', type: 'varchar', length: 40, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'Errored: the failed payout’s code — account_closed, no_account, …',
  })
  failureCode!: string | null;

  @Column({ name: 'failure_message', type: 'varchar', length: 300, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'Errored: why the bank returned the payout, in words.',
  })
  failureMessage!: string | null;

  @Field({ description: 'Scheduled payouts in its currency go here.' })
  get defaultForCurrency(): boolean {
    return this.defaultFor !== null;
  }

  @Field(() => [PayoutMethod], { description: 'standard, and instant for a debit card.' })
  get availablePayoutMethods(): PayoutMethod[] {
    return this.kind === ExternalAccountKind.card
      ? [PayoutMethod.standard, PayoutMethod.instant]
      : [PayoutMethod.standard];
  }
}
