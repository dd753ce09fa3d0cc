import { Counter, Gauge, Histogram } from 'prom-client';
import { registry } from './registry.js';

/**
 * Every metric the parts export, declared once so the dashboard and alert rules
 * (infra/grafana) name only what exists. `part` comes from the registry's default label,
 * except on the GraphQL series, where it names the server that answered.
 */

export const graphqlRequests = new Counter({
  name: 'dash_graphql_requests_total',
  help: 'GraphQL operations answered, by operation name and type.',
  labelNames: ['part', 'operation', 'type'] as const,
  registers: [registry],
});

export const graphqlErrors = new Counter({
  name: 'dash_graphql_errors_total',
  help: 'Errors in GraphQL answers, by operation and error code.',
  labelNames: ['part', 'operation', 'type', 'code'] as const,
  registers: [registry],
});

export const graphqlDuration = new Histogram({
  name: 'dash_graphql_request_duration_seconds',
  help: 'Time from receiving a GraphQL operation to sending its answer.',
  labelNames: ['part', 'operation', 'type'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const readCacheRequests = new Counter({
  name: 'dash_read_cache_requests_total',
  help: 'Gateway operations by what the read cache did: answered (hit), computed and kept (miss), or not cacheable (bypass).',
  labelNames: ['result'] as const,
  registers: [registry],
});

export const payoutFailures = new Counter({
  name: 'dash_payout_failures_total',
  help: 'Payouts that failed at the bank, by failure code.',
  labelNames: ['code'] as const,
  registers: [registry],
});

export const notificationDeliveryFailures = new Counter({
  name: 'dash_notification_delivery_failures_total',
  help: 'Notification sends that failed (each failed attempt), by channel.',
  labelNames: ['channel'] as const,
  registers: [registry],
});

/** Queue and outbox gauges are read when scraped, from the sources registered with them. */
type Collect = () => Promise<void>;
const queueCollectors = new Set<Collect>();
const outboxCollectors = new Set<Collect>();

export const queueJobs = new Gauge({
  name: 'dash_queue_jobs',
  help: 'Jobs in a BullMQ queue, by state (waiting, active, delayed, failed).',
  labelNames: ['queue', 'state'] as const,
  registers: [registry],
  async collect() {
    await Promise.all([...queueCollectors].map((collect) => collect()));
  },
});

export const queueOldestWaitingAge = new Gauge({
  name: 'dash_queue_oldest_waiting_age_seconds',
  help: 'Age of the oldest job waiting in a BullMQ queue (0 when none waits).',
  labelNames: ['queue'] as const,
  registers: [registry],
});

export const outboxUnrelayed = new Gauge({
  name: 'dash_outbox_unrelayed_events',
  help: 'Domain events written to the outbox and not yet relayed to the queues.',
  labelNames: ['service'] as const,
  registers: [registry],
  async collect() {
    await Promise.all([...outboxCollectors].map((collect) => collect()));
  },
});

export const outboxOldestUnrelayedAge = new Gauge({
  name: 'dash_outbox_oldest_unrelayed_age_seconds',
  help: 'Age of the oldest domain event not yet relayed (0 when none waits).',
  labelNames: ['service'] as const,
  registers: [registry],
});

/** What a queue gauge needs of a BullMQ queue. */
export interface CountableQueue {
  name: string;
  getJobCounts(...states: string[]): Promise<Record<string, number>>;
  getWaiting(start?: number, end?: number): Promise<Array<{ timestamp: number } | undefined>>;
}

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/**
 * Reports a queue's depth and the age of its oldest waiting job on every scrape, until the
 * returned function is called. A scrape while Redis is down leaves the last values (the
 * dependency's own alert says Redis is down).
 */
export function watchQueue(queue: CountableQueue): () => void {
  const collect = async () => {
    try {
      const [counts, oldest] = await Promise.all([
        queue.getJobCounts(...QUEUE_STATES),
        queue.getWaiting(-1, -1),
      ]);
      for (const state of QUEUE_STATES)
        queueJobs.set({ queue: queue.name, state }, counts[state] ?? 0);
      const timestamp = oldest[0]?.timestamp;
      queueOldestWaitingAge.set(
        { queue: queue.name },
        timestamp ? Math.max(0, (Date.now() - timestamp) / 1000) : 0,
      );
    } catch {
      // Unreachable Redis: keep the previous values rather than fail the whole scrape.
    }
  };
  queueCollectors.add(collect);
  return () => queueCollectors.delete(collect);
}

/** The outbox's waiting events: how many, and when the oldest was written. */
export type OutboxBacklog = () => Promise<{ count: number; oldest: Date | null }>;

/** Reports a service's outbox lag on every scrape, until the returned function is called. */
export function watchOutbox(service: string, backlog: OutboxBacklog): () => void {
  const collect = async () => {
    try {
      const { count, oldest } = await backlog();
      outboxUnrelayed.set({ service }, count);
      outboxOldestUnrelayedAge.set(
        { service },
        oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0,
      );
    } catch {
      // Unreachable database: keep the previous values rather than fail the whole scrape.
    }
  };
  outboxCollectors.add(collect);
  return () => outboxCollectors.delete(collect);
}
