import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Queue } from 'bullmq';
import type { Router } from 'express';
import { queueKeyPrefix, type RedisClient } from '@dash/queue';
import { declaredQueueNames, existingQueueNames } from './queue-names.js';

export interface QueueBoard {
  router: Router;
  /** Adds the queues that appeared in Redis since the last look; returns their names. */
  refresh(): Promise<string[]>;
  queueNames(): string[];
  close(): Promise<void>;
}

/**
 * bull-board over every queue of the product: the declared ones at once, the others as they
 * appear in Redis. Operators may act on jobs (retry, promote, clean, remove), so it is not
 * read-only; who did what is logged by the action log in front of it.
 */
export function createQueueBoard(options: {
  /** For looking up which queues exist. */
  commands: RedisClient;
  /** For the queues themselves. */
  queuesConnection: RedisClient;
  prefix: string;
  basePath: string;
}): QueueBoard {
  const { commands, queuesConnection } = options;
  // Where the queues' keys are: the prefix with its hash tag, as every queue and worker uses it.
  const prefix = queueKeyPrefix(options.prefix);
  const serverAdapter = new ExpressAdapter().setBasePath(options.basePath);
  const board = createBullBoard({
    queues: [],
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Express Dashboard queues' } },
  });
  const queues = new Map<string, Queue>();

  const add = (name: string) => {
    if (queues.has(name)) return false;
    const queue = new Queue(name, { connection: queuesConnection, prefix });
    // A Redis outage fails the board's own requests; without a listener BullMQ would also log it.
    queue.on('error', () => {});
    queues.set(name, queue);
    board.addQueue(new BullMQAdapter(queue));
    return true;
  };

  for (const name of declaredQueueNames()) add(name);

  const refresh = async () =>
    (await existingQueueNames(commands, prefix)).sort().filter((name) => add(name));

  return {
    router: serverAdapter.getRouter() as Router,
    refresh,
    queueNames: () => [...queues.keys()].sort(),
    async close() {
      await Promise.all([...queues.values()].map((queue) => queue.close()));
    },
  };
}
