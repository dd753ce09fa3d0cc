import { randomBytes } from 'node:crypto';
import { IsNull, MoreThan, type DataSource } from 'typeorm';
import { requestDelivery, type DeliveryJobs } from '@dash/contracts';
import { DashError } from '@dash/errors';
import { newId } from '@dash/ids';
import type { TypedQueue } from '@dash/queue';
import { Account } from '../entities/account.entity.js';
import { hashSecret } from '../domain/secrets.js';
import { codeMatches, hashCode, maskDestination, newCode } from './codes.js';
import { LoginChallengeRow, LoginLinkRow, SessionRow } from './login.entities.js';

const MINUTE = 60_000;
export const LOGIN_RULES = {
  linkTtlMs: 5 * MINUTE,
  codeTtlMs: 10 * MINUTE,
  maxWrongAttempts: 5,
  resendCooldownMs: 30_000,
  maxSendsPerChallenge: 5,
  maxCodesPerAccountPerHour: 10,
  maxCodesPerAddressPerHour: 30,
  sessionIdleMs: 30 * MINUTE,
  sessionAbsoluteMs: 12 * 60 * MINUTE,
  /** Stripe's test-mode code; accepted only for test-mode accounts. */
  testModeCode: '000000',
} as const;

export type LoginChannel = 'sms' | 'email';

export interface LoginSettings {
  dashboardUrl: string;
  /** Keys the code hashes (the internal secret). */
  secret: string;
  /** The requesting client's address (from the gateway), for the per-address cap. */
  clientIp?: string;
}

/** A refusal the login screens explain: `reason` picks the words, in the reader's language. */
const refused = (
  reason: string,
  message: string,
  code: 'UNAUTHENTICATED' | 'RATE_LIMITED' | 'BAD_USER_INPUT' = 'UNAUTHENTICATED',
  extra = {},
) => new DashError(code, message, { reason, ...extra });

const randomToken = () => randomBytes(24).toString('base64url');

export interface StartedChallenge {
  id: string;
  channel: LoginChannel;
  maskedDestination: string;
  expiresAt: Date;
  resendAvailableAt: Date;
  alternativeChannels: LoginChannel[];
}

/**
 * Everything between a platform's login link and a signed-in browser: links, one-time codes and
 * sessions. Every secret (link token, code, session token) is stored only as a hash.
 */
