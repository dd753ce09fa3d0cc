import { Column, Entity, PrimaryColumn } from 'typeorm';
import { datetimeColumn } from '@dash/db';

export type DeliveryChannel = 'email' | 'sms';
export type DeliveryStatus = 'queued' | 'sent' | 'failed';

/** A message to a person and what became of it: the record behind every email and SMS. */
@Entity('deliveries')
export class Delivery {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  /** The account it is for; null for a notice to a platform's own team. */
  @Column({ name: 'account_id', type: 'varchar', length: 40, nullable: true })
  accountId!: string | null;

  /** The platform the job named: whom a notice is for (messages to accounts may leave it out). */
  @Column({ name: 'platform_id', type: 'varchar', length: 40, nullable: true })
  platformId!: string | null;

  @Column({ type: 'varchar', length: 8 })
  channel!: DeliveryChannel;

  @Column({ type: 'varchar', length: 254 })
  destination!: string;

  @Column({ type: 'varchar', length: 64 })
  template!: string;

  @Column({ type: 'varchar', length: 8 })
  status!: DeliveryStatus;

  @Column({ type: 'int' })
  attempts!: number;

  @Column(datetimeColumn({ name: 'sent_at', nullable: true }))
  sentAt!: Date | null;

  /** What the carrier said the last time it failed (never the message). */
  @Column({ name: 'last_error', type: 'varchar', length: 300, nullable: true })
  lastError!: string | null;

  @Column(datetimeColumn({ name: 'created_at' }))
  createdAt!: Date;
}
