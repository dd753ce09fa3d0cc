import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from '@dash/logger';
import { baseContextFrom, type BaseContext } from './context.js';
import { formatErrorFor } from '@dash/errors';
import { healthRouter, listen, type ReadinessChecks } from '@dash/server-kit';

export interface SubgraphServerOptions<Context extends BaseContext> {
  name: string;
  schema: GraphQLSchema;
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  internalSecret: string;
  log: Logger;
  /** Dependencies that must answer before the service takes traffic (database, Redis). */
  readiness: ReadinessChecks;
  /** Adds the service's own dependencies to each request's context. */
  buildContext: (base: BaseContext) => Context;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Stops taking requests, lets in-flight ones finish, then closes the listener. */
  stop(): Promise<void>;
}

/** Starts one subgraph: GraphQL at /graphql, /health and /ready, and a draining stop(). */
export async function startSubgraphServer<Context extends BaseContext>(
  options: SubgraphServerOptions<Context>,
): Promise<RunningServer> {
  const { log } = options;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    schema: options.schema,
    formatError: formatErrorFor(log),
    includeStacktraceInErrorResponses: false,
    // Subgraphs are internal; the gateway owns the public surface and its landing page.
    introspection: process.env.NODE_ENV !== 'production',
    // Inline traces are for Apollo's hosted studio, which a self-hosted install does not use.
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(),
    ],
  });
  await apollo.start();

  let draining = false;
  app.use(healthRouter(options.readiness, () => draining));
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        options.buildContext(baseContextFrom(req.headers, options.internalSecret, log)),
    }),
  );

  const port = await listen(httpServer, options.port, options.host);
  const url = `http://${options.host}:${port}/graphql`;
  log.info({ url }, `${options.name} subgraph listening`);

  return {
    url,
    port,
    async stop() {
      draining = true;
      await apollo.stop();
      log.info(`${options.name} subgraph stopped`);
    },
  };
}
