import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { formatErrorFor } from '@dash/errors';
import { createLogger, type Logger } from '@dash/logger';
import { healthRouter, listen } from '@dash/server-kit';
import { authenticate } from './authenticate.js';
import { CallerForwardingDataSource } from './caller-forwarding.js';
import { SUPERGRAPH_FILE } from './compose.js';
import type { GatewayConfig } from './config.js';
import type { GatewayContext } from './context.js';
import type { SubgraphName } from './subgraphs.js';

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * The one public GraphQL endpoint: serves the checked-in supergraph, authenticates each request
 * and forwards the signed caller to the subgraphs the query plan needs.
 */
export async function startGateway(
  config: GatewayConfig,
  options: { log?: Logger; supergraphSdl?: string } = {},
): Promise<RunningGateway> {
  const log = options.log ?? createLogger('gateway');
  const supergraphSdl = options.supergraphSdl ?? (await readFile(SUPERGRAPH_FILE, 'utf8'));
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) =>
      new CallerForwardingDataSource(
        config.subgraphUrls[name as SubgraphName],
        config.internalSecret,
      ),
  });

  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: formatErrorFor(log),
    includeStacktraceInErrorResponses: false,
    introspection: config.nodeEnv !== 'production',
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();

  let draining = false;
  app.use(healthRouter({}, () => draining));
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        caller: authenticate(req, config),
        requestId:
          typeof req.headers['x-request-id'] === 'string'
            ? req.headers['x-request-id']
            : randomUUID(),
      }),
    }),
  );

  const port = await listen(httpServer, config.port, config.host);
  const url = `http://${config.host}:${port}/graphql`;
  log.info({ url }, 'gateway listening');
  return {
    url,
    port,
    async stop() {
      draining = true;
      await apollo.stop();
      log.info('gateway stopped');
    },
  };
}
