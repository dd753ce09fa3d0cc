import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { DashError } from '@dash/errors';
import type { createProducerConnection } from '@dash/queue';

type Redis = ReturnType<typeof createProducerConnection>;

const HOUR_S = 60 * 60;

/** How many codes may be sent, and checked, per hour. */
export const CODE_ALLOWANCES = {
  /** Codes an account may be sent for each of its budgets: login-link sign-in, step-up changes. */
  sendsPerAccountPerHour: 10,
  /**
   * Self-serve sign-in codes per email. Anyone who knows the email can ask for them, so the
   * budget is small and its own: spending it blocks neither login links nor step-up codes.
   */
  selfServeSendsPerEmailPerHour: 3,
  sendsPerAddressPerHour: 30,
  /** Six challenges' worth of wrong codes: enough for a person, nothing for a guesser. */
  verificationsPerAccountPerHour: 30,
  verificationsPerAddressPerHour: 60,
} as const;

/** Who a code is sent to or checked for: an account (or an email not yet tied to one), and from where. */
export interface AllowanceKeys {
  subject: string;
  clientIp?: string;
}

/**
 * Which budget a send spends. Self-serve sign-in is asked for by anyone with the email; login
 * links only through the platform; step-up codes (contact change, payout details, closing) only
 * from a signed-in session. Each has its own count, so draining one leaves the others whole.
 */
export type SendBudget = 'self-serve' | 'login-link' | 'step-up';

const tooMany = (reason: string, message: string, res: RateLimiterRes) =>
  new DashError('RATE_LIMITED', message, {
    reason,
    retryAt: new Date(Date.now() + res.msBeforeNext).toISOString(),
  });

/**
 * Code sends and code checks, counted atomically in Redis (one INCR per attempt), so parallel
 * requests cannot all read "9 of 10" and all pass. A Redis outage refuses rather than letting
 * codes through unlimited.
 */
export class CodeLimits {
  private readonly sendsByBudget: Record<SendBudget, RateLimiterRedis>;
  private readonly sendsByAddress: RateLimiterRedis;
  private readonly checksByAccount: RateLimiterRedis;
  private readonly checksByAddress: RateLimiterRedis;

  constructor(redis: Redis, prefix: string) {
    const limiter = (name: string, points: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${prefix}:limits:${name}`,
        points,
        duration: HOUR_S,
      });
    this.sendsByBudget = {
      'self-serve': limiter('code-sends:self-serve', CODE_ALLOWANCES.selfServeSendsPerEmailPerHour),
      'login-link': limiter('code-sends:login-link', CODE_ALLOWANCES.sendsPerAccountPerHour),
      'step-up': limiter('code-sends:step-up', CODE_ALLOWANCES.sendsPerAccountPerHour),
    };
    this.sendsByAddress = limiter('code-sends:address', CODE_ALLOWANCES.sendsPerAddressPerHour);
    this.checksByAccount = limiter(
      'code-checks:account',
      CODE_ALLOWANCES.verificationsPerAccountPerHour,
    );
    this.checksByAddress = limiter(
      'code-checks:address',
      CODE_ALLOWANCES.verificationsPerAddressPerHour,
    );
  }

  /** Takes one send from a budget; refuses once the address or the budget is spent this hour. */
  async takeSend({ subject, clientIp }: AllowanceKeys, budget: SendBudget): Promise<void> {
    const reason = 'TOO_MANY_CODES';
    if (clientIp)
      await take(
        this.sendsByAddress,
        clientIp,
        reason,
        'Too many codes were asked for. Try again later.',
      );
    await take(
      this.sendsByBudget[budget],
      subject,
      reason,
      'Too many codes were sent to this account. Try again later.',
    );
  }

  /** Takes one code check, before the code is compared. */
  async takeCheck({ subject, clientIp }: AllowanceKeys): Promise<void> {
    const reason = 'TOO_MANY_ATTEMPTS';
    const message = 'Too many codes were tried. Try again later.';
    if (clientIp) await take(this.checksByAddress, clientIp, reason, message);
    await take(this.checksByAccount, subject, reason, message);
  }
}

async function take(
  limiter: RateLimiterRedis,
  key: string,
  reason: string,
  message: string,
): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw tooMany(reason, message, error);
    throw codesUnavailable();
  }
}

/**
 * Redis (the code limits, or the delivery queue) does not answer: nothing was sent or checked,
 * and the person is told to try again rather than kept waiting.
 */
export const codesUnavailable = () =>
  new DashError('UNAVAILABLE', 'Codes cannot be sent or checked right now. Try again.', {
    reason: 'CODES_UNAVAILABLE',
  });
