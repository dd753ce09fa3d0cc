import { IsNull, MoreThan, type DataSource } from 'typeorm';
import { maskDestination, type DeliveryJobs } from '@dash/contracts';
import { newId } from '@dash/ids';
import type { TypedQueue } from '@dash/queue';
import { Account } from '../entities/account.entity.js';
import { openForChanges } from '../account-settings/guards.js';
import { hashSecret } from '../domain/secrets.js';
import {
  Challenges,
  CODE_RULES,
  randomToken,
  refused,
  type ChallengeSettings,
  type CodeChannel,
  type StartedChallenge,
} from './challenges.js';
import { LoginLinkRow, SessionRow } from './login.entities.js';

const MINUTE = 60_000;
export const LOGIN_RULES = {
  ...CODE_RULES,
  linkTtlMs: 5 * MINUTE,
  sessionIdleMs: 30 * MINUTE,
  sessionAbsoluteMs: 12 * 60 * MINUTE,
  onboardingSessionMs: 60 * MINUTE,
} as const;

export type LoginChannel = CodeChannel;

export interface LoginSettings extends ChallengeSettings {
  dashboardUrl: string;
}

const linkUsed = () =>
  refused('LINK_USED', 'This login link has already been used. Ask for a new one.');

/**
 * Everything between a platform's login link and a signed-in browser: links, one-time codes and
 * sessions. Every secret (link token, code, session token) is stored only as a hash. A closed
 * account can no longer sign in.
 */
export class LoginService {
  private readonly challenges: Challenges;

  constructor(
    private readonly dataSource: DataSource,
    delivery: TypedQueue<DeliveryJobs>,
    private readonly settings: LoginSettings,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.challenges = new Challenges(dataSource, delivery, settings, now);
  }

  async createLoginLink(
    account: Account,
  ): Promise<{ url: string; createdAt: Date; expiresAt: Date }> {
    openForChanges(account);
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
    if (link.usedAt) throw linkUsed();
    if (link.expiresAt <= this.now())
      throw refused('LINK_EXPIRED', 'This login link has expired. Ask for a new one.');
    // The conditional update makes a race between two clicks produce exactly one login.
    const claimed = await links.update({ id: link.id, usedAt: IsNull() }, { usedAt: this.now() });
    if (!claimed.affected) throw linkUsed();
    const account = await this.openAccount(link.accountId);
    if (!account) throw refused('LINK_INVALID', 'This login link is not valid.');
    return this.sendCode(account, channel ?? (account.phone ? 'sms' : 'email'));
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
      .find({ where: { email: normalized, closedAt: IsNull() }, order: { createdAt: 'DESC' } });
    const live = matches.find((account) => account.livemode);
    if (!live && matches.length > 0) {
      throw refused(
        'TEST_MODE_ACCOUNT',
        'Test-mode accounts sign in with a login link from their platform.',
      );
    }
    if (live) return this.sendCode(live, 'email');
    return this.challenges.decoy(maskDestination('email', normalized));
  }

  /** Sends a new code for the same login, to the same or the other channel, within limits. */
  async resend(challengeId: string, channel?: LoginChannel): Promise<StartedChallenge> {
    const challenge = await this.challenges.open(challengeId, 'login');
    await this.challenges.retireForResend(challenge);
    const account = await this.openAccount(challenge.accountId);
    if (!account) return this.challenges.decoy(challenge.maskedDestination, challenge.sends + 1);
    return this.sendCode(account, channel ?? challenge.channel, challenge.sends + 1);
  }

  /** Checks a code; the right one ends the challenge and opens a session. */
  async verify(
    challengeId: string,
    code: string,
  ): Promise<{ session: SessionRow; token: string; account: Account }> {
    const challenge = await this.challenges.open(challengeId, 'login');
    // A decoy (self-serve sign-in for an unknown email) has no account: no code can open it.
    const account = await this.openAccount(challenge.accountId);
    await this.challenges.consume(challenge, code, account);
    const { session, token } = await this.openSession(account!.id);
    return { session, token, account: account! };
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
    const account = await this.openAccount(session.accountId);
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

  /** An account that may sign in: it exists and is not closed. */
  openAccount(accountId: string): Promise<Account | null> {
    if (!accountId) return Promise.resolve(null);
    return this.dataSource.getRepository(Account).findOneBy({ id: accountId, closedAt: IsNull() });
  }

  private async sendCode(
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
    const started = await this.challenges.issue(account, {
      purpose: 'login',
      channel,
      destination,
      sends,
    });
    return {
      ...started,
      alternativeChannels: (['sms', 'email'] as const).filter(
        (other) => other !== channel && (other === 'sms' ? account.phone : account.email),
      ),
    };
  }

  /**
   * A new browser session: the whole dashboard after a code, or only the onboarding flow after
   * an account link (which lasts an hour at most).
   */
  async openSession(
    accountId: string,
    onboarding?: { accountLinkId: string },
  ): Promise<{ session: SessionRow; token: string }> {
    const token = randomToken();
    const now = this.now();
    const lifetime = onboarding ? LOGIN_RULES.onboardingSessionMs : LOGIN_RULES.sessionAbsoluteMs;
    const session = this.dataSource.getRepository(SessionRow).create({
      id: newId('session'),
      accountId,
      tokenHash: hashSecret(token),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + lifetime),
      revokedAt: null,
      scope: onboarding ? 'onboarding' : 'dashboard',
      accountLinkId: onboarding?.accountLinkId ?? null,
    });
    await this.dataSource.getRepository(SessionRow).insert(session);
    return { session, token };
  }
}
