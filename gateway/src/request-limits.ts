import { createHash } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { RedisClient } from '@dash/queue';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RequestLimits } from './config.js';
import { bearerTokenOf } from './authenticate.js';

const WINDOW_SECONDS = 60;

// Credentials are counted by their hash: the secret itself never becomes a Redis key.
const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex').slice(0, 32);

/**
 * One counter in Redis shared by every gateway replica, so a flood spread over replicas is
 * counted once; while Redis cannot answer, each replica counts on its own in memory (the
 * insurance limiter) rather than letting everything through.
 */
function limiter(redis: RedisClient, prefix: string, name: string, points: number) {
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${prefix}:request-limit:${name}`,
    points,
    duration: WINDOW_SECONDS,
    insuranceLimiter: new RateLimiterMemory({ points, duration: WINDOW_SECONDS }),
  });
}

/**
 * Requests per minute for each API key, each session and each client address, checked before
 * anything else runs (identity is not asked about a flood of guessed keys). Over a limit the
 * answer is 429 with Retry-After, in the GraphQL error shape with code RATE_LIMITED.
 */
export function requestLimiter(
  redis: RedisClient,
  prefix: string,
  limits: RequestLimits,
  of: {
    clientIpOf: (request: Request) => string;
    sessionTokenOf: (request: Request) => string | undefined;
  },
): RequestHandler {
  const perKey = limiter(redis, prefix, 'key', limits.perKey);
  const perSession = limiter(redis, prefix, 'session', limits.perSession);
  const perAddress = limiter(redis, prefix, 'address', limits.perAddress);
  return async (req: Request, res: Response, next: NextFunction) => {
    const apiKey = bearerTokenOf(req);
    const sessionToken = of.sessionTokenOf(req);
    try {
      await Promise.all([
        perAddress.consume(of.clientIpOf(req)),
        ...(apiKey ? [perKey.consume(hashOf(apiKey))] : []),
        ...(sessionToken ? [perSession.consume(hashOf(sessionToken))] : []),
      ]);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) return next(rejection);
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      res
        .status(429)
        .setHeader('retry-after', String(retryAfter))
        .json({
          errors: [
            {
              message: `Too many requests. Try again in ${retryAfter} s.`,
              extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter },
            },
          ],
        });
      return;
    }
    next();
  };
}
