import { keyedHash, sameString, type SecretKeys } from '@dash/config';
import type { Caller } from './caller.js';

interface Envelope {
  caller: Caller;
  /** The one service this header is for: a header signed for the ledger is refused by payouts. */
  aud: string;
  /** Issued-at and expiry, seconds since the epoch: a captured header is useless soon after. */
  iat: number;
  exp: number;
}

export class CallerVerificationError extends Error {
  constructor(reason: string) {
    super(`Caller header rejected: ${reason}`);
    this.name = 'CallerVerificationError';
  }
}

const toBase64Url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/**
 * Signs a caller for one request to one service (`audience`): `<kid>.<payload>.<mac>`, keyed with
 * the caller-signing key of the current root, whose id travels in the header so a rotation does
 * not refuse headers signed a moment before it.
 */
export function signCaller(
  caller: Caller,
  keys: SecretKeys,
  {
    audience,
    now = Date.now(),
    ttlSeconds = 60,
  }: { audience: string; now?: number; ttlSeconds?: number },
): string {
  const iat = Math.floor(now / 1000);
  const key = keys.current('caller-signing');
  const payload = toBase64Url(
    JSON.stringify({ caller, aud: audience, iat, exp: iat + ttlSeconds } satisfies Envelope),
  );
  return `${key.kid}.${payload}.${keyedHash(key, `${key.kid}.${payload}`)}`;
}

/**
 * Checks key, signature, audience and expiry; returns the caller or throws
 * CallerVerificationError. `audience` is the verifying service's own name.
 */
export function verifyCaller(
  header: string,
  keys: SecretKeys,
  options: { audience: string; now?: number },
): Caller {
  return verifyCallerHeader(header, keys, options).caller;
}

/** verifyCaller, also saying until when (seconds since the epoch) the header holds. */
export function verifyCallerHeader(
  header: string,
  keys: SecretKeys,
  { audience, now = Date.now() }: { audience: string; now?: number },
): { caller: Caller; expiresAt: number } {
  const [kid, payload, signature, extra] = header.split('.');
  if (!kid || !payload || !signature || extra !== undefined)
    throw new CallerVerificationError('malformed');
  const key = keys.key('caller-signing', kid);
  if (!key) throw new CallerVerificationError('unknown key');
  if (!sameString(keyedHash(key, `${kid}.${payload}`), signature))
    throw new CallerVerificationError('bad signature');
  let envelope: Envelope;
  try {
    envelope = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Envelope;
  } catch {
    throw new CallerVerificationError('malformed');
  }
  if (envelope.aud !== audience) throw new CallerVerificationError('signed for another service');
  if (typeof envelope.exp !== 'number' || envelope.exp < Math.floor(now / 1000)) {
    throw new CallerVerificationError('expired');
  }
  return { caller: envelope.caller, expiresAt: envelope.exp };
}
