import { ReadCacheKeys, type ReadScope } from './keys.js';

/** The part of a Redis client the versions need (ioredis, standalone or Cluster, fits). */
export interface VersionStore {
  incr(key: string): Promise<number>;
}

/**
 * A counter per account and per platform, bumped once a change to what they read is committed.
 * A cached answer remembers the counters it was made under and counts only while they are
 * unchanged, so every gateway replica sees a change on its very next read.
 *
 * The counters never expire: if one vanished and restarted from zero, an answer cached under an
 * old value could match again. One small key per account is the price.
 */
export class ReadVersions {
  readonly keys: ReadCacheKeys;

  constructor(
    private readonly redis: VersionStore,
    prefix: string,
  ) {
    this.keys = new ReadCacheKeys(prefix);
  }

  /** Called after the change is committed: bumping before would let a reader cache the old data under the new version. */
  async bump(scopes: Iterable<ReadScope>): Promise<void> {
    const keys = new Set([...scopes].map((scope) => this.keys.version(scope)));
    await Promise.all([...keys].map((key) => this.redis.incr(key)));
  }
}
