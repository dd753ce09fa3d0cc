import type { SecretKeys } from '@dash/config';
import { openDeliveryProducer } from '@dash/contracts';
import type { ServiceDeps, ServicePart } from '@dash/subgraph';
import { DeliveryRepository } from './deliveries.repository.js';
import { providerFromConfig } from './providers/choose-provider.js';
import { DevOutboxProvider, type DeliveryProvider } from './providers/delivery-provider.js';
import { loadQueueConfig } from './queue-config.js';
import { startDeliveryWorker } from './workers/delivery.worker.js';

/**
 * The delivery worker runs inside the notifications service and stops with it: closing waits for
 * the job in hand, then the connection goes. Redis joins the service's readiness checks.
 */
export function deliveryPart(
  createProvider: (deps: ServiceDeps) => DeliveryProvider = providerFromConfig,
) {
  return async (deps: ServiceDeps): Promise<ServicePart> => {
    const config = loadQueueConfig(deps.env);
    return startDeliveryWorker({
      deliveries: new DeliveryRepository(deps.dataSource),
      provider: createProvider(deps),
      testModeProvider: new DevOutboxProvider(deps.dataSource, deps.log),
      keys: deps.config.internalSecret,
      redisUrl: config.redisUrl,
      prefix: config.prefix,
      concurrency: config.concurrency,
      log: deps.log,
    });
  };
}

/**
 * A producer for other code (the local stack's seed, the activity emails): it seals codes with
 * the delivery key derived from `keys`, as identity's does.
 */
export function openDeliveryQueue(env: Record<string, string | undefined>, keys: SecretKeys) {
  const config = loadQueueConfig(env);
  return openDeliveryProducer({ redisUrl: config.redisUrl, prefix: config.prefix, keys });
}
