import ipaddr from 'ipaddr.js';
import { badInput } from '@dash/errors';

/**
 * Whether an address is on the public internet. Everything else — private ranges, loopback,
 * link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, unique-local, multicast,
 * reserved, and IPv4 hidden in IPv6 — is where a webhook could reach into the network the
 * sender runs in, so it is refused where private targets are not allowed.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === 'unicast';
}

export interface EndpointUrlRules {
  livemode: boolean;
  /** Development and tests send to local receivers; production never does. */
  allowPrivateTargets: boolean;
}

const MAX_URL_LENGTH = 2048;

/** A host written as an address (`10.0.0.1`, `[::1]`), without its brackets; else undefined. */
const literalAddressOf = (hostname: string) => {
  const bare = hostname.replace(/^\[|\]$/g, '');
  return ipaddr.isValid(bare) ? bare : undefined;
};

/**
 * An endpoint URL as it is kept, or BAD_USER_INPUT on `url`: absolute http(s) with a host, no
 * credentials or fragment, https in live mode, and no address outside the public internet where
 * private targets are refused. A host name is checked again at each send, against the
 * addresses it resolves to then (see guardedLookup).
 */
export function checkEndpointUrl(raw: string, rules: EndpointUrlRules): string {
  const refuse = (why: string) => badInput(`url ${why}`, 'url');
  if (raw.length > MAX_URL_LENGTH) throw refuse(`must be at most ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw refuse('must be an absolute URL such as https://example.com/webhooks');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refuse('must be http or https');
  if (rules.livemode && url.protocol !== 'https:') throw refuse('must use https in live mode');
  if (url.username || url.password) throw refuse('must not carry a user name or password');
  if (url.hash) throw refuse('must not have a fragment (#…)');
  if (!url.hostname) throw refuse('must name a host');
  const literal = literalAddressOf(url.hostname);
  if (!rules.allowPrivateTargets) {
    if (literal !== undefined && !isPublicAddress(literal))
      throw refuse('must not point at a private, loopback or link-local address');
    if (literal === undefined && /(^|\.)localhost\.?$/i.test(url.hostname))
      throw refuse('must not point at a private, loopback or link-local address');
  }
  return url.href;
}

export { literalAddressOf };
