import { Column, Entity, PrimaryColumn } from 'typeorm';
import { datetimeColumn } from '@dash/db';
import type { PayoutInterval, Weekday } from './schedule.rules.js';

/** An account's payout schedule; accounts without a row have the default one. */
@Entity('payout_schedules')
export class PayoutScheduleRow {
  @PrimaryColumn({ name: 'account_id', type: 'varchar', length: 40 }) accountId!: string;
  @Column({ name: 'platform_id', type: 'varchar', length: 40 }) platformId!: string;
  @Column({ type: 'boolean' }) livemode!: boolean;
  @Column({ name: 'payout_interval', type: 'varchar', length: 16 }) interval!: PayoutInterval;
  @Column({ name: 'delay_days', type: 'smallint' }) delayDays!: number;
  @Column({ name: 'weekly_anchor', type: 'varchar', length: 10, nullable: true })
  weeklyAnchor!: Weekday | null;
  @Column({ name: 'monthly_anchor', type: 'smallint', nullable: true })
  monthlyAnchor!: number | null;
  @Column({ name: 'time_zone', type: 'varchar', length: 64 }) timeZone!: string;
  @Column(datetimeColumn({ name: 'updated_at' })) updatedAt!: Date;
}
