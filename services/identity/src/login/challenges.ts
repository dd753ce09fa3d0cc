import { randomBytes } from 'node:crypto';
import { IsNull, MoreThan, type DataSource } from 'typeorm';
import { maskDestination, requestDelivery, type DeliveryJobs } from '@dash/contracts';
import { DashError } from '@dash/errors';
import { newId } from '@dash/ids';
import type { TypedQueue } from '@dash/queue';
import type { Account } from '../entities/account.entity.js';
import { codeMatches, hashCode, newCode } from './codes.js';
import { LoginChallengeRow, type ChallengePurpose } from './login.entities.js';

const MINUTE = 60_000;
export const CODE_RULES = {
  codeTtlMs: 10 * MINUTE,
  maxWrongAttempts: 5,
  resendCooldownMs: 30_000,
  maxSendsPerChallenge: 5,
  maxCodesPerAccountPerHour: 10,
  maxCodesPerAddressPerHour: 30,
  /** Stripe's test-mode code; accepted only for test-mode accounts. */
  testModeCode: '000000',
} as const;

export type CodeChannel = 'sms' | 'email';

export interface ChallengeSettings {
  /** Keys the code hashes (the internal secret). */
  secret: string;
  /** The requesting client's address (from the gateway), for the per-address cap. */
  clientIp?: string;
}

/** A refusal the screens explain: `reason` picks the words, in the reader's language. */
export const refused = (
  reason: string,
  message: string,
  code: 'UNAUTHENTICATED' | 'RATE_LIMITED' | 'BAD_USER_INPUT' = 'UNAUTHENTICATED',
  extra = {},
) => new DashError(code, message, { reason, ...extra });

export const randomToken = () => randomBytes(24).toString('base64url');

export interface StartedChallenge {
  id: string;
  channel: CodeChannel;
  maskedDestination: string;
  expiresAt: Date;
  resendAvailableAt: Date;
  alternativeChannels: CodeChannel[];
}

/** What a code is sent for, and where: the account's own phone or email, or a new one to confirm. */
export interface ChallengeRequest {
  purpose: ChallengePurpose;
  channel: CodeChannel;
  destination: string;
  /** Sends so far for this sign-in or change, carried over from the challenge a resend replaces. */
  sends?: number;
}

const TEMPLATE_BY_PURPOSE: Record<ChallengePurpose, string> = {
  login: 'login-code',
  contact_change: 'confirm-contact',
  payout_details: 'confirm-payout-details',
};

/**
 * One-time codes: issued within per-account and per-address limits, sent through the delivery
 * queue, stored only as a keyed hash, killed after five wrong tries, used once. Sign-in and
 * confirming a new email or phone both go through here, each challenge bound to its purpose so
 * a code for one can never do the other.
 */
export class Challenges {
  constructor(
    private readonly dataSource: DataSource,
    private readonly delivery: TypedQueue<DeliveryJobs>,
    private readonly settings: ChallengeSettings,
    private readonly now: () => Date,
  ) {}

  async issue(account: Account, request: ChallengeRequest): Promise<StartedChallenge> {
    const now = this.now();
    const hourAgo = new Date(now.getTime() - 60 * MINUTE);
    await this.checkAddressAllowance(hourAgo);
    const recent = await this.dataSource
      .getRepository(LoginChallengeRow)
      .countBy({ accountId: account.id, createdAt: MoreThan(hourAgo) });
    if (recent >= CODE_RULES.maxCodesPerAccountPerHour) {
      throw refused(
        'TOO_MANY_CODES',
        'Too many codes were sent to this account. Try again later.',
        'RATE_LIMITED',
      );
    }
    const id = newId('loginChallenge');
    const code = newCode();
    const masked = maskDestination(request.channel, request.destination);
    const expiresAt = new Date(now.getTime() + CODE_RULES.codeTtlMs);
    await this.dataSource.getRepository(LoginChallengeRow).insert({
      id,
      accountId: account.id,
      purpose: request.purpose,
      channel: request.channel,
      maskedDestination: masked,
      newDestination: request.purpose === 'contact_change' ? request.destination : null,
      clientIp: this.settings.clientIp ?? null,
      codeHash: hashCode(this.settings.secret, id, code),
      wrongAttempts: 0,
      sends: request.sends ?? 1,
      lastSentAt: now,
      createdAt: now,
      expiresAt,
      consumedAt: null,
    });
    // The challenge id is the delivery id: however often this job is retried, one message goes out.
    await requestDelivery(this.delivery, {
      deliveryId: `dlv_${id}`,
      accountId: account.id,
      livemode: account.livemode,
      channel: request.channel,
      to: request.destination,
      template: TEMPLATE_BY_PURPOSE[request.purpose],
      params: { code, minutes: String(CODE_RULES.codeTtlMs / MINUTE) },
    });
    return {
      id,
      channel: request.channel,
      maskedDestination: masked,
      expiresAt,
      resendAvailableAt: new Date(now.getTime() + CODE_RULES.resendCooldownMs),
      alternativeChannels: [],
    };
  }

