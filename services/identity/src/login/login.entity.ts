import { Column, Entity, PrimaryColumn } from 'typeorm';
import { datetimeColumn } from '@dash/db';

/** A single-use, short-lived link a platform makes for one account. Only its hash is kept. */
@Entity('login_links')
export class LoginLinkRow {
  @PrimaryColumn({ type: 'varchar', length: 40 }) id!: string;
  @Column({ name: 'account_id', type: 'varchar', length: 40 }) accountId!: string;
  @Column({ name: 'token_hash', type: 'char', length: 64 }) tokenHash!: string;
  @Column(datetimeColumn({ name: 'created_at' })) createdAt!: Date;
  @Column(datetimeColumn({ name: 'expires_at' })) expiresAt!: Date;
  @Column(datetimeColumn({ name: 'used_at', nullable: true })) usedAt!: Date | null;
}

/**
 * What a one-time code is for: signing in, confirming a new email or phone (and, sent to the
 * current one, approving that change), confirming new payout details, changing submitted
 * identity details, or closing the account.
 */
export type ChallengePurpose =
  | 'login'
  | 'contact_change'
  | 'contact_change_current'
  | 'payout_details'
  | 'account_details'
  | 'tax_info'
  | 'account_close';

/** A one-time code sent to the account, waiting to be typed. Only its keyed hash is kept. */
@Entity('login_challenges')
export class LoginChallengeRow {
  @PrimaryColumn({ type: 'varchar', length: 40 }) id!: string;
  @Column({ name: 'account_id', type: 'varchar', length: 40 }) accountId!: string;
  @Column({ type: 'varchar', length: 24 }) purpose!: ChallengePurpose;
  /** For a contact change: the new email or phone, applied once its code is typed. */
  @Column({ name: 'new_destination', type: 'varchar', length: 254, nullable: true })
  newDestination!: string | null;
  @Column({ type: 'varchar', length: 8 }) channel!: 'sms' | 'email';
  @Column({ name: 'masked_destination', type: 'varchar', length: 254 }) maskedDestination!: string;
  @Column({ name: 'client_ip', type: 'varchar', length: 45, nullable: true }) clientIp!:
    string | null;
  @Column({ name: 'code_hash', type: 'char', length: 64 }) codeHash!: string;
  @Column({ name: 'wrong_attempts', type: 'int' }) wrongAttempts!: number;
  @Column({ type: 'int' }) sends!: number;
  @Column(datetimeColumn({ name: 'last_sent_at' })) lastSentAt!: Date;
  @Column(datetimeColumn({ name: 'created_at' })) createdAt!: Date;
  @Column(datetimeColumn({ name: 'expires_at' })) expiresAt!: Date;
  @Column(datetimeColumn({ name: 'consumed_at', nullable: true })) consumedAt!: Date | null;
  /** For a contact change: the challenge whose code went to the current contact. */
  @Column({ name: 'current_contact_challenge_id', type: 'varchar', length: 40, nullable: true })
  currentContactChallengeId!: string | null;
  /** For self-serve sign-in: the email the code proves (it may have several accounts). */
  @Column({ name: 'login_email', type: 'varchar', length: 254, nullable: true })
  loginEmail!: string | null;
  /** Once the email is proven: the hash of the token that picks one of its accounts. */
  @Column({ name: 'pick_token_hash', type: 'char', length: 64, nullable: true })
  pickTokenHash!: string | null;
  @Column(datetimeColumn({ name: 'pick_expires_at', nullable: true })) pickExpiresAt!: Date | null;
  /** For self-serve sign-in by text: the hash of the phone the code went to. */
  @Column({ name: 'sent_to_hash', type: 'char', length: 64, nullable: true })
  sentToHash!: string | null;
}

/** What a session opens: the whole dashboard, or only the onboarding flow of an account link. */
export type SessionScope = 'dashboard' | 'onboarding';

/** A signed-in browser. The cookie holds the token; the table holds its hash. */
@Entity('sessions')
export class SessionRow {
  @PrimaryColumn({ type: 'varchar', length: 40 }) id!: string;
  @Column({ name: 'account_id', type: 'varchar', length: 40 }) accountId!: string;
  @Column({ name: 'token_hash', type: 'char', length: 64 }) tokenHash!: string;
  @Column(datetimeColumn({ name: 'created_at' })) createdAt!: Date;
  @Column(datetimeColumn({ name: 'last_seen_at' })) lastSeenAt!: Date;
  @Column(datetimeColumn({ name: 'expires_at' })) expiresAt!: Date;
  @Column(datetimeColumn({ name: 'revoked_at', nullable: true })) revokedAt!: Date | null;
  @Column({ type: 'varchar', length: 16, default: 'dashboard' }) scope!: SessionScope;
  /** For an onboarding session: the account link it was opened from (its return URL). */
  @Column({ name: 'account_link_id', type: 'varchar', length: 40, nullable: true })
  accountLinkId!: string | null;
}
