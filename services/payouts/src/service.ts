import { Router } from 'express';
import { eventConsumerPart, EVENT_MIGRATIONS, outboxRelayPart } from '@dash/events';
import {
  AccountDirectory,
  closureCheckRoutes,
  keepCapabilities,
  KnownPlatform,
  markAccountClosed,
  platformLookup,
  keepPlatform,
  type ServiceDefinition,
  type ServiceDeps,
} from '@dash/subgraph';
import { SimulatedBank } from './bank/simulated-bank.js';
import { payoutsClosureBlockers } from './closure-check.js';
import type { PayoutsContext } from './context.js';
import { Account } from './entities/account.type.js';
import { ExternalAccount } from './entities/external-account.entity.js';
import { Payout } from './entities/payout.entity.js';
import { PayoutScheduleRow } from './entities/payout-schedule.entity.js';
import { Init1764028800000 } from './migrations/1764028800000-Init.js';
import { Livemode1764100000010 } from './migrations/1764100000010-Livemode.js';
import { PayoutLifecycle1764600000000 } from './migrations/1764600000000-PayoutLifecycle.js';
import { KnownAccountCapabilities1765010000000 } from './migrations/1765010000000-KnownAccountCapabilities.js';
import { runAutomaticPayouts } from './payouts/automatic-payouts.js';
import { ExternalAccounts } from './payouts/external-accounts.service.js';
import { LedgerClient } from './payouts/ledger-client.js';
import { PayoutLifecycle } from './payouts/lifecycle.js';
import { PayoutRequests } from './payouts/payout-requests.js';
import { PayoutSchedules } from './payouts/schedules.service.js';
import { StepUp } from './payouts/step-up.js';
import { loadPayoutsConfig } from './payouts-config.js';
import { PayoutRepository } from './payouts.repository.js';
import { referenceResolvers } from './resolvers/account.reference.js';
import { AccountPayoutsResolver } from './resolvers/account-payouts.resolver.js';
import { PayoutMutationsResolver } from './resolvers/payout-mutations.resolver.js';
import { startPayoutWork } from './workers/payout.worker.js';

/** Everything the payouts use cases need, built once per instance from its settings. */
export function assemblePayouts(
  deps: Pick<ServiceDeps, 'dataSource' | 'log' | 'env'> & {
    config: Pick<ServiceDeps['config'], 'internalSecret'>;
  },
) {
  const { dataSource } = deps;
  const config = loadPayoutsConfig(deps.env);
  const secret = deps.config.internalSecret;
  const rail = new SimulatedBank(config.simulatedBank);
  const ledger = new LedgerClient(config.ledgerUrl, secret);
  const externalAccounts = new ExternalAccounts(dataSource, rail, secret);
  const schedules = new PayoutSchedules(dataSource, config.defaultDelayDays);
  const directory = new AccountDirectory(dataSource, config.identityUrl, secret, 'payouts');
  const requests = new PayoutRequests(
    dataSource,
    ledger,
    externalAccounts,
    schedules,
    directory,
    config,
  );
  return {
    config,
    dataSource,
    payouts: new PayoutRepository(dataSource),
    externalAccounts,
    schedules,
    requests,
    rail,
    lifecycle: new PayoutLifecycle(dataSource, rail, ledger, deps.log),
    directory,
    stepUp: new StepUp(config.identityUrl, secret),
  };
}

type PayoutsApp = ReturnType<typeof assemblePayouts>;

/**
 * Payouts owns money leaving balances for banks and cards: bank accounts and debit cards,
 * payout schedules, automatic, manual and instant payouts and their lifecycle. The ledger takes
 * the money (and refuses what the balance does not cover); this service decides when and where.
 */
export function createPayoutsService(): ServiceDefinition<PayoutsContext, PayoutsApp> {
  return {
    name: 'payouts',
    defaultPort: 4003,
    entities: [Payout, ExternalAccount, PayoutScheduleRow, KnownPlatform],
    migrations: [
      Init1764028800000,
      Livemode1764100000010,
      PayoutLifecycle1764600000000,
      KnownAccountCapabilities1765010000000,
      ...EVENT_MIGRATIONS,
    ],
    resolvers: [AccountPayoutsResolver, PayoutMutationsResolver],
    orphanedTypes: [Account],
    referenceResolvers: referenceResolvers as never,
    assemble: assemblePayouts,
    parts: [
      async (deps, app) => {
        const { config, lifecycle, requests, schedules } = app;
        return startPayoutWork({
          redisUrl: config.redisUrl,
          prefix: config.redisPrefix,
          log: deps.log,
          tickMs: config.tickMs,
          automaticEveryMs: config.automaticEveryMs,
          lifecycle,
          requests,
          runAutomatic: () =>
            runAutomaticPayouts(deps.dataSource, requests, schedules.defaultRule, deps.log),
        });
      },
      outboxRelayPart,
      eventConsumerPart('payouts', () => ({
        'platform.updated': keepPlatform,
        'account.closed': (event, manager) => markAccountClosed(manager, event.accountId!),
        'account.updated': keepCapabilities,
      })),
    ],
    buildContext: (base, app) => ({
      ...base,
      payouts: app.payouts,
      externalAccounts: app.externalAccounts,
      schedules: app.schedules,
      requests: app.requests,
      lifecycle: app.lifecycle,
      directory: app.directory,
      stepUp: app.stepUp,
      instantFee: app.config.instantFee,
      platform: platformLookup(app.dataSource),
    }),
    routes: ({ config }, app) =>
      Router().use(
        closureCheckRoutes(config.internalSecret, (request) =>
          payoutsClosureBlockers(app.payouts, request),
        ),
      ),
  };
}

export const payoutsService = createPayoutsService();
