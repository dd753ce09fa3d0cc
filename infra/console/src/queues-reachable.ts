import type { RequestHandler } from 'express';
import type { RedisClient } from '@dash/queue';

/**
 * BullMQ waits for its connection to be ready before every command, however long that takes;
 * while Redis cannot be reached the board's API would hang. It is answered at once instead.
 */
export function queuesReachable(connection: RedisClient): RequestHandler {
  return (_req, res, next) => {
    if (connection.status === 'ready') return next();
    res.status(503).json({
      error: {
        code: 'UNAVAILABLE',
        message: 'Redis cannot be reached, so neither can the queues. Try again in a moment.',
      },
    });
  };
}
