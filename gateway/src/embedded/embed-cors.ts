import type { ServerResponse } from 'node:http';
import { pathOf, type Guard } from '@dash/server-kit';
import { bearerTokenOf } from '../authenticate.js';

/** An embedded component's client secret: `acss_…` (identity makes them). */
export const CLIENT_SECRET_PREFIX = 'acss_';

export const isClientSecretCall = (token: string | undefined): token is string =>
  token?.startsWith(CLIENT_SECRET_PREFIX) === true;

/** Browsers may keep a preflight's answer this long (Chromium caps it at two hours). */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * Cross-origin access to /graphql for embedded components, and for nothing else. Their calls
 * carry a client secret in `Authorization` and never a cookie, so:
 * - a preflight from any origin that asks to send `Authorization` is allowed (a preflight
 *   carries no credential itself); the dashboard's cookie is ignored on any call another site
 *   makes (see authenticate), so allowing the preflight opens nothing to it;
 * - an answer is readable by the calling origin only for a call with a client secret, which
 *   identity accepts only from the origins its platform listed (checked before the operation
 *   runs). Credentials (cookies) are never allowed cross-origin: no
 *   `Access-Control-Allow-Credentials`, so a dashboard session cannot be used from another site.
 */
export function embedCors(path: string): Guard {
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (pathOf(req) !== path || typeof origin !== 'string') return next();
    varyByOrigin(res);
    const asksFor = req.headers['access-control-request-headers'] ?? '';
    if (
      req.method === 'OPTIONS' &&
      req.headers['access-control-request-method'] &&
      /(^|,)\s*authorization\s*(,|$)/i.test(asksFor)
    ) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-allow-methods', 'POST');
      res.setHeader('access-control-allow-headers', 'authorization, content-type, traceparent');
      res.setHeader('access-control-max-age', String(PREFLIGHT_MAX_AGE_SECONDS));
      res.statusCode = 204;
      res.end();
      return;
    }
    if (isClientSecretCall(bearerTokenOf(req)))
      res.setHeader('access-control-allow-origin', origin);
    next();
  };
}

/** Adds `Origin` to the response's `Vary`, keeping what is there (as Express's `res.vary`). */
function varyByOrigin(res: ServerResponse): void {
  const current = res.getHeader('vary');
  const listed = (Array.isArray(current) ? current.join(',') : String(current ?? ''))
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (listed.includes('*') || listed.some((name) => name.toLowerCase() === 'origin')) return;
  res.setHeader('vary', [...listed, 'Origin'].join(', '));
}
