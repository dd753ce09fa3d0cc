import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

/**
 * The client's address for counting failed sign-ins: the first X-Forwarded-For hop that is not
 * a trusted proxy (DASH_CONSOLE_TRUSTED_PROXIES: addresses, CIDR ranges, or loopback, linklocal,
 * uniquelocal). Hops added by anyone else could be forged to dodge the limit, so none is taken.
 */
export function clientAddressResolver(trustedProxies: readonly string[]) {
  const trust = proxyAddr.compile([...trustedProxies]);
  return (request: IncomingMessage): string =>
    proxyAddr(request as Parameters<typeof proxyAddr>[0], trust) || 'unknown';
}
