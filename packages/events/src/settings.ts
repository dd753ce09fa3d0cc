import { count, loadConfig, positiveInt, redisPrefix, redisUrl } from '@dash/config';

export interface EventSettings {
  redisUrl: string;
  prefix: string;
  /**
   * How often the relay looks for events other processes committed (DASH_OUTBOX_POLL_MS); this
   * process's own events are published as soon as they commit (see roundGapMs).
   */
  pollMs: number;
  /**
   * The least time between the starts of two relay rounds that this process's commits ask for
   * (DASH_OUTBOX_ROUND_GAP_MS): under load, how long an event may wait so that it goes with others.
   */
  roundGapMs: number;
  /** Events published per round trip (DASH_OUTBOX_BATCH). */
  batchSize: number;
  /** Events handled at once by one consumer (DASH_EVENT_CONCURRENCY). */
  concurrency: number;
}

export function loadEventSettings(env: Record<string, string | undefined>): EventSettings {
  const raw = loadConfig(
    {
      REDIS_URL: redisUrl(),
      DASH_REDIS_PREFIX: redisPrefix(),
      DASH_OUTBOX_POLL_MS: positiveInt(200),
      DASH_OUTBOX_ROUND_GAP_MS: count('milliseconds', 50),
      DASH_OUTBOX_BATCH: positiveInt(500),
      // Handlers mostly wait on the database: more in flight than connections keeps the pool busy.
      DASH_EVENT_CONCURRENCY: positiveInt(32),
    },
    env,
  );
  return {
    redisUrl: raw.REDIS_URL,
    prefix: raw.DASH_REDIS_PREFIX,
    pollMs: raw.DASH_OUTBOX_POLL_MS,
    roundGapMs: raw.DASH_OUTBOX_ROUND_GAP_MS,
    batchSize: raw.DASH_OUTBOX_BATCH,
    concurrency: raw.DASH_EVENT_CONCURRENCY,
  };
}
