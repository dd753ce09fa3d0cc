import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { maskDestination, requestDelivery, type DeliveryJobs } from '@dash/contracts';
import { DashError } from '@dash/errors';
import { newId } from '@dash/ids';
import type { TypedQueue } from '@dash/queue';
import type { Account } from '../account/account.entity.js';
import { hashSecret } from '../api-key/secret-key.rules.js';
import { codeMatches, hashCode, newCode } from './code.rules.js';
import { CODE_ALLOWANCES, codesUnavailable, type CodeLimits } from './code-limits.service.js';
import { LoginChallengeRow, type ChallengePurpose } from './login.entity.js';

const MINUTE = 60_000;
export const CODE_RULES = {
  codeTtlMs: 10 * MINUTE,
  maxWrongAttempts: 5,
  resendCooldownMs: 30_000,
  maxSendsPerChallenge: 5,
  maxCodesPerAccountPerHour: CODE_ALLOWANCES.sendsPerAccountPerHour,
  maxCodesPerAddressPerHour: CODE_ALLOWANCES.sendsPerAddressPerHour,
  maxSelfServeCodesPerEmailPerHour: CODE_ALLOWANCES.selfServeSendsPerEmailPerHour,
  /** Stripe's test-mode code; accepted only for test-mode accounts. */
  testModeCode: '000000',
} as const;

export type CodeChannel = 'sms' | 'email';

export interface ChallengeSettings {
  /** Keys the code hashes (the internal secret). */
  secret: string;
  /** The requesting client's address (from the gateway), for the per-address caps. */
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
  /** For a contact change: the challenge whose code went to the current contact. */
  currentContactChallengeId?: string;
}

/** The account a message goes out as: its mode decides whether a real carrier may carry it. */
type MessageHolder = Pick<Account, 'id' | 'livemode'>;

/** Whoever a code would open: null for a decoy, which no code opens. */
export type CodeHolder = { livemode: boolean } | null;

const TEMPLATE_BY_PURPOSE: Record<ChallengePurpose, string> = {
  login: 'login-code',
  contact_change: 'confirm-contact',
  contact_change_current: 'approve-contact-change',
  payout_details: 'confirm-payout-details',
  account_details: 'confirm-account-details',
  tax_info: 'confirm-tax-info',
  account_close: 'confirm-account-close',
};

const challengeEnded = () =>
  refused('CHALLENGE_INVALID', 'This code request has ended. Ask for a new code.');
const challengeLocked = (extra = {}) =>
  refused(
    'CHALLENGE_LOCKED',
    'Too many wrong codes. Ask for a new code.',
    'UNAUTHENTICATED',
    extra,
  );

/**
 * One-time codes: issued within per-account and per-address limits, sent through the delivery
 * queue, stored only as a keyed hash, killed after five wrong tries, used once. Sign-in and
 * confirming a new email or phone both go through here, each challenge bound to its purpose so
 * a code for one can never do the other. Every limit is taken atomically before the work it
 * guards, so parallel requests cannot slip past a count they all read at once.
 */
export class Challenges {
  constructor(
    private readonly dataSource: DataSource,
    private readonly delivery: TypedQueue<DeliveryJobs>,
    private readonly limits: CodeLimits,
    private readonly settings: ChallengeSettings,
    private readonly now: () => Date,
  ) {}

  /** A code for one account, to its own contact or a new one it is confirming. */
  async issue(account: Account, request: ChallengeRequest): Promise<StartedChallenge> {
    await this.limits.takeSend(
      { subject: account.id, ...this.address() },
      request.purpose === 'login' ? 'login-link' : 'step-up',
    );
    return this.insertAndSend(
      {
        accountId: account.id,
        purpose: request.purpose,
        newDestination: request.purpose === 'contact_change' ? request.destination : null,
        currentContactChallengeId: request.currentContactChallengeId ?? null,
        sends: request.sends ?? 1,
      },
      request,
      account,
    );
  }

  /**
   * A self-serve sign-in code: it proves the email's accounts, not yet one of them (one email may
   * have accounts on several platforms); the message is delivered as `deliverAs`, one of them, to
   * the phone they share or to the email itself. With `deliverAs: null` it is a decoy for an email
   * without a live account: a real row, counted against the same limits, answered the same way,
   * but no message goes out and no code opens it.
   */
  async issueForEmail(
    email: string,
    sends: number,
    deliverAs: MessageHolder | null,
    phone?: string,
  ): Promise<StartedChallenge> {
    await this.limits.takeSend({ subject: emailSubject(email), ...this.address() }, 'self-serve');
    const fields = {
      accountId: '',
      purpose: 'login' as const,
      newDestination: null,
      currentContactChallengeId: null,
      loginEmail: email,
      sentToHash: phone ? hashSecret(phone) : null,
      sends,
    };
    const request = phone
      ? { purpose: 'login' as const, channel: 'sms' as const, destination: phone }
      : { purpose: 'login' as const, channel: 'email' as const, destination: email };
    return this.insertAndSend(fields, request, deliverAs);
  }

