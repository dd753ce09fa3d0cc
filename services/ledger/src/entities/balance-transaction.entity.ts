import { Column, Entity, Index } from 'typeorm';
import { bigintColumn, datetimeColumn } from '@dash/db';
import { AccountRecord } from '@dash/subgraph';

/**
 * One movement of money on an account's balance (a charge, refund, payout, fee…). Its net
 * amount counts as pending until `availableOn`, then as available.
 */
@Entity('balance_transactions')
@Index('balance_transactions_account', ['accountId', 'currency', 'availableOn'])
export class BalanceTransaction extends AccountRecord {
  @Column({ type: 'varchar', length: 32 })
  type!: string;

  @Column(bigintColumn())
  amount!: number;

  @Column(bigintColumn())
  fee!: number;

  @Column(bigintColumn())
  net!: number;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ type: 'varchar', length: 255 })
  description!: string;

  @Column(datetimeColumn({ name: 'available_on' }))
  availableOn!: Date;
}
