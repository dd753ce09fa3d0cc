import type { IncomingMessage } from 'node:http';

/** What Fetch Metadata says a same-origin page, or the person typing the address, sent. */
const OWN_SITES = new Set(['same-origin', 'none']);

/**
 * Whether a browser request came from the dashboard's own pages. Another site can make a
 * browser send the session cookie with a form post or a link (SameSite=Lax lets top-level
 * navigations through), so the file routes refuse what a browser marks as coming from another
 * site: `Sec-Fetch-Site` other than same-origin/none, or an `Origin` whose host is not the one
 * the request was sent to (as the browser saw it: the shell's proxy forwards it in
 * X-Forwarded-Host). Servers calling with an API key send neither header and pass.
 */
export function fromOwnSite(request: Pick<IncomingMessage, 'headers'>): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && !OWN_SITES.has(site)) return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  const forwardedHost = request.headers['x-forwarded-host'];
  const host = (typeof forwardedHost === 'string' ? forwardedHost : request.headers.host) ?? '';
  try {
    return new URL(origin).host === host.split(',')[0]!.trim();
  } catch {
    return false; // "null" (sandboxed frames, data: pages) and anything unreadable.
  }
}
