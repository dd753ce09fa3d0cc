import type { SecretKeys } from '@dash/config';
import { openDeliveryProducer } from '@dash/contracts';
import { loadQueueConfig } from './queue-config.js';

/**
 * A producer for other code (the local stack's seed, the activity emails): it seals codes with
 * the delivery key derived from `keys`, as identity's does.
 */
export function openDeliveryQueue(env: Record<string, string | undefined>, keys: SecretKeys) {
  const config = loadQueueConfig(env);
  return openDeliveryProducer({ redisUrl: config.redisUrl, prefix: config.prefix, keys });
}
