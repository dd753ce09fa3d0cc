import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { DashError } from '@dash/errors';
import type { createProducerConnection } from '@dash/queue';

type Redis = ReturnType<typeof createProducerConnection>;

const HOUR_S = 60 * 60;

/** How many codes may be sent, and checked, per hour. */
export const CODE_ALLOWANCES = {
  sendsPerAccountPerHour: 10,
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
  private readonly sendsByAccount: RateLimiterRedis;
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
    this.sendsByAccount = limiter('code-sends:account', CODE_ALLOWANCES.sendsPerAccountPerHour);
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

  /** Takes one send; refuses once the address or the account has had its codes this hour. */
  async takeSend({ subject, clientIp }: AllowanceKeys): Promise<void> {
    const reason = 'TOO_MANY_CODES';
    if (clientIp)
      await take(
        this.sendsByAddress,
        clientIp,
        reason,
        'Too many codes were asked for. Try again later.',
      );
    await take(
      this.sendsByAccount,
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
    throw new DashError('UNAVAILABLE', 'Codes cannot be sent or checked right now. Try again.', {
      reason: 'LIMITS_UNAVAILABLE',
    });
  }
}
