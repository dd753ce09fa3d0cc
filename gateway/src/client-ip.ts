import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

/**
 * Proxies in front of the gateway whose X-Forwarded-For entries are believed: always this
 * machine (the shell's /graphql proxy), plus those configured (DASH_TRUSTED_PROXIES: addresses,
 * CIDR ranges, or the names loopback, linklocal, uniquelocal).
 */
export const DEFAULT_TRUSTED_PROXIES = ['loopback'];

/**
 * The client's address: walking X-Forwarded-For from the nearest hop, the first address that is
 * not a trusted proxy. An entry added by anyone else could be forged, so it is never taken.
 */
export function clientIpResolver(trustedProxies: readonly string[] = DEFAULT_TRUSTED_PROXIES) {
  const trust = proxyAddr.compile([...DEFAULT_TRUSTED_PROXIES, ...trustedProxies]);
  return (request: IncomingMessage): string =>
    proxyAddr(request as Parameters<typeof proxyAddr>[0], trust) || 'unknown';
}

/** Is the request's nearest hop one of the trusted proxies (whose headers are believed)? */
export function isFromTrustedProxy(trustedProxies: readonly string[] = DEFAULT_TRUSTED_PROXIES) {
  const trust = proxyAddr.compile([...DEFAULT_TRUSTED_PROXIES, ...trustedProxies]);
  return (request: IncomingMessage): boolean => {
    const peer = request.socket.remoteAddress;
    return peer !== undefined && trust(peer, 0);
  };
}
