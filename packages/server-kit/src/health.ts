import { Router } from 'express';
import { nameThisPart, scrapeMetrics } from '@dash/telemetry';

export type ReadinessChecks = Record<string, () => Promise<unknown>>;

const CHECK_TIMEOUT_MS = 2000;

function withTimeout(check: () => Promise<unknown>): Promise<unknown> {
  return Promise.race([
    check(),
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref(),
    ),
  ]);
}

/**
 * /health says the process is alive (restart it if not); /ready says it can serve now
 * (route traffic to it if so): every dependency answered and it is not shutting down.
 * /metrics is the process's Prometheus metrics, so every server that mounts this router (an
 * API, a worker's small server, the shell) can be scraped.
 */
export function healthRouter(
  checks: ReadinessChecks,
  isDraining: () => boolean,
  /** The part's name on every metric (a worker-only process names itself here). */
  part?: string,
): Router {
  if (part) nameThisPart(part);
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/metrics', async (_req, res) => {
    const { contentType, body } = await scrapeMetrics();
    res.type(contentType).send(body);
  });
  router.get('/ready', async (_req, res) => {
    if (isDraining()) {
      res.status(503).json({ status: 'draining' });
      return;
    }
    const results = await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        try {
          await withTimeout(check);
          return [name, 'ok'] as const;
        } catch (error) {
          return [name, error instanceof Error ? error.message : 'failed'] as const;
        }
      }),
    );
    const ready = results.every(([, result]) => result === 'ok');
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'unavailable', checks: Object.fromEntries(results) });
  });
  return router;
}
