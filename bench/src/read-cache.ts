import { createCommandConnection } from '@dash/queue';
import { ReadCacheKeys } from '@dash/read-cache';
import { scrapeMetric } from '@dash/testing';

/**
 * Our gateway's read cache as the benchmark handles it: emptied before each of our rounds, so a
 * round never replays answers a previous round stored (only an account coming back within the
 * round is answered from it, as in use), and how many answers came from it.
 */
export class BenchReadCache {
  private readonly redis;
  private readonly entries: string;

  constructor(
    redisUrl: string,
    prefix: string,
    private readonly gatewayUrl: string,
  ) {
    this.redis = createCommandConnection(redisUrl, 10_000);
    this.entries = new ReadCacheKeys(prefix).entry('*');
  }

  async empty(): Promise<void> {
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', this.entries, 'COUNT', 1000);
      if (keys.length > 0) await this.redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  }

  /** Requests the cache answered, and all it was asked, since the gateway started. */
  async counts(): Promise<{ hits: number; asked: number }> {
    const [hit, miss] = await Promise.all(
      ['hit', 'miss'].map((result) =>
        scrapeMetric(this.gatewayUrl, 'dash_read_cache_requests_total', { result }),
      ),
    );
    return { hits: hit!, asked: hit! + miss! };
  }

  close(): void {
    this.redis.disconnect();
  }
}
