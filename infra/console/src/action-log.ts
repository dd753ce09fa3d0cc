import type { RequestHandler } from 'express';
import type { Logger } from '@dash/logger';

/** bull-board's API changes queues with every method but GET. */
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Writes one line per operator action (retry, promote, clean, remove, pause, empty, …) once it
 * is answered: who (the operator token's id), what (the board's API route, naming the queue and
 * job) and how it went. Job data is never logged: it may hold what only the job should see.
 */
export function actionLog(log: Logger, apiPath: string): RequestHandler {
  return (req, res, next) => {
    if (READS.has(req.method) || !req.path.startsWith(apiPath)) return next();
    const action = `${req.method} ${req.path}`;
    res.on('finish', () => {
      log.info(
        { operator: req.operatorId, action, status: res.statusCode },
        res.statusCode < 400 ? 'operator action' : 'operator action refused',
      );
    });
    next();
  };
}
