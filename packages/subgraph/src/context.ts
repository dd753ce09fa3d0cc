import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import {
  CALLER_HEADER,
  CallerVerificationError,
  CLIENT_IP_HEADER,
  USER_AGENT_HEADER,
  verifyCallerHeader,
  type Caller,
} from '@dash/auth-context';
import type { SecretKeys } from '@dash/config';
import { currentRequestId, type Logger } from '@dash/logger';
import { DashError } from '@dash/errors';
import { LRUCache } from 'lru-cache';
import { RequestBatches } from './request-batches.js';

/**
 * Headers already verified by a service's keys, by their exact bytes. The gateway sends a caller the same header for
 * a second at a time and each request is checked twice (its request id, then its context), so
 * most checks are a look-up; the expiry is still checked on every use.
 */
const verifiedBy = new WeakMap<SecretKeys, LRUCache<string, { caller: Caller; exp: number }>>();

/** verifyCaller, remembering what these keys accepted (see `verifiedBy`). */
function verifiedCaller(header: string, keys: SecretKeys): Caller {
  let verified = verifiedBy.get(keys);
  if (!verified) verifiedBy.set(keys, (verified = new LRUCache({ max: 10_000 })));
  const now = Date.now();
  const known = verified.get(header);
  if (known && known.exp >= Math.floor(now / 1000)) return known.caller;
  const { caller, expiresAt } = verifyCallerHeader(header, keys, {
    audience: audienceOf(keys),
    now,
  });
  verified.set(header, { caller: Object.freeze(caller), exp: expiresAt });
  return caller;
}

/** What every resolver of every subgraph gets; services add their own dependencies to it. */
export interface BaseContext {
  caller: Caller;
  requestId: string;
  log: Logger;
  /** The end client's address, as the gateway saw it. */
  clientIp?: string;
  /** The end client's user agent, as the gateway saw it. */
  userAgent?: string;
  /** Sets a header on this request's HTTP response (how identity hands the gateway a session). */
  setResponseHeader(name: string, value: string): void;
  /** The request's reads of one field for many accounts, each done with one statement. */
  batches: RequestBatches;
}

/**
 * Rebuilds the caller from the gateway's signed header. A request without a valid signature
 * addressed to this service (`keys.owner`) did not come through the gateway and is refused
 * outright.
 */
export function baseContextFrom(
  headers: IncomingHttpHeaders,
  keys: SecretKeys,
  log: Logger,
  setResponseHeader: BaseContext['setResponseHeader'] = () => {},
): BaseContext {
  const header = headers[CALLER_HEADER];
  if (typeof header !== 'string') {
    throw new DashError('UNAUTHENTICATED', 'Requests must come through the gateway.', {
      http: { status: 401 },
    });
  }
  let caller: Caller;
  try {
    caller = verifiedCaller(header, keys);
  } catch (error) {
    if (!(error instanceof CallerVerificationError)) throw error;
    throw new DashError('UNAUTHENTICATED', 'Requests must come through the gateway.', {
      http: { status: 401 },
    });
  }
  // The server's request scope holds the id (the gateway's, once its caller is verified); the
  // header is read only where a context is built outside a server (tests, scripts).
  const requestIdHeader = headers['x-request-id'];
  const requestId =
    currentRequestId() ?? (typeof requestIdHeader === 'string' ? requestIdHeader : randomUUID());
  const clientIp = headers[CLIENT_IP_HEADER];
  const userAgent = headers[USER_AGENT_HEADER];
  return {
    caller,
    requestId,
    // Every line logged inside the request's scope carries `requestId` already (@dash/logger).
    log: currentRequestId() === requestId ? log : log.child({ requestId }),
    setResponseHeader,
    batches: new RequestBatches(),
    ...(typeof clientIp === 'string' ? { clientIp } : {}),
    ...(typeof userAgent === 'string' ? { userAgent } : {}),
  };
}

/** Does the request carry a caller signed for this service (it came through the gateway)? */
export function carriesValidCaller(headers: IncomingHttpHeaders, keys: SecretKeys): boolean {
  const header = headers[CALLER_HEADER];
  if (typeof header !== 'string') return false;
  try {
    verifiedCaller(header, keys);
    return true;
  } catch {
    return false;
  }
}

/** The service verifying: only keys held by a named service can accept a caller. */
export function audienceOf(keys: SecretKeys): string {
  if (!keys.owner) throw new Error('caller headers are verified with keys held by a service');
  return keys.owner;
}
