import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { currentRequestId, withRequestId } from '@dash/logger';

/** The response header every part answers with. */
export const REQUEST_ID_HEADER = 'Request-Id';

/** Letters, digits and `-_.:`, at most 128: fits a UUID or a proxy's id, never a log injection. */
const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Whose `Request-Id`/`X-Request-Id` is taken as this request's id (a proxy, the gateway). */
export type TrustsRequestId = (request: IncomingMessage) => boolean;

/** The id the caller sent, if it sent a valid one. */
function offeredId(request: IncomingMessage): string | undefined {
  for (const name of ['request-id', 'x-request-id']) {
    const value = request.headers[name];
    if (typeof value === 'string' && VALID_REQUEST_ID.test(value)) return value;
  }
  return undefined;
}

/** The id of a request that passed through `requestIds`. */
export function requestIdOf(request: IncomingMessage): string | undefined {
  return (request as IncomingMessage & { requestId?: string }).requestId;
}

/**
 * Gives every request an id: a trusted caller's valid one, otherwise a new one. It is answered in
 * `Request-Id`, kept on the request, and in scope for everything the request runs, so each log
 * line and GraphQL error written for it carries it (see `reenterRequestScope`).
 */
export function requestIds(trusts?: TrustsRequestId): RequestHandler {
  return (req, res, next) => {
    const requestId = assignRequestId(req, res, trusts);
    withRequestId(requestId, () => next());
  };
}

/** Names the request (see requestIds): kept on it and answered in `Request-Id`. */
export function assignRequestId(
  req: IncomingMessage,
  res: ServerResponse,
  trusts: TrustsRequestId = () => false,
): string {
  const requestId = (trusts(req) ? offeredId(req) : undefined) ?? randomUUID();
  (req as IncomingMessage & { requestId?: string }).requestId = requestId;
  res.setHeader(REQUEST_ID_HEADER, requestId);
  return requestId;
}

/**
 * A body parser calls on from its stream's events, which run outside the request's scope; this
 * puts the request back in it for the handlers after the parser.
 */
export function reenterRequestScope(): RequestHandler {
  return (req, _res, next) => {
    const requestId = requestIdOf(req);
    if (!requestId || currentRequestId() === requestId) return next();
    withRequestId(requestId, () => next());
  };
}
