import http from 'node:http';
import express from 'express';
import type { Logger } from '@dash/logger';
import { healthRouter, type ReadinessChecks } from './health.js';
import { jsonErrors, jsonNotFound } from './json-errors.js';
import { listen } from './listen.js';
import type { RunningServer } from './graphql-server.js';

export interface HealthServerOptions {
  /** What the logs call it: "payouts worker". */
  name: string;
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  log: Logger;
  readiness: ReadinessChecks;
}

/**
 * The HTTP face of a process that serves no API (a worker): its orchestrator still needs to ask
 * whether it is alive and ready, so it answers /health and /ready — and JSON 404 to anything else.
 */
export async function startHealthServer(options: HealthServerOptions): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  let draining = false;
  app.use(healthRouter(options.readiness, () => draining));
  app.use(jsonNotFound());
  app.use(jsonErrors(options.log));
  const httpServer = http.createServer(app);
  const port = await listen(httpServer, options.port, options.host);
  const url = `http://${options.host}:${port}`;
  options.log.info({ url }, `${options.name} listening`);
  return {
    url,
    port,
    async stop() {
      draining = true;
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      options.log.info(`${options.name} stopped`);
    },
  };
}