  /** A challenge still waiting for its code, for this purpose; anything else is refused. */
  async open(challengeId: string, purpose: ChallengePurpose): Promise<LoginChallengeRow> {
    const challenge = await this.dataSource
      .getRepository(LoginChallengeRow)
      .findOneBy({ id: challengeId, purpose });
    if (!challenge || challenge.consumedAt) throw challengeEnded();
    if (challenge.wrongAttempts >= CODE_RULES.maxWrongAttempts) throw challengeLocked();
    if (challenge.expiresAt <= this.now())
      throw refused('CODE_EXPIRED', 'This code has expired. Ask for a new one.');
    return challenge;
  }

  /** As `open`, for one account's own step: another account's challenge looks like none at all. */
  async openOwn(
    challengeId: string,
    purpose: ChallengePurpose,
    accountId: string,
  ): Promise<LoginChallengeRow> {
    const challenge = await this.open(challengeId, purpose);
    if (challenge.accountId !== accountId) throw challengeEnded();
    return challenge;
  }

  /** Checks a code and uses the challenge up (see `check`). */
  async consume(challenge: LoginChallengeRow, code: string, holder: CodeHolder): Promise<void> {
    await this.check(challenge, code, holder);
    await this.markUsed([challenge.id]);
  }

  /**
   * Checks a code without using the challenge up. The attempt is reserved first, by a
   * conditional increment that only five requests can win: however many guesses arrive at
   * once, at most five are ever compared. A right code gives its attempt back.
   * `field` names the input a wrong code came from, when a change asks for two.
   */
  async check(
    challenge: LoginChallengeRow,
    code: string,
    holder: CodeHolder,
    field?: string,
  ): Promise<void> {
    await this.limits.takeCheck({ subject: subjectOf(challenge), ...this.address() });
    const reserved = await this.dataSource
      .createQueryBuilder()
      .update(LoginChallengeRow)
      .set({ wrongAttempts: () => 'wrong_attempts + 1' })
      .where('id = :id AND consumed_at IS NULL AND wrong_attempts < :max AND expires_at > :now', {
        id: challenge.id,
        max: CODE_RULES.maxWrongAttempts,
        now: this.now(),
      })
      .execute();
    if (reserved.affected !== 1) throw await this.whyClosed(challenge.id);

    const testModeShortcut =
      holder !== null && !holder.livemode && code === CODE_RULES.testModeCode;
    const right =
      holder !== null &&
      (testModeShortcut ||
        codeMatches(this.settings.secret, challenge.id, code, challenge.codeHash));
    if (!right) {
      const { wrongAttempts } = await this.dataSource
        .getRepository(LoginChallengeRow)
        .findOneByOrFail({ id: challenge.id });
      const left = CODE_RULES.maxWrongAttempts - wrongAttempts;
      // attemptsLeft says this code was compared (and wrong), even when it was the last try
      // (or when guesses arriving together used the others up first); `field` says whose it was.
      if (left <= 0) throw challengeLocked({ attemptsLeft: 0, ...(field ? { field } : {}) });
      throw refused(
        'CODE_WRONG',
        `That code is not right. ${left} ${left === 1 ? 'try' : 'tries'} left.`,
        'BAD_USER_INPUT',
        { attemptsLeft: left, ...(field ? { field } : {}) },
      );
    }
    await this.dataSource
      .createQueryBuilder()
      .update(LoginChallengeRow)
      .set({ wrongAttempts: () => 'GREATEST(wrong_attempts - 1, 0)' })
      .where('id = :id', { id: challenge.id })
      .execute();
  }

  /**
   * Uses checked challenges up, each once: of two requests with the right code, one wins.
   * Given the transaction of the change the code confirms, the code is used up with it or not at all.
   */
  async markUsed(challengeIds: string[], within?: EntityManager): Promise<void> {
    const use = async (manager: EntityManager) => {
      for (const id of challengeIds) {
        const used = await manager
          .createQueryBuilder()
          .update(LoginChallengeRow)
          .set({ consumedAt: this.now() })
          .where('id = :id AND consumed_at IS NULL', { id })
          .execute();
        if (used.affected !== 1) throw refused('CODE_USED', 'This code has already been used.');
      }
    };
    await (within ? use(within) : this.dataSource.transaction(use));
  }

