import { In, IsNull, type DataSource } from 'typeorm';
import { preparedEntities } from '@dash/db';
import { maskDestination } from '@dash/contracts';
import { DashError } from '@dash/errors';
import { newId } from '@dash/ids';
import { Account } from '../account/account.entity.js';
import { Platform } from '../platform/platform.entity.js';
import { contactHoldUntil, recentContactChange } from '../account/contact-hold.rules.js';
import { openForChanges } from '../account/account.rules.js';
import { hashSecret } from '../api-key/secret-key.rules.js';
import {
  type Challenges,
  CODE_RULES,
  randomToken,
  refused,
  type ChallengeSettings,
  type CodeChannel,
  type StartedChallenge,
} from './challenge.service.js';
import { LoginChallengeRow, LoginLinkRow, SessionRow } from './login.entity.js';

const MINUTE = 60_000;
export const LOGIN_RULES = {
  ...CODE_RULES,
  linkTtlMs: 5 * MINUTE,
  sessionIdleMs: 30 * MINUTE,
  sessionAbsoluteMs: 12 * 60 * MINUTE,
  onboardingSessionMs: 60 * MINUTE,
  /** How long a proven email has to pick one of its accounts. */
  pickTtlMs: 5 * MINUTE,
} as const;

export type LoginChannel = CodeChannel;

/**
 * A self-serve sign-in as answered: `on_file` when the code went to the phone on file or, for
 * want of one, to the email — which of the two is not said before the code is proven.
 */
export type SelfServeChallenge = Omit<StartedChallenge, 'channel' | 'alternativeChannels'> & {
  channel: LoginChannel | 'on_file';
  alternativeChannels: LoginChannel[];
};

export interface LoginSettings extends ChallengeSettings {
  dashboardUrl: string;
}

/** One of the accounts a proven email may open. */
export interface AccountChoice {
  account: Account;
  platformName: string;
}

/** A right code: a session, or (for an email with several accounts) the accounts to pick from. */
export type Verified =
  | { kind: 'signed-in'; session: SessionRow; token: string; account: Account }
  | { kind: 'choose'; pickToken: string; expiresAt: Date; choices: AccountChoice[] };

const linkUsed = () =>
  refused('LINK_USED', 'This login link has already been used. Ask for a new one.');

/**
 * Everything between a platform's login link and a signed-in browser: links, one-time codes and
 * sessions. Every secret (link token, code, session token) is stored only as a hash. A closed
 * account can no longer sign in.
 */
