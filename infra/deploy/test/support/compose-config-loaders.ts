/*
 * Every configuration loader a part runs at start-up, imported from its source file so the check
 * reads exactly what the processes read, without booting a service. Each loader throws on a
 * setting that is missing or invalid (production refuses development defaults and secrets).
 */
import { createLogger } from '@dash/logger';
import type { ServiceDeps } from '@dash/subgraph';
import { loadGatewayConfig } from '../../../../gateway/src/config.js';
import { loadConsoleConfig } from '../../../../infra/console/src/config.js';
import { loadEventSettings } from '../../../../packages/events/src/settings.js';
import { loadSubgraphConfig } from '../../../../packages/subgraph/src/config.js';
import { loadDisputesConfig } from '../../../../services/disputes/src/disputes-config.js';
import { loadReverificationSettings } from '../../../../services/identity/src/account-details/reverification.worker.js';
import { loadIdentitySettings } from '../../../../services/identity/src/identity-config.js';
import { loadLedgerConfig } from '../../../../services/ledger/src/ledger-config.js';
import { providerFromConfig } from '../../../../services/notifications/src/delivery/choose-provider.service.js';
import { loadQueueConfig } from '../../../../services/notifications/src/delivery/queue-config.js';
import { loadNotificationsConfig } from '../../../../services/notifications/src/notifications-config.js';
import { loadWebhookConfig } from '../../../../services/notifications/src/webhook/webhook-config.js';
import { loadPayoutsConfig } from '../../../../services/payouts/src/payouts-config.js';
import { loadReadVersionSettings } from '../../../../packages/read-cache/src/settings.js';
import { loadShellConfig } from '../../../../shell/src/server/config.js';

type Env = Record<string, string>;
type Loader = (env: Env) => unknown[];

/**
 * What every subgraph reads (its own settings, its outbox relay's, where it bumps read
 * versions), then its own loaders.
 */
const subgraph =
  (name: string, own: (env: Env) => unknown[]): Loader =>
  (env) => [
    loadSubgraphConfig(name, env),
    loadEventSettings(env),
    loadReadVersionSettings(env),
    ...own(env),
  ];

/** The notifications carriers, chosen the way the service chooses them (nothing is sent). */
function notificationCarriers(env: Env) {
  const config = loadSubgraphConfig('notifications', env);
  providerFromConfig({
    config,
    env,
    log: createLogger('compose-check'),
    dataSource: undefined,
  } as unknown as ServiceDeps);
  return [];
}

/** A part's loaders by part name: each returns the settings it read (to look inside). */
export const CONFIG_LOADERS: Record<string, Loader> = {
  identity: subgraph('identity', (env) => [
    loadIdentitySettings(env),
    loadReverificationSettings(env),
  ]),
  ledger: subgraph('ledger', (env) => [loadLedgerConfig(env)]),
  payouts: subgraph('payouts', (env) => [loadPayoutsConfig(env)]),
  disputes: subgraph('disputes', (env) => [loadDisputesConfig(env)]),
  notifications: subgraph('notifications', (env) => [
    loadNotificationsConfig(env),
    loadQueueConfig(env),
    loadWebhookConfig(env, loadSubgraphConfig('notifications', env).nodeEnv),
    ...notificationCarriers(env),
  ]),
  gateway: (env) => [loadGatewayConfig(env)],
  shell: (env) => [loadShellConfig(env)],
  console: (env) => [loadConsoleConfig(env)],
};

/** What a migration job reads: the settings every subgraph has. */
export const migrationLoader =
  (name: string): Loader =>
  (env) => [loadSubgraphConfig(name, env)];
