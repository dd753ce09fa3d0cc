import { Column, Entity, PrimaryColumn } from 'typeorm';
import { datetimeColumn } from '@dash/db';

/**
 * A single-use, five-minute link into hosted onboarding that a platform makes for one account.
 * Unlike a login link it opens only the onboarding flow, without a code: the platform vouches
 * for whoever it hands the link to. Only the secret's hash is kept.
 */
@Entity('account_links')
export class AccountLinkRow {
  @PrimaryColumn({ type: 'varchar', length: 40 }) id!: string;
  @Column({ name: 'account_id', type: 'varchar', length: 40 }) accountId!: string;
  @Column({ type: 'varchar', length: 24 }) type!: 'account_onboarding' | 'account_update';
  @Column({ name: 'token_hash', type: 'char', length: 64 }) tokenHash!: string;
  @Column({ name: 'refresh_url', type: 'varchar', length: 2000 }) refreshUrl!: string;
  @Column({ name: 'return_url', type: 'varchar', length: 2000 }) returnUrl!: string;
  @Column(datetimeColumn({ name: 'created_at' })) createdAt!: Date;
  @Column(datetimeColumn({ name: 'expires_at' })) expiresAt!: Date;
  @Column(datetimeColumn({ name: 'used_at', nullable: true })) usedAt!: Date | null;
}
