/** How many origins a platform may list per mode: its app, a staging copy, a few more. */
export const MAX_EMBED_ORIGINS = 10;

/** Names a browser treats as this machine: http is fine there (a developer's own app). */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const isLoopback = (hostname: string) =>
  LOOPBACK_HOSTS.has(hostname) || hostname.endsWith('.localhost');

export type OriginCheck = { origin: string } | { problem: string };

/**
 * A web origin as browsers send it in the `Origin` header (`https://app.example.com`,
 * `http://localhost:3000`), or why not: a scheme, a host and maybe a port, nothing else.
 * https is required except on this machine's own names.
 */
export function checkEmbedOrigin(text: string): OriginCheck {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { problem: 'must be an origin such as https://app.example.com' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { problem: 'must be an https origin' };
  if (url.protocol === 'http:' && !isLoopback(url.hostname))
    return { problem: 'must be https (http only for localhost)' };
  if (url.username || url.password) return { problem: 'must not carry a user or password' };
  // `new URL` adds a "/" path to a bare origin; anything beyond it is a page, not an origin.
  if (url.pathname !== '/' || url.search || url.hash || !/^[a-z]+:\/\/[^/]+\/?$/i.test(text.trim()))
    return { problem: 'must be an origin only: no path, query or fragment' };
  return { origin: url.origin };
}
