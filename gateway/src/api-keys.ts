import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { CALLER_HEADER, signCaller, type Caller } from '@dash/auth-context';

type PlatformCaller = Extract<Caller, { kind: 'platform' }>;

/**
 * Asks identity which platform a secret key belongs to, and remembers the answer briefly so a
 * busy partner does not cost a round trip per request. A revoked key stops working within the
 * cache's lifetime.
 */
export class ApiKeyVerifier {
  private readonly cache = new LRUCache<string, PlatformCaller | 'invalid'>({
    max: 10_000,
    ttl: 10_000,
  });
  private readonly endpoint: string;

  constructor(
    identityGraphqlUrl: string,
    private readonly internalSecret: string,
  ) {
    this.endpoint = new URL('/internal/authenticate', identityGraphqlUrl).toString();
  }

  async verify(apiKey: string): Promise<PlatformCaller | undefined> {
    // The cache key is a hash: secrets never sit in memory longer than the request.
    const cacheKey = createHash('sha256').update(apiKey).digest('hex');
    const cached = this.cache.get(cacheKey);
    if (cached) return cached === 'invalid' ? undefined : cached;
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [CALLER_HEADER]: signCaller({ kind: 'service', service: 'gateway' }, this.internalSecret),
      },
      body: JSON.stringify({ apiKey }),
    });
    if (response.status === 401) {
      this.cache.set(cacheKey, 'invalid');
      return undefined;
    }
    if (!response.ok) throw new Error(`identity answered ${response.status} to a key check`);
    const { caller } = (await response.json()) as { caller: PlatformCaller };
    this.cache.set(cacheKey, caller);
    return caller;
  }
}