  /**
   * Ends a challenge so a new code can replace it, if the cooldown and send cap allow. One
   * conditional update decides, so of many parallel resends only one replaces the challenge.
   */
  async retireForResend(challenge: LoginChallengeRow, alsoEnd: string[] = []): Promise<Date> {
    const now = this.now();
    const retired = await this.dataSource
      .createQueryBuilder()
      .update(LoginChallengeRow)
      .set({ consumedAt: now })
      .where('id = :id AND consumed_at IS NULL AND sends < :max AND last_sent_at <= :cooled', {
        id: challenge.id,
        max: CODE_RULES.maxSendsPerChallenge,
        cooled: new Date(now.getTime() - CODE_RULES.resendCooldownMs),
      })
      .execute();
    if (retired.affected !== 1) {
      const current = await this.dataSource
        .getRepository(LoginChallengeRow)
        .findOneByOrFail({ id: challenge.id });
      const availableAt = new Date(current.lastSentAt.getTime() + CODE_RULES.resendCooldownMs);
      if (availableAt > now) throw resendTooSoon(availableAt);
      // Another resend (or the right code) ended it a moment ago.
      if (current.consumedAt) throw challengeEnded();
      if (current.sends >= CODE_RULES.maxSendsPerChallenge) {
        throw refused(
          'TOO_MANY_CODES',
          'Too many codes were sent for this request. Start again.',
          'RATE_LIMITED',
        );
      }
      throw challengeEnded();
    }
    if (alsoEnd.length > 0) {
      await this.dataSource
        .createQueryBuilder()
        .update(LoginChallengeRow)
        .set({ consumedAt: now })
        .where('id IN (:...ids) AND consumed_at IS NULL', { ids: alsoEnd })
        .execute();
    }
    return now;
  }

  /** Why a challenge could not take another attempt: used, locked or expired. */
  private async whyClosed(challengeId: string) {
    const current = await this.dataSource
      .getRepository(LoginChallengeRow)
      .findOneBy({ id: challengeId });
    if (!current || current.consumedAt) return challengeEnded();
    if (current.wrongAttempts >= CODE_RULES.maxWrongAttempts) return challengeLocked();
    return refused('CODE_EXPIRED', 'This code has expired. Ask for a new one.');
  }

  /**
   * Ends a challenge whose code could not be queued: nobody holds its code, and a resend must
   * not count it as sent. The queue fails at once while Redis is down (a code is only useful
   * while the person waits, so it is not kept for later): the request is refused with "try
   * again", never left waiting for Redis.
   */
  private async endUnsent(challengeId: string): Promise<void> {
    await this.dataSource
      .getRepository(LoginChallengeRow)
      .update({ id: challengeId }, { consumedAt: this.now() })
      .catch(() => undefined);
  }

  /**
   * Gives a challenge back after `retireForResend` when its replacement could not be sent, so
   * the person can ask again (a sign-in through a login link cannot start over without a new
   * link). Only the retirement this request made is undone.
   */
  async reopenAfterFailedResend(challenge: LoginChallengeRow, retiredAt: Date): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(LoginChallengeRow)
      .set({ consumedAt: null })
      .where('id = :id AND consumed_at = :retiredAt', { id: challenge.id, retiredAt })
      .execute();
  }

  private address() {
    return this.settings.clientIp ? { clientIp: this.settings.clientIp } : {};
  }

  private async insertAndSend(
    fields: Pick<
      LoginChallengeRow,
      'accountId' | 'purpose' | 'newDestination' | 'currentContactChallengeId' | 'sends'
    > &
      Partial<Pick<LoginChallengeRow, 'loginEmail' | 'sentToHash'>>,
    request: Pick<ChallengeRequest, 'purpose' | 'channel' | 'destination'>,
    deliverAs: MessageHolder | null,
  ): Promise<StartedChallenge> {
    const now = this.now();
    const id = newId('loginChallenge');
    const code = newCode();
    const masked = maskDestination(request.channel, request.destination);
    const expiresAt = new Date(now.getTime() + CODE_RULES.codeTtlMs);
    await this.dataSource.getRepository(LoginChallengeRow).insert({
      ...fields,
      id,
      channel: request.channel,
      maskedDestination: masked,
      clientIp: this.settings.clientIp ?? null,
      // A decoy's hash is of a random token nobody ever sees: no code matches it.
      codeHash: hashCode(this.settings.secret, id, deliverAs ? code : randomToken()),
      wrongAttempts: 0,
      lastSentAt: now,
      createdAt: now,
      expiresAt,
      consumedAt: null,
    });
    if (deliverAs) {
      try {
        // The challenge id is the delivery id: however often this job is retried, one message goes out.
        await requestDelivery(this.delivery, {
          deliveryId: `dlv_${id}`,
          accountId: deliverAs.id,
          // A test-mode account's code never reaches a real carrier (the worker sends it to the outbox).
          livemode: deliverAs.livemode,
          channel: request.channel,
          to: request.destination,
          template: TEMPLATE_BY_PURPOSE[request.purpose],
          params: { code, minutes: String(CODE_RULES.codeTtlMs / MINUTE) },
        });
      } catch {
        await this.endUnsent(id);
        throw codesUnavailable();
      }
    }
    return {
      id,
      channel: request.channel,
      maskedDestination: masked,
      expiresAt,
      resendAvailableAt: new Date(now.getTime() + CODE_RULES.resendCooldownMs),
      alternativeChannels: [],
    };
  }
}

const emailSubject = (email: string) => `email:${email}`;
const subjectOf = (challenge: LoginChallengeRow) =>
  challenge.accountId || emailSubject(challenge.loginEmail ?? challenge.maskedDestination);

const resendTooSoon = (availableAt: Date) =>
  refused('RESEND_TOO_SOON', 'Wait a moment before asking for another code.', 'RATE_LIMITED', {
    retryAt: availableAt.toISOString(),
  });
