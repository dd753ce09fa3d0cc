import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Caller } from './caller.js';

interface Envelope {
  caller: Caller;
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
const mac = (payload: string, secret: string) =>
  createHmac('sha256', secret).update(payload).digest('base64url');

/** Signs a caller for one request from the gateway to a subgraph. */
export function signCaller(
  caller: Caller,
  secret: string,
  { now = Date.now(), ttlSeconds = 60 }: { now?: number; ttlSeconds?: number } = {},
): string {
  const iat = Math.floor(now / 1000);
  const payload = toBase64Url(
    JSON.stringify({ caller, iat, exp: iat + ttlSeconds } satisfies Envelope),
  );
  return `${payload}.${mac(payload, secret)}`;
}

/** Checks signature and expiry; returns the caller or throws CallerVerificationError. */
export function verifyCaller(header: string, secret: string, now: number = Date.now()): Caller {
  const [payload, signature, extra] = header.split('.');
  if (!payload || !signature || extra !== undefined) throw new CallerVerificationError('malformed');
  const expected = Buffer.from(mac(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new CallerVerificationError('bad signature');
  }
  let envelope: Envelope;
  try {
    envelope = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Envelope;
  } catch {
    throw new CallerVerificationError('malformed');
  }
  if (typeof envelope.exp !== 'number' || envelope.exp < Math.floor(now / 1000)) {
    throw new CallerVerificationError('expired');
  }
  return envelope.caller;
}
