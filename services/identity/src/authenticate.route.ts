import type { Router } from 'express';
import type { Caller } from '@dash/auth-context';
import { internalRoutes } from '@dash/subgraph';
import type { ApiKeyRepository } from './api-keys.repository.js';
import type { LoginService } from './login/login.service.js';

/**
 * POST /internal/authenticate { apiKey } or { sessionToken } → { caller }: how the gateway learns
 * who holds a secret key or a session cookie, without reading identity's tables itself.
 */
export function authenticateRoutes(
  internalSecret: string,
  keys: ApiKeyRepository,
  login: LoginService,
): Router {
  const router = internalRoutes(internalSecret, ['gateway']);
  router.post('/internal/authenticate', async (req, res, next) => {
    try {
      const body = (req.body ?? {}) as { apiKey?: unknown; sessionToken?: unknown };
      let caller: Caller | undefined;
      if (typeof body.apiKey === 'string') {
        const key = await keys.findActive(body.apiKey);
        if (key)
          caller = {
            kind: 'platform',
            platformId: key.platformId,
            livemode: key.livemode,
            keyId: key.id,
          };
      } else if (typeof body.sessionToken === 'string') {
        const found = await login.authenticateSession(body.sessionToken);
        if (found) {
          const { account, session } = found;
          caller = {
            kind: 'account',
            accountId: account.id,
            platformId: account.platformId,
            livemode: account.livemode,
            sessionId: session.id,
          };
        }
      }
      if (!caller) {
        res
          .status(401)
          .json({ error: { code: 'UNAUTHENTICATED', message: 'Not a valid key or session.' } });
        return;
      }
      res.json({ caller });
    } catch (error) {
      next(error);
    }
  });
  return router;
}
