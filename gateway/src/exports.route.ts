import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router, type Request, type Response } from 'express';
import { CALLER_HEADER, signCaller } from '@dash/auth-context';
import { DashError } from '@dash/errors';
import type { Logger } from '@dash/logger';
import { authenticate } from './authenticate.js';
import type { GatewayConfig } from './config.js';
import type { IdentityCheck } from './identity-check.js';

/** Downloads the gateway serves beside /graphql, and the subgraph that makes each. */
const EXPORTS = { '/exports/balance-transactions.csv': 'ledger' } as const;

/**
 * File downloads (CSV exports) for the same callers as the GraphQL API: the caller is decided
 * here exactly as for /graphql, signed, and the subgraph's answer is streamed through untouched.
 */
export function exportRoutes(config: GatewayConfig, identity: IdentityCheck, log: Logger): Router {
  const router = Router();
  for (const [path, subgraph] of Object.entries(EXPORTS)) {
    router.get(path, async (req: Request, res: Response) => {
      try {
        const caller = await authenticate(req, config, identity);
        if (caller.kind === 'anonymous') {
          res
            .status(401)
            .json({ error: { code: 'UNAUTHENTICATED', message: 'Sign in to continue.' } });
          return;
        }
        const target = new URL(path, config.subgraphUrls[subgraph]);
        target.search = new URL(req.originalUrl, 'http://gateway').search;
        const upstream = await fetch(target, {
          headers: { [CALLER_HEADER]: signCaller(caller, config.internalSecret) },
        });
        res.status(upstream.status);
        for (const header of ['content-type', 'content-disposition']) {
          const value = upstream.headers.get(header);
          if (value) res.setHeader(header, value);
        }
        if (upstream.body) await pipeline(Readable.fromWeb(upstream.body as never), res);
        else res.end();
      } catch (error) {
        if (error instanceof DashError) {
          res.status(401).json({ error: { code: error.extensions.code, message: error.message } });
          return;
        }
        log.error({ err: error, path }, 'export failed');
        if (!res.headersSent)
          res.status(502).json({
            error: { code: 'UNAVAILABLE', message: 'The export could not be made. Try again.' },
          });
        else res.destroy();
      }
    });
  }
  return router;
}
