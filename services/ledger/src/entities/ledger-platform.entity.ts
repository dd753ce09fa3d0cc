import { Column, Entity, PrimaryColumn } from 'typeorm';
import { datetimeColumn } from '@dash/db';

/** What the ledger knows of a platform, from identity's `platform.updated` events. */
@Entity('platforms')
export class LedgerPlatform {
  @PrimaryColumn({ type: 'varchar', length: 40 }) id!: string;
  @Column({ type: 'varchar', length: 120 }) name!: string;
  @Column({ type: 'simple-json' }) features!: Record<string, boolean>;
  @Column(datetimeColumn({ name: 'updated_at' })) updatedAt!: Date;
}
