import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { datetimeColumn } from '@dash/db';

/**
 * An account session: what a platform's server asks for so its web app can show embedded
 * components to one account. The browser holds the client secret; the table holds its hash.
 */
@Entity('account_sessions')
@Index('account_sessions_secret', ['secretHash'], { unique: true })
@Index('account_sessions_expiry', ['expiresAt'])
export class AccountSessionRow {
  @PrimaryColumn({ type: 'varchar', length: 40 }) id!: string;
  @Column({ name: 'platform_id', type: 'varchar', length: 40 }) platformId!: string;
  @Column({ name: 'account_id', type: 'varchar', length: 40 }) accountId!: string;
  @Column({ type: 'boolean' }) livemode!: boolean;
  /** The components it opens, comma-separated (`balances,payouts`). */
  @Column({ type: 'varchar', length: 255 }) components!: string;
  @Column({ name: 'secret_hash', type: 'char', length: 64 }) secretHash!: string;
  /** The key that asked for it, to trace a session back to an integration. */
  @Column({ name: 'created_by_key_id', type: 'varchar', length: 40 }) createdByKeyId!: string;
  @Column(datetimeColumn({ name: 'created_at' })) createdAt!: Date;
  @Column(datetimeColumn({ name: 'expires_at' })) expiresAt!: Date;
}

/**
 * A web origin (`https://app.example.com`) from which a platform's embedded components may call
 * the API, per mode: a leaked test key cannot open the live dashboard to a site of its choosing.
 */
@Entity('embed_origins')
export class EmbedOriginRow {
  @PrimaryColumn({ name: 'platform_id', type: 'varchar', length: 40 }) platformId!: string;
  @PrimaryColumn({ type: 'boolean' }) livemode!: boolean;
  @PrimaryColumn({ type: 'varchar', length: 255 }) origin!: string;
  @Column(datetimeColumn({ name: 'created_at' })) createdAt!: Date;
}
