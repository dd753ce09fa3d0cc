import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway-runtime';
import httpTransport from '@graphql-mesh/transport-http';
import { CALLER_HEADER, signCaller, type Caller } from '@dash/auth-context';
import { authenticate, IdentityCheck, loadGatewayConfig } from '@dash/gateway';
import { createCommandConnection } from '@dash/queue';

/**
 * Hive Gateway serving our supergraph, for the dashboard benchmark's comparison: its defaults
 * (in-flight deduplication on) with batching turned on (the dashboard's pages send lists), the
 * same subgraph URLs our gateway is given, and one plugin doing what our gateway's edge does so the subgraphs accept its calls — who is calling (our own
 * `authenticate` and `IdentityCheck`: API key or session cookie, remembered while its credential
 * epoch in Redis holds) and, on each subgraph fetch, that caller signed for that subgraph alone.
 * Nothing else of our gateway's (request limits, query cost limits, request ids, client
 * addresses, session cookie handover) is added: those would only slow it down.
 */
const config = loadGatewayConfig(process.env);
const port = Number(process.env.DASH_HIVE_GATEWAY_PORT ?? 4100);
const supergraph = await readFile(
  new URL('../../gateway/supergraph.graphql', import.meta.url),
  'utf8',
);
const redis = createCommandConnection(config.redisUrl);
const identity = IdentityCheck.of(config, redis);

const callerPlugin: GatewayPlugin<{ caller: Caller }> = {
  async onContextBuilding({ context, extendContext }) {
    const headers = context.request.headers;
    const caller = await authenticate(
      {
        headers: {
          authorization: headers.get('authorization') ?? undefined,
          cookie: headers.get('cookie') ?? undefined,
        },
      },
      { nodeEnv: config.nodeEnv },
      identity,
    );
    extendContext({ caller });
  },
  // As a header of the execution request, not of the fetch: Hive's in-flight deduplication
  // keys on these headers, so it merges identical requests of one caller only, never two
  // callers' (who may send the same `me { … }` text) — as our gateway must too.
  onSubgraphExecute({ subgraphName, executionRequest, setExecutionRequest }) {
    const caller = executionRequest.context?.caller;
    if (!caller) return;
    setExecutionRequest({
      ...executionRequest,
      extensions: {
        ...executionRequest.extensions,
        headers: {
          ...(executionRequest.extensions?.headers as Record<string, string> | undefined),
          [CALLER_HEADER]: signCaller(caller, config.internalSecret, { audience: subgraphName }),
        },
      },
    });
  },
};

const gateway = createGatewayRuntime({
  supergraph,
  transports: { http: httpTransport },
  transportEntries: Object.fromEntries(
    Object.entries(config.subgraphUrls).map(([name, location]) => [name, { location }]),
  ),
  plugins: () => [callerPlugin],
  // The dashboard sends the queries a page asks together as one list (see web-kit's
  // batchingFetch); Hive Gateway takes lists only when told to, with the same limit of ten.
  batching: true,
  logging: 'error',
  graphiql: false,
  landingPage: false,
});

const server = http.createServer((request, response) => {
  // The readiness path the benchmark's process starter asks every part for.
  if (request.url === '/ready') request.url = '/readiness';
  void gateway(request, response);
});
server.listen(port, '127.0.0.1');
const stop = () => {
  server.close();
  server.closeAllConnections();
  redis.disconnect();
  void gateway.dispose();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
