import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { RedisClient } from '@dash/queue';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { presentedSecret } from './credentials.js';
import type { OperatorTokens } from './operator-tokens.js';

/** Failed sign-ins are counted over this window; an address over the limit waits it out. */
const WINDOW_SECONDS = 15 * 60;

declare module 'express-serve-static-core' {
  interface Request {
    /** The id of the operator token this request was let in with. */
    operatorId?: string;
  }
}

const refuse = (res: Response, status: number, code: string, message: string) =>
  res.status(status).json({ error: { code, message } });

/**
 * Lets in only requests carrying an operator token, counting sign-in attempts per client address
 * in Redis (shared by every console replica; in memory while Redis is away). Each attempt takes a
 * point before its token is checked and a valid one gives it back, so a burst of parallel guesses
 * is cut off at the limit instead of all being checked before the first failure is counted.
 * Once over the limit an address is refused every request, a right token included, until the
 * window has passed: a guess made while throttled cannot tell whether it was right.
 */
export function operatorAuth(options: {
  tokens: OperatorTokens;
  redis: RedisClient;
  prefix: string;
  failedAttemptsPerWindow: number;
  clientIpOf: (request: Request) => string;
}): RequestHandler {
  const { tokens, failedAttemptsPerWindow: points } = options;
  const attempts = new RateLimiterRedis({
    storeClient: options.redis,
    keyPrefix: `${options.prefix}:console:sign-in`,
    points,
    duration: WINDOW_SECONDS,
    insuranceLimiter: new RateLimiterMemory({ points, duration: WINDOW_SECONDS }),
  });
  return async (req: Request, res: Response, next: NextFunction) => {
    const address = options.clientIpOf(req);
    const secret = presentedSecret(req.headers);
    try {
      await attempts.consume(address);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) return next(rejection);
      const right = secret !== undefined && tokens.identify(secret) !== undefined;
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      res.setHeader('retry-after', String(retryAfter));
      refuse(res, 429, 'RATE_LIMITED', `Too many failed sign-ins. Try again in ${retryAfter} s.`);
      // A right token is refused all the same, but leaves no count behind, so an operator whose
      // page loaded many files at once is not kept out longer than the attacker next to them.
      // Given back after the answer, so a right guess is not answered any later than a wrong one.
      if (right) attempts.reward(address, 1).catch(() => undefined);
      return;
    }
    const operatorId = secret === undefined ? undefined : tokens.identify(secret);
    if (!operatorId) {
      res.setHeader('www-authenticate', 'Basic realm="Queue console", charset="UTF-8"');
      refuse(res, 401, 'UNAUTHENTICATED', 'An operator token is required.');
      return;
    }
    try {
      await attempts.reward(address, 1);
    } catch (error) {
      return next(error);
    }
    req.operatorId = operatorId;
    next();
  };
}
