import { createServer } from 'node:http';
import express from 'express';
import { createCommandConnection, createProducerConnection } from '@dash/queue';
import type { Logger } from '@dash/logger';
import { healthRouter, jsonErrors, jsonNotFound, listen, requestIds } from '@dash/server-kit';
import { actionLog } from './action-log.js';
import { clientAddressResolver } from './client-address.js';
import type { ConsoleConfig } from './config.js';
import { operatorAuth } from './operator-auth.js';
import { createQueueBoard } from './queue-board.js';
import { queuesReachable } from './queues-reachable.js';
import { sameOriginActions } from './same-origin-actions.js';
import { securityHeaders } from './security-headers.js';

/** How often the console looks for queues that appeared since it started. */
const REFRESH_QUEUES_EVERY_MS = 30_000;

export interface RunningConsole {
  port: number;
  /** Looks for new queues now (the console also does so on its own). */
  refreshQueues(): Promise<string[]>;
  queueNames(): string[];
  stop(): Promise<void>;
}

/**
 * The operator console: /health, /ready and /metrics open to the orchestrator and Prometheus (they
 * show nothing of the queues' contents), everything else (the board's
 * pages, static files and API) behind an operator token, with security headers on every answer.
 */
export async function startConsole(
  config: ConsoleConfig,
  { log }: { log: Logger },
): Promise<RunningConsole> {
  // Nothing the console does may wait out a Redis outage: plain commands (sign-in counts, looking
  // for queues) time out after a second, and the board's queue reads fail at once.
  const commands = createCommandConnection(config.redisUrl);
  const queuesConnection = createProducerConnection(config.redisUrl);
  const board = createQueueBoard({
    commands,
    queuesConnection,
    prefix: config.redisPrefix,
    basePath: '/',
  });
  let draining = false;

  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.use(requestIds());
  app.use(healthRouter({ redis: () => commands.ping() }, () => draining, 'console'));
  app.use(
    operatorAuth({
      tokens: config.tokens,
      redis: commands,
      prefix: config.redisPrefix,
      failedAttemptsPerWindow: config.failedAttemptsPerWindow,
      clientIpOf: clientAddressResolver(config.trustedProxies),
    }),
  );
  app.use(actionLog(log, '/api/'));
  app.use(sameOriginActions());
  app.use('/api/', queuesReachable(queuesConnection));
  app.use(board.router);
  app.use(jsonNotFound());
  app.use(jsonErrors(log));

  const server = createServer(app);
  const port = await listen(server, config.port, config.host);

  const refreshQueues = async () => {
    const added = await board.refresh();
    if (added.length > 0) log.info({ queues: added }, 'queues added to the console');
    return added;
  };
  const refreshOrWarn = () =>
    refreshQueues().catch((error: unknown) => {
      log.warn({ err: error }, 'cannot look for new queues');
      return [];
    });
  // Started without Redis, the console still serves /health and shows the declared queues; the
  // others appear with the next look that Redis answers.
  await refreshOrWarn();
  const timer = setInterval(() => void refreshOrWarn(), REFRESH_QUEUES_EVERY_MS);
  timer.unref();

  log.info({ port, queues: board.queueNames(), operators: config.tokens.ids }, 'console ready');
  return {
    port,
    refreshQueues,
    queueNames: board.queueNames,
    async stop() {
      draining = true;
      clearInterval(timer);
      server.closeIdleConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await board.close();
      commands.disconnect();
      queuesConnection.disconnect();
    },
  };
}
