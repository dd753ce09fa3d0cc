import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { postAsService, type Caller } from '@dash/auth-context';
import type { SecretKeys } from '@dash/config';

export type Credential = { apiKey: string } | { sessionToken: string };

// Cache keys are hashes: secrets never sit in memory longer than their request.
const cacheKeyOf = (credential: Credential) =>
  createHash('sha256').update(JSON.stringify(credential)).digest('hex');

/**
 * Asks identity who holds an API key or a session token, and remembers the answer briefly so a
 * busy client does not cost a round trip per request. A revoked key or ended session stops
 * working within the cache's lifetime (10 s).
 */
export class IdentityCheck {
  private readonly cache = new LRUCache<string, Caller | 'invalid'>({ max: 10_000, ttl: 10_000 });
  private readonly endpoint: string;

  constructor(
    identityGraphqlUrl: string,
    private readonly internalSecret: SecretKeys,
  ) {
    this.endpoint = new URL('/internal/authenticate', identityGraphqlUrl).toString();
  }

  async verify(credential: Credential): Promise<Caller | undefined> {
    const cacheKey = cacheKeyOf(credential);
    const cached = this.cache.get(cacheKey);
    if (cached) return cached === 'invalid' ? undefined : cached;
    const response = await postAsService(this.endpoint, credential, {
      service: 'gateway',
      audience: 'identity',
      secret: this.internalSecret,
    });
    if (response.status === 401) {
      this.cache.set(cacheKey, 'invalid');
      return undefined;
    }
    if (!response.ok) throw new Error(`identity answered ${response.status} to a credential check`);
    const { caller } = (await response.json()) as { caller: Caller };
    this.cache.set(cacheKey, caller);
    return caller;
  }

  /** Sign-out must take effect at once for the browser that signed out. */
  forget(credential: Credential): void {
    this.cache.delete(cacheKeyOf(credential));
  }
}
