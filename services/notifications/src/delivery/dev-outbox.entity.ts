import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { datetimeColumn } from '@dash/db';

/** A message the development provider "sent": what a person would have received. */
@Entity('dev_outbox')
export class DevOutboxMessage {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'delivery_id', type: 'varchar', length: 40 })
  deliveryId!: string;

  @Column({ type: 'varchar', length: 8 })
  channel!: string;

  @Column({ type: 'varchar', length: 254 })
  destination!: string;

  @Column({ type: 'varchar', length: 200 })
  subject!: string;

  @Column({ type: 'text' })
  text!: string;

  /** An email's HTML part (null for SMS and plain-text emails). */
  @Column({ type: 'mediumtext', nullable: true })
  html!: string | null;

  @Column(datetimeColumn({ name: 'created_at' }))
  createdAt!: Date;
}
