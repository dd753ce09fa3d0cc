import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router, type Request, type Response } from 'express';
import { CALLER_HEADER, signCaller } from '@dash/auth-context';
import { DashError } from '@dash/errors';
import type { Logger } from '@dash/logger';
import { authenticate } from './authenticate.js';
import type { GatewayConfig } from './config.js';
import type { IdentityCheck } from './identity-check.js';
import { fromOwnSite } from './same-origin.js';

/** Files the gateway passes on beside /graphql, and the subgraph that handles each. */
const FILE_ROUTES = [
  { method: 'get', path: '/exports/balance-transactions.csv', subgraph: 'ledger' },
  { method: 'get', path: '/exports/tax-form.pdf', subgraph: 'ledger' },
  { method: 'post', path: '/files', subgraph: 'disputes' },
] as const;

/**
 * Uploads go to the subgraph that keeps files of their `purpose` (Stripe's file purposes):
 * dispute evidence, the default, to disputes; identity documents to identity.
 */
const UPLOAD_PURPOSES: Record<string, 'disputes' | 'identity'> = {
  dispute_evidence: 'disputes',
  identity_document: 'identity',
};

/** The subgraph a request goes to: by its purpose for an upload; null for an unknown purpose. */
function subgraphOf(route: (typeof FILE_ROUTES)[number], req: Request) {
  if (route.method !== 'post' || req.query.purpose === undefined) return route.subgraph;
  const purpose = req.query.purpose;
  return typeof purpose === 'string' && Object.hasOwn(UPLOAD_PURPOSES, purpose)
    ? UPLOAD_PURPOSES[purpose]!
    : null;
}

/** How long a file may take to arrive, on top of the subgraph's own deadline. */
const UPLOAD_ANSWER_MS = 120_000;

/** Request headers a file upload carries to the subgraph. */
const UPLOAD_HEADERS = ['content-type', 'content-length', 'x-file-name'];

/**
 * File downloads (CSV exports) and uploads (dispute evidence, identity documents) for the same
 * callers as the GraphQL API: the caller is decided here exactly as for /graphql, signed, and the
 * bytes are streamed through untouched both ways. Requests another site makes a browser send are
 * refused.
 */
export function fileRoutes(config: GatewayConfig, identity: IdentityCheck, log: Logger): Router {
  const router = Router();
  for (const route of FILE_ROUTES) {
    const { method, path } = route;
    router[method](path, async (req: Request, res: Response) => {
      try {
        if (!fromOwnSite(req)) {
          res.status(403).json({
            error: {
              code: 'FORBIDDEN',
              message: 'Files are sent and fetched from the dashboard only.',
            },
          });
          return;
        }
        const caller = await authenticate(req, config, identity);
        if (caller.kind === 'anonymous') {
          res
            .status(401)
            .json({ error: { code: 'UNAUTHENTICATED', message: 'Sign in to continue.' } });
          return;
        }
        const subgraph = subgraphOf(route, req);
        if (!subgraph) {
          res.status(400).json({
            error: {
              code: 'BAD_USER_INPUT',
              message: 'purpose must be dispute_evidence or identity_document.',
              extensions: { field: 'purpose' },
            },
          });
          return;
        }
        const target = new URL(path, config.subgraphUrls[subgraph]);
        target.search = new URL(req.originalUrl, 'http://gateway').search;
        const headers: Record<string, string> = {
          [CALLER_HEADER]: signCaller(caller, config.internalSecret, { audience: subgraph }),
        };
        if (method === 'post')
          for (const name of UPLOAD_HEADERS)
            if (typeof req.headers[name] === 'string') headers[name] = req.headers[name];
        // The subgraph must start answering in time (an upload's time to arrive included); a
        // long export then streams for as long as it takes.
        const answering = new AbortController();
        const deadline = setTimeout(
          () => answering.abort(),
          method === 'post'
            ? UPLOAD_ANSWER_MS + config.subgraphTimeoutMs
            : config.subgraphTimeoutMs,
        );
        deadline.unref();
        const upstream = await fetch(target, {
          method: method.toUpperCase(),
          headers,
          signal: answering.signal,
          ...(method === 'post'
            ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' as const }
            : {}),
        });
        clearTimeout(deadline);
        res.status(upstream.status);
        for (const header of ['content-type', 'content-disposition']) {
          const value = upstream.headers.get(header);
          if (value) res.setHeader(header, value);
        }
        if (upstream.body) await pipeline(Readable.fromWeb(upstream.body as never), res);
        else res.end();
      } catch (error) {
        if (error instanceof DashError) {
          const status = (error.extensions.http as { status?: number } | undefined)?.status;
          res
            .status(status ?? 401)
            .json({ error: { code: error.extensions.code, message: error.message } });
          return;
        }
        log.error({ err: error, path }, 'file route failed');
        if (!res.headersSent)
          res.status(502).json({
            error: { code: 'UNAVAILABLE', message: 'That did not go through. Try again.' },
          });
        else res.destroy();
      }
    });
  }
  // Platforms' icons are public (the sign-in page shows one) and served as identity answers.
  router.get(/^\/platform-icons\/[^/]+\/[^/]+$/, async (req: Request, res: Response) => {
    try {
      const upstream = await fetch(new URL(req.path, config.subgraphUrls.identity), {
        signal: AbortSignal.timeout(config.subgraphTimeoutMs),
      });
      res.status(upstream.status);
      for (const header of ICON_HEADERS) {
        const value = upstream.headers.get(header);
        if (value) res.setHeader(header, value);
      }
      res.end(Buffer.from(await upstream.arrayBuffer()));
    } catch (error) {
      log.error({ err: error, path: req.path }, 'platform icon route failed');
      res.status(502).json({ error: { code: 'UNAVAILABLE', message: 'Try again.' } });
    }
  });
  return router;
}

/** What an icon's answer keeps from identity: its type, caching and the lock-down of SVGs. */
const ICON_HEADERS = [
  'content-type',
  'cache-control',
  'content-security-policy',
  'x-content-type-options',
];
