import http from 'node:http';
import express from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { createLogger, type Logger } from '@dash/logger';
import {
  healthRouter,
  jsonErrors,
  jsonNotFound,
  listen,
  requestIdOf,
  requestIds,
} from '@dash/server-kit';
import { securityHeaders } from './security-headers.js';
import { MICROFRONTENDS, type MicrofrontendEntry } from '@dash/manifest';
import { serveAssets } from './serve-assets.js';
import { readSite, watchBuilds } from './site.js';

export interface ShellServerOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** The gateway's GraphQL URL; the browser reaches it same-origin at /graphql. */
  gatewayUrl: string;
  /** Served over https (production): HSTS is sent. */
  https?: boolean;
  log?: Logger;
  /** The micro-frontends to serve and mount; the manifest's unless a test says otherwise. */
  microfrontends?: readonly MicrofrontendEntry[];
  /** Serve new builds as they are written (development); otherwise what was built at start. */
  watchBuilds?: boolean;
}

export interface ShellServer {
  start(): Promise<{ url: string; port: number }>;
  stop(): Promise<void>;
}

/**
 * Serves the dashboard: the page with its import map, the shared libraries, each
 * micro-frontend's build, and /graphql proxied to the gateway so session cookies stay
 * first-party.
 */
export function createShellServer(options: ShellServerOptions): ShellServer {
  const microfrontends = options.microfrontends ?? MICROFRONTENDS;
  const log = options.log ?? createLogger('shell');
  let site = readSite(microfrontends);
  const app = express();
  app.disable('x-powered-by');
  app.use(requestIds());
  app.use(healthRouter({}, () => false, 'shell'));
  app.use(securityHeaders({ page: () => site.page, https: options.https ?? false }));

  const gateway = new URL(options.gatewayUrl);
  // The gateway (which trusts this hop) answers and logs under the id the shell gave the request.
  const forwardRequestId = {
    proxyReq: (proxyReq: http.ClientRequest, req: http.IncomingMessage) => {
      const requestId = requestIdOf(req);
      proxyReq.removeHeader('request-id');
      if (requestId) proxyReq.setHeader('x-request-id', requestId);
    },
  };
  app.use(
    createProxyMiddleware({
      target: gateway.origin,
      pathFilter: '/graphql',
      pathRewrite: () => gateway.pathname,
      changeOrigin: true,
      xfwd: true,
      on: forwardRequestId,
    }),
  );
  // Downloads (CSV exports), uploads (evidence files) and platforms' icons go through the gateway
  // too, with the same session cookie.
  app.use(
    createProxyMiddleware({
      target: gateway.origin,
      pathFilter: ['/exports/', '/files', '/platform-icons/'],
      changeOrigin: true,
      xfwd: true,
      on: forwardRequestId,
    }),
  );

  app.use(serveAssets(() => site.assets));
  // The one stable URL a platform's page includes; what it loads is versioned.
  app.get('/embed.js', (_req, res) => {
    res.type('js');
    res.setHeader('cache-control', 'no-cache');
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('cross-origin-resource-policy', 'cross-origin');
    res.send(site.embedScript);
  });
  // Every other page path is a route of the single-page app; files that do not exist are 404s.
  // The page names the files by version, so it is the one thing browsers must always ask again.
  app.get(/^[^.]*$/, (_req, res) => {
    res.setHeader('cache-control', 'no-cache');
    res.type('html').send(site.page);
  });

  // A file that does not exist, or a failure, is a JSON answer — never Express's HTML page.
  app.use(jsonNotFound());
  app.use(jsonErrors(log));

  // A new build is read and compressed before the page names it, so no URL is ever half there.
  let reading = Promise.resolve();
  const rereadBuilds = () => {
    reading = reading
      .then(async () => {
        const next = readSite(microfrontends);
        await next.assets.compress();
        site = next;
      })
      // A build caught half-written is read again on its next change; the old one stays served.
      .catch((error: unknown) => log.error({ err: error }, 'could not read the new build'));
  };
  let stopWatching = () => {};

  const server = http.createServer(app);
  return {
    async start() {
      await site.assets.compress();
      if (options.watchBuilds) stopWatching = watchBuilds(site.assets.folders, rereadBuilds);
      const port = await listen(server, options.port, options.host);
      return { url: `http://${options.host}:${port}`, port };
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        stopWatching();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
