import { Column, Entity } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { bigintColumn, datetimeColumn } from '@dash/db';
import { AccountRecord, SafeInt } from '@dash/subgraph';

/** Money an account adds from its bank to its refunds-and-disputes reserve. */
@Entity('reserve_topups')
@ObjectType({ description: 'Money added to the refunds-and-disputes reserve.' })
export class ReserveTopup extends AccountRecord {
  @Field(() => ID, { description: 'The top-up’s id, `tu_…`.' })
  override id!: string;

  @Column(bigintColumn())
  @Field(() => SafeInt, { description: 'In the currency’s minor unit.' })
  amount!: number;

  @Column({ type: 'char', length: 3 })
  @Field({ description: 'Lowercase ISO 4217 code.' })
  currency!: string;

  @Column({ type: 'varchar', length: 16 })
  @Field({
    description:
      'pending while the debit of the bank is on its way (the money is pending too), then succeeded (in the reserve) or failed (nothing moved).',
  })
  status!: 'pending' | 'succeeded' | 'failed';

  /** The bank account debited, where one was named (test mode); else the account's own. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  source!: string | null;

  @Column({ name: 'rail_reference', type: 'varchar', length: 80, nullable: true })
  railReference!: string | null;

  @Column(datetimeColumn({ name: 'sent_at', nullable: true }))
  sentAt!: Date | null;

  @Column({ name: 'failure_code', type: 'varchar', length: 40, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'Why the debit of the bank failed, such as account_closed.',
  })
  failureCode!: string | null;

  @Column({ name: 'failure_message', type: 'varchar', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'Why it failed, in words.' })
  failureMessage!: string | null;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 255 })
  idempotencyKey!: string;

  @Column({ name: 'balance_transaction_id', type: 'varchar', length: 40, nullable: true })
  balanceTransactionId!: string | null;
}
