import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RedisClient } from '@dash/queue';
import { writeJson, type BatchingOptions, type Guard } from '@dash/server-kit';
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

/** What a limit counts a request against: its address and, if it carries them, key and session. */
export interface LimitedRequest {
  clientIp: string;
  apiKey?: string | undefined;
  sessionToken?: string | undefined;
}

/**
 * Requests per minute for each API key, each session and each client address: resolves with
 * the seconds to wait when a limit is reached, or undefined. A request carrying several
 * operations counts `operations` (each counts as a request of its own). The gateway's guard and
 * the coprocessor both count here, against the same Redis keys.
 */
export function requestLimits(redis: RedisClient, prefix: string, limits: RequestLimits) {
  const perKey = limiter(redis, prefix, 'key', limits.perKey);
  const perSession = limiter(redis, prefix, 'session', limits.perSession);
  const perAddress = limiter(redis, prefix, 'address', limits.perAddress);
  return async (
    { clientIp, apiKey, sessionToken }: LimitedRequest,
    operations = 1,
  ): Promise<number | undefined> => {
    try {
      await Promise.all([
        perAddress.consume(clientIp, operations),
        ...(apiKey ? [perKey.consume(hashOf(apiKey), operations)] : []),
        ...(sessionToken ? [perSession.consume(hashOf(sessionToken), operations)] : []),
      ]);
      return undefined;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    }
  };
}

/** The body of a 429: the GraphQL error shape with code RATE_LIMITED. */
export const rateLimitedBody = (retryAfter: number) => ({
  errors: [
    {
      message: `Too many requests. Try again in ${retryAfter} s.`,
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter },
    },
  ],
});

/**
 * The limits, checked before anything else runs (identity is not asked about a flood of guessed
 * keys): `guard` counts each request as one, and `admitOperations` counts a batch's operations
 * past the first once its body is read. Over a limit the answer is 429 with Retry-After, and none of
 * the request's operations runs.
 */
export function requestLimiter(
  redis: RedisClient,
  prefix: string,
  limits: RequestLimits,
  of: {
    clientIpOf: (request: IncomingMessage) => string;
    sessionTokenOf: (request: IncomingMessage) => string | undefined;
  },
): { guard: Guard; admitOperations: BatchingOptions['admit'] } {
  const overLimit = requestLimits(redis, prefix, limits);
  const count = (req: IncomingMessage, operations: number) =>
    overLimit(
      {
        clientIp: of.clientIpOf(req),
        apiKey: bearerTokenOf(req),
        sessionToken: of.sessionTokenOf(req),
      },
      operations,
    );
  const refuse = (res: ServerResponse, retryAfter: number) => {
    res.setHeader('retry-after', String(retryAfter));
    writeJson(res, 429, rateLimitedBody(retryAfter));
  };
  return {
    async guard(req, res, next) {
      let retryAfter: number | undefined;
      try {
        retryAfter = await count(req, 1);
      } catch (error) {
        return next(error);
      }
      if (retryAfter === undefined) return next();
      refuse(res, retryAfter);
    },
    async admitOperations(req, res, extraOperations) {
      const retryAfter = await count(req, extraOperations);
      if (retryAfter === undefined) return true;
      refuse(res, retryAfter);
      return false;
    },
  };
}
