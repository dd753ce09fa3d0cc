import type { Caller } from '@dash/auth-context';
import { Router } from 'express';
import { eventConsumerPart, EVENT_MIGRATIONS, outboxRelayPart } from '@dash/events';
import { readVersionsConnection } from '@dash/read-cache';
import {
  Access,
  AccountDirectory,
  IdempotencyKeys,
  keepCapabilities,
  KnownPlatform,
  markAccountClosed,
  platformLookup,
  keepPlatform,
  SimulatedDebitRail,
  signedInAccountResolver,
  type ServiceDefinition,
  type ServiceDeps,
} from '@dash/subgraph';
import { accountReference } from './account/account.resolver.js';
import { Account } from './account/account.type.js';
import { payoutsClosureCheck } from './account/closure-check.route.js';
import type { PayoutsContext } from './context.js';
import { ExternalAccount } from './external-account/external-account.entity.js';
import {
  ExternalAccountFieldsResolver,
  ExternalAccountResolver,
} from './external-account/external-account.resolver.js';
import { ExternalAccounts } from './external-account/external-accounts.service.js';
import { StepUp } from './external-account/step-up.service.js';
import { Init1764028800000 } from './migrations/1764028800000-Init.js';
import { Livemode1764100000010 } from './migrations/1764100000010-Livemode.js';
import { PayoutLifecycle1764600000000 } from './migrations/1764600000000-PayoutLifecycle.js';
import { KnownAccountCapabilities1765010000000 } from './migrations/1765010000000-KnownAccountCapabilities.js';
import { IdempotencyKeys1765200000000 } from './migrations/1765200000000-IdempotencyKeys.js';
import { PayoutMethods1765600000000 } from './migrations/1765600000000-PayoutMethods.js';
import { RecoveryDebits1765700000000 } from './migrations/1765700000000-RecoveryDebits.js';
import { RecoveryDebit } from './recovery/recovery-debit.entity.js';
import {
  AccountRecoveryDebitsResolver,
  RecoveryDebitResolver,
} from './recovery/recovery-debit.resolver.js';
import { RecoveryDebits } from './recovery/recovery-debits.service.js';
import { RecoveryLedgerClient } from './recovery/recovery-ledger-client.service.js';
import { RecoveryLifecycle } from './recovery/recovery-lifecycle.service.js';
import { startRecoveryWork } from './recovery/recovery.worker.js';
import { LedgerClient } from './payout/ledger-client.service.js';
import { Payout } from './payout/payout.entity.js';
import { payoutReference, PayoutResolver } from './payout/payout.resolver.js';
import { startPayoutWork } from './payout/payout.worker.js';
import { PayoutLifecycle } from './payout/payout-lifecycle.service.js';
import { PayoutRequests } from './payout/payout-requests.service.js';
import { Payouts } from './payout/payouts.service.js';
import { SimulatedBank } from './payout/simulated-bank.service.js';
import { loadPayoutsConfig } from './payouts-config.js';
import { runAutomaticPayouts } from './schedule/automatic-payouts.service.js';
import { PayoutScheduleRow } from './schedule/payout-schedule.entity.js';
import { PayoutScheduleResolver } from './schedule/payout-schedule.resolver.js';
import { PayoutForecasts } from './schedule/payout-forecasts.service.js';
import { PayoutSchedules } from './schedule/payout-schedules.service.js';

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
  const externalAccounts = new ExternalAccounts(dataSource, rail, secret, ledger);
  const schedules = new PayoutSchedules(dataSource, config.defaultDelayDays);
  const directory = new AccountDirectory(dataSource, config.identityUrl, secret, 'payouts');
  const keys = new IdempotencyKeys(dataSource);
  const requests = new PayoutRequests(
    dataSource,
    ledger,
    externalAccounts,
    schedules,
    directory,
    config,
    keys,
  );
  return {
    config,
    dataSource,
    /** Each request's gate: the caller against the accounts the directory knows. */
    accessFor: (caller: Caller) => new Access(caller, directory, platformLookup(dataSource)),
    payouts: new Payouts(dataSource),
    externalAccounts,
    schedules,
    keys,
    ledger,
    requests,
    rail,
    lifecycle: new PayoutLifecycle(dataSource, rail, ledger, externalAccounts, deps.log),
    directory,
    stepUp: new StepUp(config.identityUrl, secret),
    recoveryDebits: new RecoveryDebits(dataSource),
    recoveries: new RecoveryLifecycle(
      dataSource,
      new RecoveryLedgerClient(config.ledgerUrl, secret),
      // The simulated bank takes its debits as long as its payouts.
      new SimulatedDebitRail({ settleMs: config.simulatedBank.settleMs }),
      { backoffMs: config.recoveryBackoffMs },
      deps.log,
    ),
    forecasts: new PayoutForecasts(dataSource, ledger, directory, config.businessDays),
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
    entities: [Payout, ExternalAccount, PayoutScheduleRow, KnownPlatform, RecoveryDebit],
    migrations: [
      Init1764028800000,
      Livemode1764100000010,
      PayoutLifecycle1764600000000,
      KnownAccountCapabilities1765010000000,
      IdempotencyKeys1765200000000,
      PayoutMethods1765600000000,
      RecoveryDebits1765700000000,
      ...EVENT_MIGRATIONS,
    ],
    resolvers: [
      signedInAccountResolver(Account),
      PayoutResolver,
      PayoutScheduleResolver,
      ExternalAccountResolver,
      ExternalAccountFieldsResolver,
      RecoveryDebitResolver,
      AccountRecoveryDebitsResolver,
    ],
    orphanedTypes: [Account],
    referenceResolvers: { Account: accountReference, Payout: payoutReference } as never,
    assemble: assemblePayouts,
    connections: [readVersionsConnection],
    parts: [
      async (deps, app) => {
        const { config, lifecycle, requests, schedules, keys } = app;
        return startPayoutWork({
          redisUrl: config.redisUrl,
          prefix: config.redisPrefix,
          log: deps.log,
          tickMs: config.tickMs,
          automaticEveryMs: config.automaticEveryMs,
          lifecycle,
          requests,
          keys,
          runAutomatic: () =>
            runAutomaticPayouts(deps.dataSource, requests, schedules.defaultRule, deps.log),
        });
      },
      async ({ log }, { config, recoveries }) =>
        startRecoveryWork({
          lifecycle: recoveries,
          everyMs: config.recoveryEveryMs,
          redisUrl: config.redisUrl,
          prefix: config.redisPrefix,
          log,
        }),
      outboxRelayPart,
      eventConsumerPart('payouts', () => ({
        'platform.updated': keepPlatform,
        'account.closed': (event, manager) => markAccountClosed(manager, event.accountId!),
        'account.updated': keepCapabilities,
      })),
    ],
    buildContext: (base, app) => ({
      access: app.accessFor(base.caller),
      payouts: app.payouts,
      externalAccounts: app.externalAccounts,
      schedules: app.schedules,
      forecasts: app.forecasts,
      requests: app.requests,
      lifecycle: app.lifecycle,
      directory: app.directory,
      stepUp: app.stepUp,
      instantFee: app.config.instantFee,
      recoveryDebits: app.recoveryDebits,
    }),
    routes: ({ config }, app) =>
      Router().use(payoutsClosureCheck(config.internalSecret, app.payouts, app.recoveryDebits)),
  };
}

export const payoutsService = createPayoutsService();
