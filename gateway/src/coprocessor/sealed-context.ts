import { keyedHash, sameString, type SecretKeys } from '@dash/config';
import type { Caller } from '@dash/auth-context';

/** What RouterRequest decided, carried to every SubgraphRequest of the same client request. */
export interface DecidedRequest {
  caller: Caller;
  requestId: string;
  clientIp: string;
  userAgent?: string;
}

interface Envelope extends DecidedRequest {
  /** The Router's id of the client request: the seal opens for that request only. */
  rid: string;
  exp: number;
}

/** Long enough for any query plan to finish (subgraph deadlines are seconds), no longer. */
const SEAL_TTL_SECONDS = 120;

/**
 * The MAC covers a label no caller header carries, so a sealed context and a caller header,
 * though keyed alike, can never be passed off as each other.
 */
const LABEL = 'coprocessor-context';
const macOf = (keys: SecretKeys, kid: string, payload: string) => {
  const key = keys.key('caller-signing', kid);
  return key ? keyedHash(key, `${LABEL}.${kid}.${payload}`) : undefined;
};

/**
 * The Router keeps its request context and hands it to each stage, but anyone who reaches the
 * coprocessor could send a SubgraphRequest with a context of their own making. So the caller is
 * signed into the context at RouterRequest and bound to the Router's request id: a
 * SubgraphRequest gets caller headers only for a context this coprocessor sealed, for this very
 * request, moments ago.
 */
export function sealDecision(
  decided: DecidedRequest,
  routerRequestId: string,
  keys: SecretKeys,
  now = Date.now(),
): string {
  const { kid } = keys.current('caller-signing');
  const envelope: Envelope = {
    ...decided,
    rid: routerRequestId,
    exp: Math.floor(now / 1000) + SEAL_TTL_SECONDS,
  };
  const payload = Buffer.from(JSON.stringify(envelope)).toString('base64url');
  return `${kid}.${payload}.${macOf(keys, kid, payload)!}`;
}

/** The decision sealed for this request, or undefined for anything else. */
export function openDecision(
  sealed: unknown,
  routerRequestId: string,
  keys: SecretKeys,
  now = Date.now(),
): DecidedRequest | undefined {
  if (typeof sealed !== 'string') return undefined;
  const [kid, payload, mac, extra] = sealed.split('.');
  if (!kid || !payload || !mac || extra !== undefined) return undefined;
  const expected = macOf(keys, kid, payload);
  if (!expected || !sameString(expected, mac)) return undefined;
  let envelope: Envelope;
  try {
    envelope = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Envelope;
  } catch {
    return undefined;
  }
  if (envelope.rid !== routerRequestId) return undefined;
  if (typeof envelope.exp !== 'number' || envelope.exp < Math.floor(now / 1000)) return undefined;
  const { caller, requestId, clientIp, userAgent } = envelope;
  return { caller, requestId, clientIp, ...(userAgent !== undefined ? { userAgent } : {}) };
}
