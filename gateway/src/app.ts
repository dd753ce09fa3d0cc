import { readFile } from 'node:fs/promises';
import { ApolloGateway } from '@apollo/gateway';
import { ReadVersions, ResponseCache } from '@dash/read-cache';
import { createCommandConnection } from '@dash/queue';
import { createLogger, type Logger } from '@dash/logger';
import { requestIdOf, startGraphqlServer, type RunningServer } from '@dash/server-kit';
import { authenticate } from './authenticate.js';
import { IdentityCheck } from './identity-check.js';
import { queryCostPlugin, queryLimitRules } from './query-limits.js';
import { landingPagePlugin } from './landing-page.js';
import { readCachePlugin, type CachedAnswer } from './read-cache.js';
import { fileRoutes } from './file.routes.js';
import { embedCors } from './embedded/embed-cors.js';
import { embeddedOperationsPlugin } from './embedded/embedded-operations.js';
import { clientIpResolver, isFromTrustedProxy } from './client-ip.js';
import { requestLimiter } from './request-limits.js';
import { sessionTokenOf } from './session-cookie.js';
import { CallerForwardingDataSource } from './caller-forwarding.js';
import { SUPERGRAPH_FILE } from './compose.js';
import { keepVendorTelemetryOff } from './vendor-telemetry.js';
import type { GatewayConfig } from './config.js';
import type { GatewayContext } from './context.js';
import type { SubgraphName } from '@dash/contracts';

export type RunningGateway = RunningServer;

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
  const redis = createCommandConnection(config.redisUrl);
  const identity = IdentityCheck.of(config, redis);
  const secureCookies = config.nodeEnv === 'production';
  const clientIpOf = clientIpResolver(config.trustedProxies);
  const limits = requestLimiter(redis, config.redisPrefix, config.requestLimits, {
    clientIpOf,
    sessionTokenOf: (request) => sessionTokenOf(request, secureCookies),
  });
  const subgraphs: CallerForwardingDataSource[] = [];
  keepVendorTelemetryOff();
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) => {
      const subgraph = new CallerForwardingDataSource(
        config.subgraphUrls[name as SubgraphName],
        name,
        config.internalSecret,
        secureCookies,
        identity,
        config.subgraphTimeoutMs,
      );
      subgraphs.push(subgraph);
      return subgraph;
    },
  });
  const server = await startGraphqlServer<GatewayContext>({
    name: 'gateway',
    // A proxy in front (the shell, an ingress) may name the request; a client may not.
    trustsRequestId: isFromTrustedProxy(config.trustedProxies),
    apollo: {
      gateway,
      validationRules: queryLimitRules,
      plugins: [
        landingPagePlugin<GatewayContext>(config.nodeEnv),
        queryCostPlugin<GatewayContext>(),
        embeddedOperationsPlugin(),
        ...(config.readCache.enabled
          ? [
              readCachePlugin(
                new ResponseCache<CachedAnswer>(
                  redis,
                  config.redisPrefix,
                  config.readCache.ttlSeconds * 1000,
                ),
                new ReadVersions(redis, config.redisPrefix),
                log,
              ),
            ]
          : []),
      ],
    },
    host: config.host,
    port: config.port,
    log,
    introspection: config.nodeEnv !== 'production',
    readiness: { redis: () => redis.ping() },
    guards: [embedCors('/graphql'), limits.guard],
    batching: { maxOperations: config.batchMaxOperations, admit: limits.admitOperations },
    routes: fileRoutes(config, identity, log),
    context: async (request, response) => {
      const sessionToken = sessionTokenOf(request, secureCookies);
      return {
        caller: await authenticate(request, config, identity),
        requestId: requestIdOf(request)!,
        response,
        clientIp: clientIpOf(request),
        ...(typeof request.headers['user-agent'] === 'string'
          ? { userAgent: request.headers['user-agent'].slice(0, 256) }
          : {}),
        ...(sessionToken ? { sessionToken } : {}),
      };
    },
  });
  return {
    ...server,
    async stop() {
      await server.stop();
      await Promise.all(subgraphs.map((subgraph) => subgraph.close()));
      redis.disconnect();
    },
  };
}
