import type { Router } from 'express';
import type { Caller } from '@dash/auth-context';
import { internalRoutes, type ServiceDeps } from '@dash/subgraph';
import { ApiKeyRepository } from './api-keys.repository.js';

/**
 * POST /internal/authenticate { apiKey } → { caller }: how the gateway learns which platform a
 * secret key belongs to, without ever reading identity's tables itself.
 */
export function authenticateRoutes({ config, dataSource }: ServiceDeps): Router {
  const router = internalRoutes(config.internalSecret, ['gateway']);
  const keys = new ApiKeyRepository(dataSource);
  router.post('/internal/authenticate', async (req, res, next) => {
    try {
      const apiKey = (req.body as { apiKey?: unknown } | undefined)?.apiKey;
      const key = typeof apiKey === 'string' ? await keys.findActive(apiKey) : null;
      if (!key) {
        res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'Invalid API key.' } });
        return;
      }
      const caller: Caller = {
        kind: 'platform',
        platformId: key.platformId,
        livemode: key.livemode,
        keyId: key.id,
      };
      res.json({ caller });
    } catch (error) {
      next(error);
    }
  });
  return router;
}
