import { Column, Entity } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { bigintColumn, datetimeColumn } from '@dash/db';
import { AccountRecord, SafeInt } from '@dash/subgraph';

export enum RecoveryDebitStatus {
  pending = 'pending',
  succeeded = 'succeeded',
  retrying = 'retrying',
  uncollectible = 'uncollectible',
}
registerEnumType(RecoveryDebitStatus, {
  name: 'RecoveryDebitStatus',
  description:
    'Where a debit recovering a negative balance is: pending → succeeded, or retrying after the bank refused it, and uncollectible once it gave up.',
  valuesConfig: {
    pending: { description: 'Being debited from the bank account; takes a few days.' },
    succeeded: { description: 'The bank paid it: the negative balance is made good.' },
    retrying: { description: 'The bank refused it; it is tried again at `nextAttemptAt`.' },
    uncollectible: {
      description: 'It could not be collected: the platform covered what was still owed.',
    },
  },
});

/** A debit of an account's bank that recovers its negative balance. */
@Entity('recovery_debits')
@ObjectType({
  description:
    "A debit of the account's bank account recovering its negative balance, after the platform's recovery days.",
})
export class RecoveryDebit extends AccountRecord {
  @Field(() => ID, { description: 'The debit’s id, `rdebit_…`.' })
  override id!: string;

  @Column(bigintColumn())
  @Field(() => SafeInt, { description: "What is debited, in the currency's minor unit." })
  amount!: number;

  @Column({ type: 'char', length: 3 })
  @Field({ description: 'Lowercase ISO 4217 code.' })
  currency!: string;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => RecoveryDebitStatus, { description: 'Where it is in its life.' })
  status!: RecoveryDebitStatus;

  @Column({ type: 'smallint' })
  @Field(() => Int, { description: 'Which try this is, from 1.' })
  attempt!: number;

  @Column(datetimeColumn({ name: 'next_attempt_at', nullable: true }))
  @Field(() => Date, { nullable: true, description: 'Retrying: when it is tried again.' })
  nextAttemptAt!: Date | null;

  @Column({ name: 'external_account_id', type: 'varchar', length: 40, nullable: true })
  externalAccountId!: string | null;

  @Column({ type: 'varchar', length: 160, nullable: true })
  @Field(() => String, {
    nullable: true,
    description:
      'The bank account debited, as "Simulated Bank •••• 6789"; null when there was none.',
  })
  destination!: string | null;

  /** What the bank debit rail is told to debit (see BankDebitRail). */
  @Column({ name: 'rail_source', type: 'varchar', length: 40, nullable: true })
  railSource!: string | null;

  @Column({ name: 'rail_reference', type: 'varchar', length: 120, nullable: true })
  railReference!: string | null;

  @Column(datetimeColumn({ name: 'sent_at', nullable: true }))
  sentAt!: Date | null;

  @Column({ name: 'failure_code', type: 'varchar', length: 40, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'Why the last try failed: insufficient_funds, no_account, no_bank_account, …',
  })
  failureCode!: string | null;

  @Column({ name: 'failure_message', type: 'varchar', length: 300, nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the last try failed, in words.' })
  failureMessage!: string | null;

  /** The current try's pending ledger entry, once the ledger has it. */
  @Column({ name: 'pending_transaction_id', type: 'varchar', length: 40, nullable: true })
  pendingTransactionId!: string | null;

  /** Every ledger balance transaction the debit posted, in order. */
  @Column({ name: 'ledger_transaction_ids', type: 'simple-json' })
  ledgerTransactionIds!: string[];

  @Column({ ...bigintColumn({ name: 'covered_amount' }), nullable: true })
  @Field(() => SafeInt, {
    nullable: true,
    description:
      'Uncollectible: what the platform covered from its balance (what was still owed; 0 when nothing was).',
  })
  coveredAmount!: number | null;

  /** Account, mode and currency while the debit is under way; unique (one at a time). */
  @Column({ name: 'open_key', type: 'varchar', length: 100, nullable: true })
  openKey!: string | null;

  @Column(datetimeColumn({ name: 'updated_at' }))
  updatedAt!: Date;

  @Column(datetimeColumn({ name: 'settled_at', nullable: true }))
  @Field(() => Date, { nullable: true, description: 'Succeeded: when the bank paid it.' })
  settledAt!: Date | null;
}
