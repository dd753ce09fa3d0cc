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
import { BalanceRepository } from './balances.repository.js';
import { ledgerClosureBlockers } from './closure-check.js';
import type { LedgerContext } from './context.js';
import { EarningsRepository } from './earnings.repository.js';
import { transactionsExportRoute } from './export.route.js';
import { Account } from './entities/account.type.js';
import { BalanceTransaction } from './entities/balance-transaction.entity.js';
import { Charge } from './entities/charge.entity.js';
import { Refund } from './entities/refund.entity.js';
import { Transfer } from './entities/transfer.entity.js';
import { MoneyMovements } from './ledger/money-movements.service.js';
import { PayoutDebits } from './ledger/payout-debits.js';
import { scopeLookup } from './ledger/visible-scope.js';
import { loadLedgerConfig } from './ledger-config.js';
import { Init1764028800000 } from './migrations/1764028800000-Init.js';
import { Livemode1764100000010 } from './migrations/1764100000010-Livemode.js';
import { DoubleEntry1764400000000 } from './migrations/1764400000000-DoubleEntry.js';
import { LeanPostings1764400000001 } from './migrations/1764400000001-LeanPostings.js';
import { Payouts1764600000000 } from './migrations/1764600000000-Payouts.js';
import { ChargeDisputes1765020000000 } from './migrations/1765020000000-ChargeDisputes.js';
import { KnownAccountCapabilities1765010000000 } from './migrations/1765010000000-KnownAccountCapabilities.js';
import { payoutRoutes } from './payout.routes.js';
import { disputeRoutes } from './dispute.routes.js';
import { DisputeDebits } from './ledger/dispute-debits.js';
import { PaymentRepository } from './payments.repository.js';
import { referenceResolvers } from './resolvers/account.reference.js';
import { AccountLedgerResolver } from './resolvers/account-ledger.resolver.js';
import { MeResolver } from './resolvers/me.resolver.js';
import { MoneyResolver } from './resolvers/money.resolver.js';
import { BalanceTransactionResolver, PaymentResolver } from './resolvers/payment.resolver.js';
import { TransactionRepository } from './transactions.repository.js';
import { startMaintenance } from './workers/maintenance.worker.js';

/** Everything the ledger's use cases need, built once per instance from its settings. */
export function assembleLedger(deps: Pick<ServiceDeps, 'dataSource' | 'config' | 'env'>) {
  const { dataSource } = deps;
  const config = loadLedgerConfig(deps.env);
  return {
    config,
    dataSource,
    balances: new BalanceRepository(dataSource),
    transactions: new TransactionRepository(dataSource),
    payments: new PaymentRepository(dataSource),
    earnings: new EarningsRepository(dataSource),
    // Keeps recently seen accounts in memory, so it is one per instance.
    movements: new MoneyMovements(
      dataSource,
      new AccountDirectory(dataSource, config.identityUrl, deps.config.internalSecret, 'ledger'),
      config,
    ),
    payoutDebits: new PayoutDebits(dataSource),
    disputeDebits: new DisputeDebits(dataSource),
  };
}

type LedgerApp = ReturnType<typeof assembleLedger>;

/**
 * The ledger owns money: the double-entry record of every movement, the balances derived from
 * it, charges, refunds and transfers, what payouts and disputes take and give back, the
 * refunds-and-disputes reserve, and the earnings rollup.
 */
export function createLedgerService(): ServiceDefinition<LedgerContext, LedgerApp> {
  return {
    name: 'ledger',
    defaultPort: 4002,
    entities: [BalanceTransaction, Charge, Refund, Transfer, KnownPlatform],
    migrations: [
      Init1764028800000,
      Livemode1764100000010,
      DoubleEntry1764400000000,
      LeanPostings1764400000001,
      Payouts1764600000000,
      ChargeDisputes1765020000000,
      KnownAccountCapabilities1765010000000,
      ...EVENT_MIGRATIONS,
    ],
    resolvers: [
      AccountLedgerResolver,
      MeResolver,
      MoneyResolver,
      PaymentResolver,
      BalanceTransactionResolver,
    ],
    orphanedTypes: [Account],
    referenceResolvers: referenceResolvers as never,
    assemble: assembleLedger,
    parts: [
      async ({ dataSource, log }, { config }) =>
        startMaintenance({
          dataSource,
          redisUrl: config.redisUrl,
          prefix: config.redisPrefix,
          log,
        }),
      outboxRelayPart,
      eventConsumerPart('ledger', () => ({
        'platform.updated': keepPlatform,
        'account.closed': (event, manager) => markAccountClosed(manager, event.accountId!),
        'account.updated': keepCapabilities,
      })),
    ],
    buildContext: (base, app) => ({
      ...base,
      balances: app.balances,
      transactions: app.transactions,
      payments: app.payments,
      earnings: app.earnings,
      movements: app.movements,
      scopeFor: scopeLookup(app.dataSource, base.caller),
      platform: platformLookup(app.dataSource),
    }),
    routes: ({ config: service, dataSource }, app) =>
      Router().use(
        closureCheckRoutes(service.internalSecret, (request) =>
          ledgerClosureBlockers(app.balances, request),
        ),
        transactionsExportRoute(service.internalSecret, dataSource),
        payoutRoutes(service.internalSecret, app.payoutDebits),
        disputeRoutes(service.internalSecret, app.disputeDebits),
      ),
  };
}

export const ledgerService = createLedgerService();
