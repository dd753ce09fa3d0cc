import http from 'node:http';
import { ApolloServer, type ApolloServerOptions, type BaseContext } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { formatErrorFor } from '@dash/errors';
import type { Logger } from '@dash/logger';
import { nameThisPart } from '@dash/telemetry';
import { admitBatchMiddleware, type BatchingOptions } from './batch-admission.js';
import { GraphqlMetrics } from './graphql-metrics.js';
import { GRAPHQL_BODY_LIMIT_BYTES, graphqlRoute, type Guard } from './graphql-route.js';
import { healthRouter, type ReadinessChecks } from './health.js';
import { reenterRequestScope, requestIds, type TrustsRequestId } from './request-id.js';
import { inputErrorsPlugin } from './input-errors.js';
import { jsonErrors, jsonNotFound, withRequestIdOf } from './json-errors.js';
import { listen } from './listen.js';
import { PlainExecution } from './plain-execution.js';

export interface GraphqlServerOptions<Context extends BaseContext> {
  /** What the logs call it: "gateway", "ledger subgraph". */
  name: string;
  /** The part's name in metrics ("gateway", "ledger"); `name` when not given. */
  part?: string;
  /** Whose Request-Id is taken as the request's own (otherwise each request gets a new one). */
  trustsRequestId?: TrustsRequestId;
  /**
   * The schema (a subgraph) or gateway (the gateway), plus any extra plugins. With a schema,
   * plugins hear only of the requests Apollo Server answers: ordinary operations are executed
   * without its pipeline (see PlainExecution), so per-operation work belongs in the resolvers.
   */
  apollo: Pick<ApolloServerOptions<Context>, 'plugins' | 'validationRules'> &
    (
      | { schema: NonNullable<ApolloServerOptions<Context>['schema']> }
      | { gateway: NonNullable<ApolloServerOptions<Context>['gateway']> }
    );
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  log: Logger;
  introspection: boolean;
  /** Dependencies that must answer before the server takes traffic. */
  readiness: ReadinessChecks;
  context: (request: IncomingMessage, response: ServerResponse) => Promise<Context>;
  /** Extra HTTP routes (internal endpoints), mounted beside /graphql. */
  routes?: express.Router;
  /** Run before the routes and /graphql, on every request but /health and /ready (limits). */
  guards?: Guard[];
  /** Takes lists of operations in one request (the gateway, for pages that ask at once). */
  batching?: BatchingOptions;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Stops taking requests, lets in-flight ones finish, then closes the listener. */
  stop(): Promise<void>;
}

/**
 * Apollo Server on Express the way every server here runs it: GraphQL at /graphql with typed
 * errors and no stack traces, /health and /ready, JSON for every refusal (a body that is not
 * JSON, a path that does not exist, an unexpected throw), and a stop() that drains before closing.
 */
export async function startGraphqlServer<Context extends BaseContext>(
  options: GraphqlServerOptions<Context>,
): Promise<RunningServer> {
  const { log } = options;
  const part = options.part ?? options.name;
  nameThisPart(part);
  const app = express();
  app.disable('x-powered-by');
  // Filled in once Apollo has started: until then nothing listens.
  let serveGraphql: (req: IncomingMessage, res: ServerResponse) => boolean = () => false;
  const httpServer = http.createServer((req, res) => {
    if (!serveGraphql(req, res)) app(req, res);
  });
  const metrics = new GraphqlMetrics(part);
  const formatError = withRequestIdOf(formatErrorFor(log));
  const apollo = new ApolloServer<Context>({
    ...options.apollo,
    allowBatchedHttpRequests: options.batching !== undefined,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: options.introspection,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Cache hints are for HTTP caches and Apollo's router; the gateway keeps its own read cache.
      // The hint plugin wraps every field's resolver, which measured as much as the rest of a
      // small subgraph request together.
      ApolloServerPluginCacheControlDisabled(),
      inputErrorsPlugin<Context>(),
      metrics.plugin<Context>(),
      ...(options.apollo.plugins ?? []),
    ],
  } as ApolloServerOptions<Context>);
  await apollo.start();
  // A schema's own operations skip Apollo's pipeline when they can (see PlainExecution); the
  // gateway's are planned and sent on by Apollo's gateway, which only that pipeline drives.
  const plain =
    'schema' in options.apollo
      ? new PlainExecution({
          schema: options.apollo.schema,
          introspection: options.introspection,
          validationRules: options.apollo.validationRules ?? [],
          formatError,
          metrics,
        })
      : undefined;
  serveGraphql = graphqlRoute<Context>({
    apollo,
    plain,
    trustsRequestId: options.trustsRequestId,
    guards: options.guards ?? [],
    batching: options.batching,
    context: options.context,
    log,
  });

  let draining = false;
  app.use(requestIds(options.trustsRequestId));
  app.use(healthRouter(options.readiness, () => draining, part));
  for (const guard of options.guards ?? []) app.use(guard);
  if (options.routes) app.use(options.routes);
  // What graphqlRoute does not take (a GET, another kind of body) is served here.
  app.use(
    '/graphql',
    express.json({ limit: GRAPHQL_BODY_LIMIT_BYTES }),
    admitBatchMiddleware(options.batching),
    reenterRequestScope(),
    expressMiddleware(apollo, { context: ({ req, res }) => options.context(req, res) }),
  );
  app.use(jsonNotFound());
  app.use(jsonErrors(log));

  const port = await listen(httpServer, options.port, options.host);
  const url = `http://${options.host}:${port}/graphql`;
  log.info({ url }, `${options.name} listening`);
  return {
    url,
    port,
    async stop() {
      draining = true;
      plain?.stop();
      await apollo.stop();
      log.info(`${options.name} stopped`);
    },
  };
}