export class LoginService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly challenges: Challenges,
    private readonly settings: Pick<LoginSettings, 'dashboardUrl'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

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
  async startFromLink(
    token: string,
    channel?: LoginChannel,
  ): Promise<StartedChallenge & { platformId: string }> {
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
    try {
      const started = await this.sendCode(account, channel ?? (account.phone ? 'sms' : 'email'));
      // The link's holder may see whose dashboard it opens: the page is branded from here on.
      return { ...started, platformId: account.platformId };
    } catch (error) {
      // No code went out (too many codes, no phone): the link stays good while it lasts, so a
      // refusal cannot be used to burn the platform's links one after another.
      await links.update({ id: link.id }, { usedAt: null });
      throw error;
    }
  }

  /**
   * Self-serve sign-in by email, for live-mode accounts. The code goes by text to the phone on
   * file, as the email's accounts were set up with, or to the email when they have no phone in
   * common (or the person has lost the phone: `channel: 'email'`). Nothing in the answer depends
   * on the email before its code is proven: it never says which of the two was used, and an
   * unknown email, or one with only test-mode accounts (which sign in with their platform's login
   * link), gets a decoy challenge no code opens, counted against the same limits.
   */
  async startFromEmail(
    email: string,
    sends = 1,
    channel?: LoginChannel,
  ): Promise<SelfServeChallenge> {
    const normalized = email.trim().toLowerCase();
    const live = await this.liveAccountsFor(normalized);
    const phone = channel === 'email' ? null : this.sharedPhone(live);
    const started = await this.challenges.issueForEmail(
      normalized,
      sends,
      live[0] ?? null,
      phone ?? undefined,
    );
    return {
      ...started,
      channel: channel === 'email' ? 'email' : 'on_file',
      maskedDestination: maskDestination('email', normalized),
      alternativeChannels: channel === 'email' ? [] : ['email'],
    };
  }

  /**
   * The phone a self-serve code is texted to: the one every live account of the email has, and
   * none of them got in the last 72 hours (a thief who changed it waits, as for the email).
   * Accounts with different phones, or one without, are proven by the email they share.
   */
  private sharedPhone(accounts: Account[]): string | null {
    const phones = new Set(accounts.map((account) => account.phone));
    const [phone] = phones;
    if (phones.size !== 1 || !phone) return null;
    const held = accounts.some((account) => contactHoldUntil(account, this.now(), 'phone'));
    return held ? null : phone;
  }

  /** Sends a new code for the same login, to the same or the other channel, within limits. */
  async resend(
    challengeId: string,
    channel?: LoginChannel,
  ): Promise<StartedChallenge | SelfServeChallenge> {
    const challenge = await this.challenges.open(challengeId, 'login');
    const retiredAt = await this.challenges.retireForResend(challenge);
    try {
      // A self-serve sign-in starts again for its email: by the phone on file, or by email when
      // asked ("I no longer have this phone"). Not from the row's channel: an email sent for want
      // of a phone must be answered like a text, or the answer would say the account has none.
      if (!challenge.accountId)
        return await this.startFromEmail(
          challenge.loginEmail ?? challenge.maskedDestination,
          challenge.sends + 1,
          channel,
        );
      const account = await this.openAccount(challenge.accountId);
      if (!account) throw refused('CHALLENGE_INVALID', 'This code request has ended.');
      return await this.sendCode(account, channel ?? challenge.channel, challenge.sends + 1);
    } catch (error) {
      // Redis did not answer, so no new code exists: the old one stays good, to ask again.
      if (error instanceof DashError && error.extensions.code === 'UNAVAILABLE')
        await this.challenges.reopenAfterFailedResend(challenge, retiredAt);
      throw error;
    }
  }

  /**
   * Checks a code. The right one for a login link opens that account's session; for an email,
   * it opens the email's one account, or offers its accounts to pick from (chooseAccount).
   */
  async verify(challengeId: string, code: string): Promise<Verified> {
    const challenge = await this.challenges.open(challengeId, 'login');
    if (!challenge.accountId) return this.verifyEmail(challenge, code);
    const account = await this.openAccount(challenge.accountId);
    await this.challenges.consume(challenge, code, account);
    return { kind: 'signed-in', ...(await this.openSession(account!.id)), account: account! };
  }

  /**
   * Opens one of the accounts offered to a proven email. The token is single-use and lasts
   * minutes; an account the email was not offered is refused without using the token up.
   */
  async chooseAccount(
    pickToken: string,
    accountId: string,
  ): Promise<{ session: SessionRow; token: string; account: Account }> {
    const challenges = this.dataSource.getRepository(LoginChallengeRow);
    const tokenHash = hashSecret(pickToken);
    const proven = await challenges.findOneBy({ pickTokenHash: tokenHash });
    const pickEnded = () => refused('PICK_INVALID', 'This sign-in has ended. Ask for a new code.');
    if (!proven?.loginEmail || !proven.pickExpiresAt || proven.pickExpiresAt <= this.now())
      throw pickEnded();
    const account = (await this.signInAccountsFor(proven.loginEmail, proven.sentToHash)).find(
      (candidate) => candidate.id === accountId,
    );
    if (!account)
      throw refused(
        'ACCOUNT_NOT_OFFERED',
        'That account cannot be opened with this sign-in.',
        'BAD_USER_INPUT',
        { field: 'account' },
      );
    const claimed = await challenges.update(
      { id: proven.id, pickTokenHash: tokenHash },
      { pickTokenHash: null },
    );
    if (claimed.affected !== 1) throw pickEnded();
    return { ...(await this.openSession(account.id)), account };
  }

  private async verifyEmail(challenge: LoginChallengeRow, code: string): Promise<Verified> {
    const email = challenge.loginEmail ?? '';
    const live = await this.liveAccountsFor(email);
    // Only a live email's real code matches; a decoy's hash is of a token nobody has.
    await this.challenges.consume(challenge, code, live.length > 0 ? { livemode: true } : null);
    const accounts = await this.signInAccountsFor(email, challenge.sentToHash);
    if (accounts.length === 0) {
      const until = live
        .map((account) => contactHoldUntil(account, this.now(), 'email'))
        .find((end) => end !== null);
      if (until) throw recentContactChange(until, 'signing in with this email');
      throw refused('CHALLENGE_INVALID', 'This code request has ended. Ask for a new code.');
    }
    if (accounts.length === 1) {
      const only = accounts[0]!;
      return { kind: 'signed-in', ...(await this.openSession(only.id)), account: only };
    }
    const pickToken = randomToken();
    const expiresAt = new Date(this.now().getTime() + LOGIN_RULES.pickTtlMs);
    await this.dataSource
      .getRepository(LoginChallengeRow)
      .update(
        { id: challenge.id },
        { pickTokenHash: hashSecret(pickToken), pickExpiresAt: expiresAt },
      );
    const platforms = await this.dataSource
      .getRepository(Platform)
      .findBy({ id: In([...new Set(accounts.map((account) => account.platformId))]) });
    const platformName = (id: string) =>
      platforms.find((platform) => platform.id === id)?.name ?? '';
    return {
      kind: 'choose',
      pickToken,
      expiresAt,
      choices: accounts.map((account) => ({
        account,
        platformName: platformName(account.platformId),
      })),
    };
  }

  /** The open live accounts with this email, newest first. */
  private liveAccountsFor(email: string): Promise<Account[]> {
    return this.dataSource.getRepository(Account).find({
      where: { email, livemode: true, closedAt: IsNull() },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  /**
   * Those the email may open now: not while it became their email in the last 72 hours. A code
   * that was texted opens only the accounts that still have the phone it went to.
   */
  private async signInAccountsFor(email: string, sentToHash: string | null): Promise<Account[]> {
    const live = await this.liveAccountsFor(email);
    return live.filter(
      (account) =>
        !contactHoldUntil(account, this.now(), 'email') &&
        (sentToHash === null ||
          (account.phone !== null &&
            hashSecret(account.phone) === sentToHash &&
            !contactHoldUntil(account, this.now(), 'phone'))),
    );
  }

  /** The session a browser's cookie token stands for, if still valid; slides its idle expiry. */
  async authenticateSession(
    token: string,
  ): Promise<{ session: SessionRow; account: Account } | undefined> {
    const now = this.now();
    // Asked by the gateway for every credential it has not seen in a minute: a prepared read,
    // without TypeORM building the query each time.
    const [session] = await preparedEntities(
      this.dataSource,
      SessionRow,
      'WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?',
      [hashSecret(token), now],
    );
    if (!session || session.lastSeenAt.getTime() + LOGIN_RULES.sessionIdleMs <= now.getTime())
      return undefined;
    // Writing on every request would cost more than it tells; a minute of precision is enough.
    if (now.getTime() - session.lastSeenAt.getTime() > MINUTE)
      await this.dataSource
        .getRepository(SessionRow)
        .update({ id: session.id }, { lastSeenAt: now });
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

  /** An account that may sign in: it exists and is not closed (a prepared read: every check). */
  async openAccount(accountId: string): Promise<Account | null> {
    if (!accountId) return null;
    const [account] = await preparedEntities(
      this.dataSource,
      Account,
      'WHERE id = ? AND closed_at IS NULL',
      [accountId],
    );
    return account ?? null;
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
