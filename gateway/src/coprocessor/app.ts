import http from 'node:http';
import express from 'express';
import { CredentialEpochs } from '@dash/auth-context';
import { createLogger, type Logger } from '@dash/logger';
import { createCommandConnection } from '@dash/queue';
import { healthRouter, jsonErrors, jsonNotFound, listen } from '@dash/server-kit';
import { clientIpResolver } from '../client-ip.js';
import { IdentityCheck } from '../identity-check.js';
import { requestLimits } from '../request-limits.js';
import type { CoprocessorConfig } from './config.js';
import { coprocessorRequest, type CoprocessorRequest } from './protocol.js';
import { onRouterRequest, onSubgraphRequest, type StageDependencies } from './stages.js';

export interface RunningCoprocessor {
  /** Where router.yaml's `coprocessor.url` points. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** What a request the Router never sends gets: a 400 the Router reports as a failed stage. */
const refusal = (message: string) => ({ error: { code: 'BAD_REQUEST', message } });

/**
 * Apollo Router's coprocessor: the gateway's authentication as an HTTP service the Router calls
 * at RouterRequest and at each SubgraphRequest (see docs/gateway-at-scale.md). It keeps nothing
 * of its own: credential epochs and request limits live in the Redis every gateway shares.
 */
export async function startCoprocessor(
  config: CoprocessorConfig,
  options: { log?: Logger } = {},
): Promise<RunningCoprocessor> {
  const log = options.log ?? createLogger('coprocessor');
  const redis = createCommandConnection(config.redisUrl);
  const clientIpOf = clientIpResolver(config.trustedProxies);
  const deps: StageDependencies = {
    config,
    identity: new IdentityCheck(
      config.subgraphUrls.identity,
      config.internalSecret,
      new CredentialEpochs(redis, config.redisPrefix),
      config.identityTimeoutMs,
    ),
    overLimit: requestLimits(redis, config.redisPrefix, config.requestLimits),
    // proxy-addr reads only the headers and the peer's address, both of which the rebuilt
    // request has; its type asks for a whole IncomingMessage.
    clientIpOf: (client) => clientIpOf(client as never),
  };

  const app = express();
  app.disable('x-powered-by');
  let draining = false;
  app.use(healthRouter({ redis: () => redis.ping() }, () => draining));
  // The Router sends no SDL and no client body (router.yaml), so answers stay small.
  app.post('/', express.json({ limit: '256kb' }), async (req, res, next) => {
    const parsed = coprocessorRequest.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      res
        .status(400)
        .json(
          refusal(`Not a coprocessor request: ${issue.path.join('.') || 'body'}: ${issue.message}`),
        );
      return;
    }
    const request: CoprocessorRequest = parsed.data;
    try {
      res.json(
        request.stage === 'RouterRequest'
          ? await onRouterRequest(request, req.socket.remoteAddress, deps)
          : onSubgraphRequest(request, config.internalSecret),
      );
    } catch (error) {
      next(error);
    }
  });
  app.use(jsonNotFound());
  app.use(jsonErrors(log));

  const server = http.createServer(app);
  const boundPort = await listen(server, config.port, config.host);
  const url = `http://${config.host}:${boundPort}/`;
  log.info({ url }, 'coprocessor listening');
  return {
    url,
    port: boundPort,
    async stop() {
      draining = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      redis.disconnect();
      log.info('coprocessor stopped');
    },
  };
}