export class LoginService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly delivery: TypedQueue<DeliveryJobs>,
    private readonly settings: LoginSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async createLoginLink(
    account: Account,
  ): Promise<{ url: string; createdAt: Date; expiresAt: Date }> {
    const token = randomToken();
    const createdAt = this.now();
    const expiresAt = new Date(createdAt.getTime() + LOGIN_RULES.linkTtlMs);
    await this.dataSource.getRepository(LoginLinkRow).insert({
      id: newId('loginLink'),
      accountId: account.id,
      tokenHash: hashSecret(token),
      createdAt,
      expiresAt,
      usedAt: null,
    });
    return {
      url: new URL(`/login/${token}`, this.settings.dashboardUrl).toString(),
      createdAt,
      expiresAt,
    };
  }

  /** Redeems a link (once) and sends a code to the account's phone, or email if it has none. */
  async startFromLink(token: string, channel?: LoginChannel): Promise<StartedChallenge> {
    const links = this.dataSource.getRepository(LoginLinkRow);
    const link = await links.findOneBy({ tokenHash: hashSecret(token) });
    if (!link) throw refused('LINK_INVALID', 'This login link is not valid.');
    if (link.usedAt)
      throw refused('LINK_USED', 'This login link has already been used. Ask for a new one.');
    if (link.expiresAt <= this.now())
      throw refused('LINK_EXPIRED', 'This login link has expired. Ask for a new one.');
    // The conditional update makes a race between two clicks produce exactly one login.
    const claimed = await links.update({ id: link.id, usedAt: IsNull() }, { usedAt: this.now() });
    if (!claimed.affected)
      throw refused('LINK_USED', 'This login link has already been used. Ask for a new one.');
    const account = await this.dataSource
      .getRepository(Account)
      .findOneByOrFail({ id: link.accountId });
    return this.issueChallenge(account, channel ?? (account.phone ? 'sms' : 'email'));
  }

  /**
   * Self-serve sign-in by email, for live-mode accounts. The answer looks the same whether or not
   * the email belongs to an account: unknown emails get a decoy challenge that no code opens.
   * Test-mode accounts are told to use a login link, as in Stripe.
   */
  async startFromEmail(email: string): Promise<StartedChallenge> {
    const normalized = email.trim().toLowerCase();
    const matches = await this.dataSource
      .getRepository(Account)
      .find({ where: { email: normalized }, order: { createdAt: 'DESC' } });
    const live = matches.find((account) => account.livemode);
    if (!live && matches.length > 0) {
      throw refused(
        'TEST_MODE_ACCOUNT',
        'Test-mode accounts sign in with a login link from their platform.',
      );
    }
    if (live) return this.issueChallenge(live, 'email');
    return this.decoyChallenge(maskDestination('email', normalized));
  }

  /** Sends a new code for the same login, to the same or the other channel, within limits. */
  async resend(challengeId: string, channel?: LoginChannel): Promise<StartedChallenge> {
    const challenges = this.dataSource.getRepository(LoginChallengeRow);
    const challenge = await this.openChallenge(challengeId);
    const now = this.now();
    const availableAt = new Date(challenge.lastSentAt.getTime() + LOGIN_RULES.resendCooldownMs);
    if (availableAt > now) {
      throw refused(
        'RESEND_TOO_SOON',
        'Wait a moment before asking for another code.',
        'RATE_LIMITED',
        { retryAt: availableAt.toISOString() },
      );
    }
    if (challenge.sends >= LOGIN_RULES.maxSendsPerChallenge) {
      throw refused(
        'TOO_MANY_CODES',
        'Too many codes were sent for this login. Ask for a new link.',
        'RATE_LIMITED',
      );
    }
    const account = await this.dataSource
      .getRepository(Account)
      .findOneBy({ id: challenge.accountId });
    await challenges.update({ id: challenge.id }, { consumedAt: now });
    if (!account) return this.decoyChallenge(challenge.maskedDestination, challenge.sends + 1);
    return this.issueChallenge(account, channel ?? challenge.channel, challenge.sends + 1);
  }

  /** Checks a code; the right one ends the challenge and opens a session. */
  async verify(
    challengeId: string,
    code: string,
  ): Promise<{ session: SessionRow; token: string; account: Account }> {
    const challenges = this.dataSource.getRepository(LoginChallengeRow);
    const challenge = await this.openChallenge(challengeId);
    // A decoy (self-serve sign-in for an unknown email) has no account: no code can open it.
    const account = await this.dataSource
      .getRepository(Account)
      .findOneBy({ id: challenge.accountId });
    const testModeShortcut =
      account !== null && !account.livemode && code === LOGIN_RULES.testModeCode;
    if (
      !account ||
      (!testModeShortcut &&
        !codeMatches(this.settings.secret, challenge.id, code, challenge.codeHash))
    ) {
      const wrong = challenge.wrongAttempts + 1;
      await challenges.update({ id: challenge.id }, { wrongAttempts: wrong });
      const left = LOGIN_RULES.maxWrongAttempts - wrong;
      if (left <= 0)
        throw refused('CHALLENGE_LOCKED', 'Too many wrong codes. Ask for a new login link.');
      throw refused(
        'CODE_WRONG',
        `That code is not right. ${left} ${left === 1 ? 'try' : 'tries'} left.`,
        'BAD_USER_INPUT',
        { attemptsLeft: left },
      );
    }
    const consumed = await challenges.update(
      { id: challenge.id, consumedAt: IsNull() },
      { consumedAt: this.now() },
    );
    if (!consumed.affected) throw refused('CODE_USED', 'This code has already been used.');
    const { session, token } = await this.openSession(account.id);
    return { session, token, account };
  }

  /** The session a browser's cookie token stands for, if still valid; slides its idle expiry. */
  async authenticateSession(
    token: string,
  ): Promise<{ session: SessionRow; account: Account } | undefined> {
    const sessions = this.dataSource.getRepository(SessionRow);
    const now = this.now();
    const session = await sessions.findOneBy({
      tokenHash: hashSecret(token),
      revokedAt: IsNull(),
      expiresAt: MoreThan(now),
    });
    if (!session || session.lastSeenAt.getTime() + LOGIN_RULES.sessionIdleMs <= now.getTime())
      return undefined;
    // Writing on every request would cost more than it tells; a minute of precision is enough.
    if (now.getTime() - session.lastSeenAt.getTime() > MINUTE)
      await sessions.update({ id: session.id }, { lastSeenAt: now });
    const account = await this.dataSource
      .getRepository(Account)
      .findOneBy({ id: session.accountId });
    return account ? { session, account } : undefined;
  }

  async signOut(sessionId: string): Promise<void> {
    await this.dataSource
      .getRepository(SessionRow)
      .update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: this.now() });
  }

  async signOutEverywhere(accountId: string): Promise<number> {
    const result = await this.dataSource
      .getRepository(SessionRow)
      .update({ accountId, revokedAt: IsNull() }, { revokedAt: this.now() });
    return result.affected ?? 0;
  }

  private async openChallenge(challengeId: string): Promise<LoginChallengeRow> {
    const challenge = await this.dataSource
      .getRepository(LoginChallengeRow)
      .findOneBy({ id: challengeId });
    if (!challenge || challenge.consumedAt)
      throw refused('CHALLENGE_INVALID', 'This sign-in has ended. Ask for a new login link.');
    if (challenge.wrongAttempts >= LOGIN_RULES.maxWrongAttempts)
      throw refused('CHALLENGE_LOCKED', 'Too many wrong codes. Ask for a new login link.');
    if (challenge.expiresAt <= this.now())
      throw refused('CODE_EXPIRED', 'This code has expired. Ask for a new one.');
    return challenge;
  }

  private async issueChallenge(
    account: Account,
    channel: LoginChannel,
    sends = 1,
  ): Promise<StartedChallenge> {
    const destination = channel === 'sms' ? account.phone : account.email;
    if (!destination)
      throw refused(
        'CHANNEL_UNAVAILABLE',
        'This account has no phone number; use email.',
        'BAD_USER_INPUT',
        { field: 'channel' },
      );
    const now = this.now();
    const hourAgo = new Date(now.getTime() - 60 * MINUTE);
    await this.checkAddressAllowance(hourAgo);
    const recent = await this.dataSource
      .getRepository(LoginChallengeRow)
      .countBy({ accountId: account.id, createdAt: MoreThan(hourAgo) });
    if (recent >= LOGIN_RULES.maxCodesPerAccountPerHour) {
      throw refused(
        'TOO_MANY_CODES',
        'Too many sign-in codes were sent to this account. Try again later.',
        'RATE_LIMITED',
      );
    }
    const id = newId('loginChallenge');
    const code = newCode();
    const expiresAt = new Date(now.getTime() + LOGIN_RULES.codeTtlMs);
    await this.dataSource.getRepository(LoginChallengeRow).insert({
      id,
      accountId: account.id,
      channel,
      maskedDestination: maskDestination(channel, destination),
      clientIp: this.settings.clientIp ?? null,
      codeHash: hashCode(this.settings.secret, id, code),
      wrongAttempts: 0,
      sends,
      lastSentAt: now,
      createdAt: now,
      expiresAt,
      consumedAt: null,
    });
    // The challenge id is the delivery id: however often this job is retried, one message goes out.
    await requestDelivery(this.delivery, {
      deliveryId: `dlv_${id}`,
      accountId: account.id,
      channel,
      to: destination,
      template: 'login-code',
      params: { code, minutes: String(LOGIN_RULES.codeTtlMs / MINUTE) },
    });
    return {
      id,
      channel,
      maskedDestination: maskDestination(channel, destination),
      expiresAt,
      resendAvailableAt: new Date(now.getTime() + LOGIN_RULES.resendCooldownMs),
      alternativeChannels: (['sms', 'email'] as const).filter(
        (other) => other !== channel && (other === 'sms' ? account.phone : account.email),
      ),
    };
  }

  /** One address asking for codes for many accounts (or many emails) is stopped too. */
  private async checkAddressAllowance(since: Date): Promise<void> {
    if (!this.settings.clientIp) return;
    const fromAddress = await this.dataSource
      .getRepository(LoginChallengeRow)
      .countBy({ clientIp: this.settings.clientIp, createdAt: MoreThan(since) });
    if (fromAddress >= LOGIN_RULES.maxCodesPerAddressPerHour) {
      throw refused(
        'TOO_MANY_CODES',
        'Too many sign-in codes were asked for. Try again later.',
        'RATE_LIMITED',
      );
    }
  }

  private async decoyChallenge(maskedDestination: string, sends = 1): Promise<StartedChallenge> {
    const now = this.now();
    await this.checkAddressAllowance(new Date(now.getTime() - 60 * MINUTE));
    const id = newId('loginChallenge');
    // A real row, so verifying behaves exactly as for a real one (wrong code, then locked).
    await this.dataSource.getRepository(LoginChallengeRow).insert({
      id,
      accountId: '',
      channel: 'email',
      maskedDestination,
      clientIp: this.settings.clientIp ?? null,
      codeHash: hashCode(this.settings.secret, id, randomToken()),
      wrongAttempts: 0,
      sends,
      lastSentAt: now,
      createdAt: now,
      expiresAt: new Date(now.getTime() + LOGIN_RULES.codeTtlMs),
      consumedAt: null,
    });
    return {
      id,
      channel: 'email',
      maskedDestination,
      expiresAt: new Date(now.getTime() + LOGIN_RULES.codeTtlMs),
      resendAvailableAt: new Date(now.getTime() + LOGIN_RULES.resendCooldownMs),
      alternativeChannels: [],
    };
  }

  private async openSession(accountId: string): Promise<{ session: SessionRow; token: string }> {
    const token = randomToken();
    const now = this.now();
    const session = this.dataSource.getRepository(SessionRow).create({
      id: newId('session'),
      accountId,
      tokenHash: hashSecret(token),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + LOGIN_RULES.sessionAbsoluteMs),
      revokedAt: null,
    });
    await this.dataSource.getRepository(SessionRow).insert(session);
    return { session, token };
  }
}
