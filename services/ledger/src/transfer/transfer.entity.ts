import { Column, Entity } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { bigintColumn } from '@dash/db';
import { AccountRecord, SafeInt } from '@dash/subgraph';

/** Money the platform sends the account from its own balance. */
@Entity('transfers')
@ObjectType({ description: 'Money the platform sent the account.' })
export class Transfer extends AccountRecord {
  @Field(() => ID, { description: 'The transfer’s id, `tr_…`.' })
  override id!: string;

  @Column(bigintColumn())
  @Field(() => SafeInt, { description: 'In the currency’s minor unit.' })
  amount!: number;

  @Column({ type: 'char', length: 3 })
  @Field({ description: 'Lowercase ISO 4217 code.' })
  currency!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: 'What it is for, as the platform said.' })
  description!: string | null;

  @Column({ type: 'simple-json' })
  metadata!: Record<string, string>;

  @Column({ name: 'balance_transaction_id', type: 'varchar', length: 40 })
  balanceTransactionId!: string;
}
