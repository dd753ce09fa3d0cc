import { queueKeyPrefix } from '@dash/queue';

/** Whose reads a version covers: one connected account, or a platform (its branding, features). */
export type ReadScope = { accountId: string } | { platformId: string };

/**
 * Where the read cache keeps its keys. Every key sits under the environment's prefix in one
 * `{hash tag}` (as the queues do, see queueKeyPrefix), so a lookup's versions and entry live on
 * one Redis Cluster slot and one MGET reads them all.
 */
export class ReadCacheKeys {
  private readonly base: string;

  constructor(prefix: string) {
    this.base = `${queueKeyPrefix(prefix)}:read`;
  }

  version(scope: ReadScope): string {
    return 'accountId' in scope
      ? `${this.base}:version:account:${scope.accountId}`
      : `${this.base}:version:platform:${scope.platformId}`;
  }

  entry(hash: string): string {
    return `${this.base}:entry:${hash}`;
  }
}
