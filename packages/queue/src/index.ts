export {
  connectRedis,
  createCommandConnection,
  createProducerConnection,
  createRedisConnection,
  type RedisClient,
} from './connection.js';
export { defineQueue, type JobMap, type QueueDefinition } from './define.js';
export {
  DEFAULT_JOB_OPTIONS,
  queueKeyPrefix,
  TypedQueue,
  type AddOptions,
  type QueueSettings,
} from './queue.js';
export {
  createWorker,
  startWorker,
  type JobHandlers,
  type RunningWorker,
  type WorkerSettings,
} from './worker.js';
export { UnrecoverableError, type Job, type JobsOptions, type Worker } from 'bullmq';
export { openProducer, openQueue } from './open.js';
export { startScheduledJobs, type ScheduledJob } from './scheduled.js';
