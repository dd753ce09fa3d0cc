import type { DataSource } from 'typeorm';
import { createDataSource, migrateDatabase } from '@dash/db';
import { EVENT_MIGRATIONS, loadEventSettings, recordEvent, startOutboxRelay } from '@dash/events';
import { createLogger } from '@dash/logger';
import { notificationsService } from '@dash/notifications';
import { loadServiceConfig, migrateService } from '@dash/subgraph';
import {
  createTestDatabase,
  deleteRedisPrefix,
  testRedisPrefix,
  testRedisUrl,
} from '@dash/testing';
import { startProcess } from './processes.js';
import { benchSetting, inParallel, percentile } from './stats.js';

/**
 * The event pipeline end to end: a producing service commits `account.updated` events to its
 * outbox, its relay (in this process, as it runs inside the producer) publishes them to BullMQ,
 * and the notifications service (a process of its own) turns each into an activity item in its
 * own transaction. Two phases: a burst, for events per second through the whole pipeline; then a
 * steady rate below that, for the latency from commit to activity item (p50/p95).
 */
const BURST = benchSetting('BENCH_EVENTS', 20_000);
const RATE = benchSetting('BENCH_RATE', 1_000);
const STEADY_S = benchSetting('BENCH_DURATION', 10);
const WRITERS = benchSetting('BENCH_WRITERS', 8);
const PER_TRANSACTION = 20;
const ACCOUNTS = 1_000;

const subject = (n: number) => ({
  accountId: `acct_bench${n % ACCOUNTS}`,
  platformId: 'plat_bench',
  livemode: false,
});

/** Commits `count` events, PER_TRANSACTION to a transaction, from WRITERS writers at once. */
async function produce(producer: DataSource, count: number, offset: number): Promise<void> {
  await inParallel(Math.ceil(count / PER_TRANSACTION), WRITERS, async (batch) => {
    const start = batch * PER_TRANSACTION;
    await producer.transaction(async (manager) => {
      for (let i = start; i < Math.min(start + PER_TRANSACTION, count); i += 1)
        await recordEvent(manager, 'bench', 'account.updated', subject(offset + i), {
          fields: ['businessProfile.url'],
          by: 'account',
        });
    });
  });
}

async function countProcessed(consumer: DataSource): Promise<number> {
  const [row] = (await consumer.query('SELECT COUNT(*) AS n FROM processed_events')) as Array<{
    n: string;
  }>;
  return Number(row!.n);
}

async function waitForProcessed(consumer: DataSource, total: number): Promise<void> {
  const deadline = Date.now() + 10 * 60_000;
  while ((await countProcessed(consumer)) < total) {
    if (Date.now() > deadline) throw new Error('events did not all arrive in 10 minutes');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const producerDb = await createTestDatabase('bench_producer');
const consumerDb = await createTestDatabase('bench_notifications');
const prefix = testRedisPrefix('bench_events');
const env = {
  MYSQL_URL: consumerDb.url,
  DASH_NOTIFICATIONS_DATABASE: consumerDb.database,
  REDIS_URL: testRedisUrl(),
  DASH_REDIS_PREFIX: prefix,
  NODE_ENV: 'test',
  DASH_INTERNAL_SECRET: 'bench-internal-secret-0123456789-abcdef',
};
const log = createLogger('bench', 'warn');
await migrateService(notificationsService, loadServiceConfig(notificationsService, env));
const producerOptions = {
  url: producerDb.url,
  database: producerDb.database,
  entities: [],
  migrations: EVENT_MIGRATIONS,
  poolSize: WRITERS + 4,
};
await migrateDatabase(producerOptions);
const producer = createDataSource(producerOptions);
await producer.initialize();
const consumer = createDataSource({
  url: consumerDb.url,
  database: consumerDb.database,
  entities: [],
  migrations: [],
});
await consumer.initialize();
const notifications = await startProcess('notifications', env);
const relay = startOutboxRelay({ dataSource: producer, settings: loadEventSettings(env), log });
try {
  // Burst: everything committed as fast as the writers can, then drained.
  const burstStart = performance.now();
  await produce(producer, BURST, 0);
  const committedMs = performance.now() - burstStart;
  await waitForProcessed(consumer, BURST);
  const burstMs = performance.now() - burstStart;

  // Steady: RATE events a second for STEADY_S seconds; latency from commit to activity item.
  const steadyTotal = RATE * STEADY_S;
  const perTick = Math.max(1, Math.round(RATE / 10));
  for (let tick = 0; tick < STEADY_S * 10; tick += 1) {
    const tickStart = performance.now();
    await produce(producer, perTick, BURST + tick * perTick);
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, 100 - (performance.now() - tickStart))),
    );
  }
  await waitForProcessed(consumer, BURST + steadyTotal);
  const latencies = (
    (await consumer.query(
      `SELECT TIMESTAMPDIFF(MICROSECOND, o.occurred_at, p.processed_at) / 1000 AS ms
       FROM processed_events p JOIN \`${producerDb.database}\`.outbox_events o ON o.id = p.event_id
       WHERE o.account_id <> '' ORDER BY o.occurred_at DESC LIMIT ${steadyTotal}`,
    )) as Array<{ ms: string }>
  )
    .map((row) => Number(row.ms))
    .sort((a, b) => a - b);
  const [items] = (await consumer.query('SELECT COUNT(*) AS n FROM activity_items')) as Array<{
    n: string;
  }>;

  console.log(`event pipeline: outbox → relay → BullMQ → notifications consumer → activity item`);
  console.log(
    `  burst        ${BURST} events from ${WRITERS} writers: committed in ${(committedMs / 1000).toFixed(1)} s, all handled in ${(burstMs / 1000).toFixed(1)} s → ${Math.round(BURST / (burstMs / 1000))} events/s`,
  );
  console.log(
    `  steady       ${RATE} events/s for ${STEADY_S} s: commit → activity item p50 ${percentile(latencies, 50).toFixed(0)} ms   p95 ${percentile(latencies, 95).toFixed(0)} ms   p99 ${percentile(latencies, 99).toFixed(0)} ms   max ${latencies.at(-1)!.toFixed(0)} ms`,
  );
  console.log(
    `  activity items ${items!.n} (one per event: ${Number(items!.n) === BURST + steadyTotal})`,
  );
} finally {
  await relay.stop();
  await notifications.stop();
  await producer.destroy();
  await consumer.destroy();
  await producerDb.drop();
  await consumerDb.drop();
  await deleteRedisPrefix(testRedisUrl(), prefix);
}
