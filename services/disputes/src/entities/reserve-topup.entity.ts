import { Column, Entity } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { bigintColumn } from '@dash/db';
import { AccountRecord, SafeInt } from '@dash/subgraph';

/** Money an account adds from its bank to its refunds-and-disputes reserve. */
@Entity('reserve_topups')
@ObjectType({ description: 'Money added to the refunds-and-disputes reserve.' })
export class ReserveTopup extends AccountRecord {
  @Column(bigintColumn())
  @Field(() => SafeInt)
  amount!: number;

  @Column({ type: 'char', length: 3 })
  @Field()
  currency!: string;

  @Column({ type: 'varchar', length: 16 })
  @Field({ description: 'pending until the ledger has it, then succeeded.' })
  status!: 'pending' | 'succeeded';

  @Column({ name: 'idempotency_key', type: 'varchar', length: 255 })
  idempotencyKey!: string;

  @Column({ name: 'balance_transaction_id', type: 'varchar', length: 40, nullable: true })
  balanceTransactionId!: string | null;
}
