import { Column, Entity } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { bigintColumn } from '@dash/db';
import { AccountRecord, SafeInt } from '@dash/subgraph';

/** Money the platform sends the account from its own balance. */
@Entity('transfers')
@ObjectType({ description: 'Money the platform sent the account.' })
export class Transfer extends AccountRecord {
  @Column(bigintColumn())
  @Field(() => SafeInt)
  amount!: number;

  @Column({ type: 'char', length: 3 })
  @Field()
  currency!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  @Field(() => String, { nullable: true })
  description!: string | null;

  @Column({ type: 'simple-json' })
  metadata!: Record<string, string>;

  @Column({ name: 'balance_transaction_id', type: 'varchar', length: 40 })
  balanceTransactionId!: string;
}
