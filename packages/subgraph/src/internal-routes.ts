import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { CALLER_HEADER, CallerVerificationError, verifyCaller } from '@dash/auth-context';
import {
  CLOSURE_CHECK_PATH,
  type ClosureBlocker,
  type ClosureCheckRequest,
  type ClosureCheckResponse,
} from '@dash/contracts';

/**
 * A router for service-to-service calls: JSON bodies, and only requests signed by one of our
 * services with the internal secret (a `service` caller) get through; anyone else gets 401.
 */
export function internalRoutes(secret: string, allowedServices: string[]): Router {
  const router = Router();
  router.use(
    '/internal',
    express.json({ limit: '16kb' }),
    (req: Request, res: Response, next: NextFunction) => {
      const header = req.headers[CALLER_HEADER];
      try {
        const caller = typeof header === 'string' ? verifyCaller(header, secret) : undefined;
        if (caller?.kind === 'service' && allowedServices.includes(caller.service)) return next();
      } catch (error) {
        if (!(error instanceof CallerVerificationError)) return next(error);
      }
      res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'Internal route.' } });
    },
  );
  return router;
}

/**
 * The route identity calls before closing an account: `check` says what of this service's stands
 * in the way (an empty list lets the account close). See @dash/contracts' closure check.
 */
export function closureCheckRoutes(
  secret: string,
  check: (request: ClosureCheckRequest) => Promise<ClosureBlocker[]>,
): Router {
  const router = internalRoutes(secret, ['identity']);
  router.post(CLOSURE_CHECK_PATH, async (req, res, next) => {
    const body = (req.body ?? {}) as Partial<ClosureCheckRequest>;
    if (typeof body.accountId !== 'string' || typeof body.livemode !== 'boolean') {
      res.status(400).json({ error: { code: 'BAD_USER_INPUT', message: 'accountId, livemode' } });
      return;
    }
    try {
      const blockers = await check({ accountId: body.accountId, livemode: body.livemode });
      res.json({ blockers } satisfies ClosureCheckResponse);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
