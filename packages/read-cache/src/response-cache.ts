import type { RedisClient } from '@dash/queue';
import { ReadCacheKeys, type ReadScope } from './keys.js';

/** What a lookup found: the versions read now (to store a fresh answer under), and a valid answer if any. */
export interface CacheLookup<Body> {
  versions: string;
  body?: Body;
}

/**
 * Answers stored in Redis (shared by every gateway replica) with the read versions they were made
 * under. A lookup is one round trip — MGET of the versions and the entry — and an entry counts
 * only while its versions are still the current ones.
 */
export class ResponseCache<Body> {
  private readonly keys: ReadCacheKeys;

  constructor(
    private readonly redis: RedisClient,
    prefix: string,
    private readonly ttlMs: number,
  ) {
    this.keys = new ReadCacheKeys(prefix);
  }

  async lookup(hash: string, scopes: readonly ReadScope[]): Promise<CacheLookup<Body>> {
    const values = await this.redis.mget(
      ...scopes.map((scope) => this.keys.version(scope)),
      this.keys.entry(hash),
    );
    const entry = values.pop();
    const versions = values.map((value) => value ?? '0').join(':');
    // Stored as "<versions>\n<body>", so an outdated entry is told apart without parsing it.
    if (entry?.startsWith(`${versions}\n`))
      return { versions, body: JSON.parse(entry.slice(versions.length + 1)) as Body };
    return { versions };
  }

  /** Keeps `body` under the versions its lookup read (before it was computed), for the TTL. */
  async store(hash: string, versions: string, body: Body): Promise<void> {
    await this.redis.set(
      this.keys.entry(hash),
      `${versions}\n${JSON.stringify(body)}`,
      'PX',
      this.ttlMs,
    );
  }
}
