import type { DataSource } from 'typeorm';
import type { SecretKeys } from '@dash/config';
import type { Logger } from '@dash/logger';
import type { EventConsumerName } from './catalog.js';
import { startEventConsumer, type EventHandlers } from './consumer.js';
import { startOutboxRelay } from './relay.js';
import { loadEventSettings } from './settings.js';

/** What a service hands its parts when it starts (a subset of the subgraph's ServiceDeps). */
interface PartDeps {
  /** The service's own settings; handlers that call other services sign with the secret. */
  config: { internalSecret: SecretKeys };
  dataSource: DataSource;
  env: Record<string, string | undefined>;
  log: Logger;
}

/** The relay as a service part: starts and stops with the service that writes the events. */
export const outboxRelayPart = async ({ config, dataSource, env, log }: PartDeps) =>
  startOutboxRelay({
    dataSource,
    settings: loadEventSettings(env),
    log,
    ...(config.internalSecret.owner ? { service: config.internalSecret.owner } : {}),
  });

/**
 * A consumer as a service part, with the handlers of every event type it subscribes to; they may
 * use the service's assembly (`app`).
 */
export const eventConsumerPart =
  <Consumer extends EventConsumerName, App = unknown>(
    consumer: Consumer,
    handlers: (deps: PartDeps, app: App) => EventHandlers<Consumer>,
  ) =>
  async (deps: PartDeps, app: App) =>
    startEventConsumer({
      consumer,
      handlers: handlers(deps, app),
      dataSource: deps.dataSource,
      settings: loadEventSettings(deps.env),
      log: deps.log,
    });
