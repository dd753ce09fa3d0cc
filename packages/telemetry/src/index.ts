export { nameThisPart, registry, scrapeMetrics } from './registry.js';
export { OperationLabels, UNKNOWN_OPERATION } from './operation-labels.js';
export {
  graphqlDuration,
  graphqlErrors,
  graphqlRequests,
  notificationDeliveryFailures,
  outboxOldestUnrelayedAge,
  outboxUnrelayed,
  payoutFailures,
  queueJobs,
  queueOldestWaitingAge,
  readCacheRequests,
  watchOutbox,
  watchQueue,
  type CountableQueue,
  type OutboxBacklog,
} from './metrics.js';
export {
  queueTelemetry,
  startTracing,
  stopTracing,
  tracer,
  tracingConfigured,
  tracingStarted,
  type TracingOptions,
} from './tracing.js';
