import type { IncomingHttpHeaders } from 'node:http';
import type { RouterHeaders } from './protocol.js';

/**
 * The client's request as the gateway's own checks read it (Node's header shape), rebuilt from
 * the headers the Router forwarded. Repeated headers merge as Node merges them: cookies with
 * "; ", forwarding chains with ", ", any other header keeps its first value (so a second
 * Authorization header cannot change who is calling).
 */
export function clientRequestOf(
  headers: RouterHeaders,
  routerAddress: string | undefined,
): { headers: IncomingHttpHeaders; socket: { remoteAddress: string | undefined } } {
  const merged: IncomingHttpHeaders = {};
  for (const [rawName, values] of Object.entries(headers)) {
    const name = rawName.toLowerCase();
    if (values.length === 0) continue;
    const previous = merged[name];
    const all = previous === undefined ? values : [String(previous), ...values];
    if (name === 'cookie') merged[name] = all.join('; ');
    else if (name === 'x-forwarded-for') merged[name] = all.join(', ');
    else merged[name] = all[0];
  }
  return { headers: merged, socket: { remoteAddress: routerAddress } };
}

/**
 * Apollo's CSRF prevention, as the Node gateway's Apollo Server applies it: a request a browser
 * could send from another site without a preflight (no content type, or one a plain form can
 * send, and no Apollo preflight header) is refused before anything runs.
 */
const SIMPLE_CONTENT_TYPES = new Set([
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
]);
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];

export function needsPreflight(headers: IncomingHttpHeaders): boolean {
  if (PREFLIGHT_HEADERS.some((name) => headers[name] !== undefined)) return false;
  const contentType = headers['content-type'];
  if (contentType === undefined) return true;
  const essence = contentType.split(';')[0]!.trim().toLowerCase();
  return SIMPLE_CONTENT_TYPES.has(essence);
}
