import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { CALLER_HEADER, CallerVerificationError, verifyCaller } from '@dash/auth-context';

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
