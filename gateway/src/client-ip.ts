import type { IncomingMessage } from 'node:http';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * The client's address. X-Forwarded-For is believed only from a proxy on this machine (the
 * shell's /graphql proxy); from anyone else it could be forged, so the socket address counts.
 */
export function clientIpOf(request: IncomingMessage): string {
  const peer = request.socket.remoteAddress ?? 'unknown';
  const forwarded = request.headers['x-forwarded-for'];
  if (LOOPBACK.has(peer) && typeof forwarded === 'string') {
    const nearest = forwarded.split(',').at(-1)?.trim();
    if (nearest) return nearest;
  }
  return peer;
}
