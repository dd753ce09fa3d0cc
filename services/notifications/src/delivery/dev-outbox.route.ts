import { Router } from 'express';
import type { ServiceDeps } from '@dash/subgraph';
import { DevOutboxMessage } from './dev-outbox.entity.js';

/**
 * GET /dev/outbox?to=<destination>: the latest messages the development provider recorded, for
 * developers and end-to-end tests reading a sign-in code. Mounted only in development and tests:
 * it shows every code in clear, so any other setting leaves it out.
 */
export function devOutboxRoutes({ config, dataSource }: ServiceDeps): Router {
  const router = Router();
  if (config.nodeEnv !== 'development' && config.nodeEnv !== 'test') return router;
  router.get('/dev/outbox', async (req, res, next) => {
    try {
      const to = typeof req.query.to === 'string' ? req.query.to : undefined;
      const messages = await dataSource.getRepository(DevOutboxMessage).find({
        where: to ? { destination: to } : {},
        order: { id: 'DESC' },
        take: 20,
      });
      res.json({ messages: messages.map(({ id: _id, ...message }) => message) });
    } catch (error) {
      next(error);
    }
  });
  return router;
}
