import type { RequestHandler } from 'express';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A browser sends the operator's remembered Basic credentials with any request to the console,
 * including one another site's page makes it send (a form post). So a request that changes
 * something is refused when the browser says it came from elsewhere: `Sec-Fetch-Site` other
 * than same-origin, or an `Origin` naming another host. Scripts with a bearer token send neither.
 */
export function sameOriginActions(): RequestHandler {
  return (req, res, next) => {
    if (READS.has(req.method) || fromConsolePage(req.headers)) return next();
    res.status(403).json({
      error: { code: 'FORBIDDEN', message: 'Actions are taken from the console’s own pages only.' },
    });
  };
}

function fromConsolePage(headers: Record<string, string | string[] | undefined>): boolean {
  const site = headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin') return false;
  const origin = headers.origin;
  if (origin === undefined) return true;
  try {
    return typeof origin === 'string' && new URL(origin).host === headers.host;
  } catch {
    return false; // "null" (sandboxed frames, data: pages) and anything unreadable.
  }
}