  /** A challenge still waiting for its code, for this purpose; anything else is refused. */
  async open(challengeId: string, purpose: ChallengePurpose): Promise<LoginChallengeRow> {
    const challenge = await this.dataSource
      .getRepository(LoginChallengeRow)
      .findOneBy({ id: challengeId, purpose });
    if (!challenge || challenge.consumedAt)
      throw refused('CHALLENGE_INVALID', 'This code request has ended. Ask for a new code.');
    if (challenge.wrongAttempts >= CODE_RULES.maxWrongAttempts)
      throw refused('CHALLENGE_LOCKED', 'Too many wrong codes. Ask for a new code.');
    if (challenge.expiresAt <= this.now())
      throw refused('CODE_EXPIRED', 'This code has expired. Ask for a new one.');
    return challenge;
  }

  /**
   * Checks a code and uses the challenge up. A wrong code counts against the challenge; the
   * fifth kills it. `account` is null for a decoy, which no code opens.
   */
  async consume(challenge: LoginChallengeRow, code: string, account: Account | null) {
    const challenges = this.dataSource.getRepository(LoginChallengeRow);
    const testModeShortcut =
      account !== null && !account.livemode && code === CODE_RULES.testModeCode;
    if (
      !account ||
      (!testModeShortcut &&
        !codeMatches(this.settings.secret, challenge.id, code, challenge.codeHash))
    ) {
      const wrong = challenge.wrongAttempts + 1;
      await challenges.update({ id: challenge.id }, { wrongAttempts: wrong });
      const left = CODE_RULES.maxWrongAttempts - wrong;
      if (left <= 0) throw refused('CHALLENGE_LOCKED', 'Too many wrong codes. Ask for a new code.');
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
  }

  /** Ends a challenge so a new code can replace it, if the cooldown and send cap allow. */
  async retireForResend(challenge: LoginChallengeRow): Promise<void> {
    const availableAt = new Date(challenge.lastSentAt.getTime() + CODE_RULES.resendCooldownMs);
    if (availableAt > this.now()) {
      throw refused(
        'RESEND_TOO_SOON',
        'Wait a moment before asking for another code.',
        'RATE_LIMITED',
        { retryAt: availableAt.toISOString() },
      );
    }
    if (challenge.sends >= CODE_RULES.maxSendsPerChallenge) {
      throw refused(
        'TOO_MANY_CODES',
        'Too many codes were sent for this request. Start again.',
        'RATE_LIMITED',
      );
    }
    await this.dataSource
      .getRepository(LoginChallengeRow)
      .update({ id: challenge.id }, { consumedAt: this.now() });
  }

  /**
   * A challenge for nobody, indistinguishable from a real one (self-serve sign-in for an unknown
   * email): a real row, so verifying behaves exactly as for a real one (wrong code, then locked).
   */
  async decoy(maskedDestination: string, sends = 1): Promise<StartedChallenge> {
    const now = this.now();
    await this.checkAddressAllowance(new Date(now.getTime() - 60 * MINUTE));
    const id = newId('loginChallenge');
    const expiresAt = new Date(now.getTime() + CODE_RULES.codeTtlMs);
    await this.dataSource.getRepository(LoginChallengeRow).insert({
      id,
      accountId: '',
      purpose: 'login',
      channel: 'email',
      maskedDestination,
      newDestination: null,
      clientIp: this.settings.clientIp ?? null,
      codeHash: hashCode(this.settings.secret, id, randomToken()),
      wrongAttempts: 0,
      sends,
      lastSentAt: now,
      createdAt: now,
      expiresAt,
      consumedAt: null,
    });
    return {
      id,
      channel: 'email',
      maskedDestination,
      expiresAt,
      resendAvailableAt: new Date(now.getTime() + CODE_RULES.resendCooldownMs),
      alternativeChannels: [],
    };
  }

  /** One address asking for codes for many accounts (or many emails) is stopped too. */
  private async checkAddressAllowance(since: Date): Promise<void> {
    if (!this.settings.clientIp) return;
    const fromAddress = await this.dataSource
      .getRepository(LoginChallengeRow)
      .countBy({ clientIp: this.settings.clientIp, createdAt: MoreThan(since) });
    if (fromAddress >= CODE_RULES.maxCodesPerAddressPerHour) {
      throw refused(
        'TOO_MANY_CODES',
        'Too many codes were asked for. Try again later.',
        'RATE_LIMITED',
      );
    }
  }
}
