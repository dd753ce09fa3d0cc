import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { Router } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { SecretKeys } from '@dash/config';
import type { Logger } from '@dash/logger';
import { startGraphqlServer, type ReadinessChecks, type RunningServer } from '@dash/server-kit';
import { baseContextFrom, carriesValidCaller, type BaseContext } from './context.js';

export interface SubgraphServerOptions<Context extends BaseContext> {
  name: string;
  schema: GraphQLSchema;
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** This service's keys (held by it: caller headers must be addressed to it). */
  internalSecret: SecretKeys;
  log: Logger;
  /** Dependencies that must answer before the service takes traffic (database, Redis). */
  readiness: ReadinessChecks;
  /** Adds the service's own dependencies to each request's context. */
  buildContext: (base: BaseContext) => Context;
  /** Internal HTTP routes, callable only by our own services (see `internalRoutes`). */
  routes?: Router;
}

/** Starts one subgraph; every request must carry the gateway's signed caller. */
export function startSubgraphServer<Context extends BaseContext>(
  options: SubgraphServerOptions<Context>,
): Promise<RunningServer> {
  return startGraphqlServer<Context>({
    name: `${options.name} subgraph`,
    part: options.name,
    // The gateway's request id is taken only with its signed caller: nobody else names requests.
    trustsRequestId: (request) => carriesValidCaller(request.headers, options.internalSecret),
    // Inline traces are for Apollo's hosted studio, which a self-hosted install does not use.
    apollo: { schema: options.schema, plugins: [ApolloServerPluginInlineTraceDisabled()] },
    host: options.host,
    port: options.port,
    log: options.log,
    // Subgraphs are internal; the gateway owns the public surface.
    introspection: process.env.NODE_ENV !== 'production',
    readiness: options.readiness,
    ...(options.routes ? { routes: options.routes } : {}),
    context: async (request, response) =>
      options.buildContext(
        baseContextFrom(request.headers, options.internalSecret, options.log, (name, value) =>
          response.setHeader(name, value),
        ),
      ),
  });
}
