import express, {
  Router,
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import {
  CALLER_HEADER,
  CallerVerificationError,
  verifyCaller,
  type Caller,
} from '@dash/auth-context';
import { z, type SecretKeys } from '@dash/config';
import { DashError, type ErrorCode } from '@dash/errors';
import {
  CLOSURE_CHECK_PATH,
  type ClosureBlocker,
  type ClosureCheckRequest,
  type ClosureCheckResponse,
} from '@dash/contracts';
import { audienceOf } from './context.js';

/** A refusal an internal route sends as its answer: HTTP status, code and sentence. */
export class InternalRouteError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The HTTP status a typed refusal travels with between services. */
const STATUS_OF: Partial<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FAILED_PRECONDITION: 412,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

/**
 * A refusal becomes its status and code — a DashError keeps its details too, so the calling
 * service can hand the same typed error to its own caller (see callService). Anything else goes
 * on to the server's error handler.
 */
function sendRouteError(error: unknown, res: Response, next: NextFunction): void {
  if (error instanceof InternalRouteError) {
    res.status(error.status).json({ error: { code: error.code, message: error.message } });
    return;
  }
  if (error instanceof DashError) {
    const { code, ...details } = error.extensions as { code: ErrorCode };
    res
      .status(STATUS_OF[code] ?? 400)
      .json({ error: { code, message: error.message, extensions: details } });
    return;
  }
  next(error);
}

const callingService = (req: Request, secret: SecretKeys): string | undefined => {
  const header = req.headers[CALLER_HEADER];
  try {
    const caller =
      typeof header === 'string'
        ? verifyCaller(header, secret, { audience: audienceOf(secret) })
        : undefined;
    return caller?.kind === 'service' ? caller.service : undefined;
  } catch (error) {
    if (error instanceof CallerVerificationError) return undefined;
    throw error;
  }
};

/**
 * One service-to-service route, `POST <path>` with a JSON body: only a `service` caller signed
 * for this service (`secret.owner`), and among `allowedServices`, gets through (anyone else
 * gets 401).
 * The handler's result is the JSON answer; an InternalRouteError becomes its status and code.
 * Each route is a router of its own, so a service can mount several side by side.
 */
export function internalRoute<Body extends object, Answer>(
  path: string,
  secret: SecretKeys,
  allowedServices: readonly string[],
  handler: (body: Partial<Body>) => Promise<Answer>,
): Router {
  const router = Router();
  router.post(path, express.json({ limit: '16kb' }), async (req: Request, res: Response, next) => {
    try {
      const service = callingService(req, secret);
      if (!service || !allowedServices.includes(service)) {
        res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'Internal route.' } });
        return;
      }
      res.json(await handler((req.body ?? {}) as Partial<Body>));
    } catch (error) {
      sendRouteError(error, res, next);
    }
  });
  return router;
}

/**
 * An internal route whose body must match `schema` (zod): anything else is refused with 400
 * before the handler runs. For commands one service gives another (take this payout from the
 * balance), where a malformed body is a bug to stop at the door.
 */
export function internalCommand<Body, Answer>(
  path: string,
  secret: SecretKeys,
  allowedServices: readonly string[],
  schema: z.ZodType<Body>,
  handler: (body: Body) => Promise<Answer>,
): Router {
  return internalRoute<object, Answer>(path, secret, allowedServices, async (body) => {
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      throw new InternalRouteError(400, 'BAD_USER_INPUT', z.prettifyError(parsed.error));
    return handler(parsed.data);
  });
}

/**
 * The route identity calls before closing an account: `check` says what of this service's stands
 * in the way (an empty list lets the account close). See @dash/contracts' closure check.
 */
export function closureCheckRoutes(
  secret: SecretKeys,
  check: (request: ClosureCheckRequest) => Promise<ClosureBlocker[]>,
): Router {
  return internalRoute<ClosureCheckRequest, ClosureCheckResponse>(
    CLOSURE_CHECK_PATH,
    secret,
    ['identity'],
    async ({ accountId, platformId, livemode }) => {
      if (
        typeof accountId !== 'string' ||
        typeof platformId !== 'string' ||
        typeof livemode !== 'boolean'
      )
        throw new InternalRouteError(
          400,
          'BAD_USER_INPUT',
          'accountId, platformId and livemode are required',
        );
      return { blockers: await check({ accountId, platformId, livemode }) };
    },
  );
}

/**
 * A route for callers the gateway forwards (accounts, platforms), beside /graphql: for what is
 * not GraphQL, such as a CSV download (GET) or a file upload (POST, with `body` reading it).
 * Without a valid signed caller: 401.
 */
export function callerRoute(
  path: string,
  secret: SecretKeys,
  handler: (caller: Caller, req: Request, res: Response) => Promise<void>,
  options: { method?: 'get' | 'post'; body?: RequestHandler } = {},
): Router {
  const router = Router();
  const reading: RequestHandler[] = options.body ? [options.body] : [];
  router[options.method ?? 'get'](
    path,
    ...reading,
    async (req: Request, res: Response, next: NextFunction) => {
      const header = req.headers[CALLER_HEADER];
      let caller: Caller;
      try {
        if (typeof header !== 'string') throw new CallerVerificationError('missing');
        caller = verifyCaller(header, secret, { audience: audienceOf(secret) });
      } catch (error) {
        if (!(error instanceof CallerVerificationError)) return next(error);
        res.status(401).json({
          error: { code: 'UNAUTHENTICATED', message: 'Requests must come through the gateway.' },
        });
        return;
      }
      try {
        await handler(caller, req, res);
      } catch (error) {
        sendRouteError(error, res, next);
      }
    },
  );
  return router;
}
