import { Router } from 'express';
import type { Caller } from '@dash/auth-context';
import { eventConsumerPart, EVENT_MIGRATIONS, outboxRelayPart } from '@dash/events';
import { readVersionsConnection } from '@dash/read-cache';
import {
  Access,
  AccountDirectory,
  closureCheckRoutes,
  IdempotencyKeys,
  keepCapabilities,
  keepPlatform,
  KnownPlatform,
  markAccountClosed,
  platformLookup,
  signedInAccountResolver,
  type ServiceDefinition,
  type ServiceDeps,
} from '@dash/subgraph';
import { AccountBalancesResolver, referenceResolvers } from './account/account.resolver.js';
import { Account } from './account/account.type.js';
import { Balances } from './account/balances.service.js';
import { BalanceTransaction } from './balance-transaction/balance-transaction.entity.js';
import {
  AccountTransactionsResolver,
  BalanceTransactionResolver,
} from './balance-transaction/balance-transaction.resolver.js';
import { BalanceTransactions } from './balance-transaction/balance-transactions.service.js';
import { transactionsExportRoute } from './balance-transaction/export.route.js';
import { BalanceAvailableSweep } from './balance-available/balance-available.service.js';
import { startBalanceAvailableSweep } from './balance-available/balance-available.worker.js';
import { Charge } from './charge/charge.entity.js';
import { ChargeResolver } from './charge/charge.resolver.js';
import { Charges } from './charge/charge.service.js';
import { AccountPaymentsResolver, PaymentResolver } from './charge/payment.resolver.js';
import { Payments } from './charge/payments.service.js';
import type { LedgerContext } from './context.js';
import { DisputeDebits } from './dispute/dispute-debits.service.js';
import { disputeRoutes } from './dispute/dispute.route.js';
import { AccountEarningsResolver } from './earnings/earnings.resolver.js';
import { EarningsRollup } from './earnings/earnings.service.js';
import { loadLedgerConfig } from './ledger-config.js';
import { Init1764028800000 } from './migrations/1764028800000-Init.js';
import { Livemode1764100000010 } from './migrations/1764100000010-Livemode.js';
import { DoubleEntry1764400000000 } from './migrations/1764400000000-DoubleEntry.js';
import { LeanPostings1764400000001 } from './migrations/1764400000001-LeanPostings.js';
import { Payouts1764600000000 } from './migrations/1764600000000-Payouts.js';
import { KnownAccountCapabilities1765010000000 } from './migrations/1765010000000-KnownAccountCapabilities.js';
import { ChargeDisputes1765020000000 } from './migrations/1765020000000-ChargeDisputes.js';
import { IdempotencyKeysShape1765200000000 } from './migrations/1765200000000-IdempotencyKeysShape.js';
import { BalanceAvailableSweep1765300000000 } from './migrations/1765300000000-BalanceAvailableSweep.js';
import { TaxForms1765600000000 } from './migrations/1765600000000-TaxForms.js';
import { Risk1765700000000 } from './migrations/1765700000000-Risk.js';
import { NegativeBalances1765700000100 } from './migrations/1765700000100-NegativeBalances.js';
import { NegativeBalanceWatch } from './negative-balance/negative-balance-watch.service.js';
import { BalanceNegativeResolver } from './negative-balance/negative-balance.resolver.js';
import { startNegativeBalanceWatch } from './negative-balance/negative-balance.worker.js';
import { NegativeBalances } from './negative-balance/negative-balances.service.js';
import { BalanceReserveHeldResolver } from './reserve-hold/balance-reserve.resolver.js';
import { ReserveHolds } from './reserve-hold/reserve-holds.service.js';
import { keepRollingReserve } from './reserve-hold/rolling-reserves.service.js';
import { RiskAssessor } from './risk/risk-assessor.service.js';
import { RiskOverview } from './risk/risk-overview.type.js';
import { riskOverviewReference, RiskOverviewResolver } from './risk/risk-overview.resolver.js';
import { RiskSettingsStore } from './risk/risk-settings.service.js';
import { RiskSignals } from './risk/risk-signals.service.js';
import { startRiskChore } from './risk/risk.worker.js';
import {
  AccountRiskSignalsResolver,
  RiskResolver,
  RiskSignalHistoryResolver,
} from './risk/risk.resolver.js';
import { RecoveryDebits } from './recovery/recovery-debits.service.js';
import { recoveryRoutes } from './recovery/recovery.route.js';
import { keepTaxProfile } from './tax-forms/tax-profile.service.js';
import { TaxForm, TaxProfileRow, TaxSettingsRow } from './tax-forms/tax-form.entity.js';
import {
  AccountTaxFormsResolver,
  TaxFormResolver,
  TaxSettingsResolver,
} from './tax-forms/tax-form.resolver.js';
import { taxFormPdfRoute } from './tax-forms/tax-form.route.js';
import { TaxForms } from './tax-forms/tax-forms.service.js';
import { PayoutDebits } from './payout/payout-debits.service.js';
import { payoutRoutes } from './payout/payout.route.js';
import { payoutForecastRoute } from './payout-forecast/payout-forecast.route.js';
import { PayoutForecasts } from './payout-forecast/payout-forecasts.service.js';
import { ServiceCommands } from './postings/commands.service.js';
import { startMaintenance } from './postings/maintenance.worker.js';
// Type-graphql lists mutations in the order their modules load: charge, transfer, refund.
import { Transfer } from './transfer/transfer.entity.js';
import { TransferResolver } from './transfer/transfer.resolver.js';
import { Refund } from './refund/refund.entity.js';
import { RefundResolver } from './refund/refund.resolver.js';
import { Refunds } from './refund/refund.service.js';
import { Transfers } from './transfer/transfer.service.js';

/** Every object of one ledger instance, built here and nowhere else. */
export function assembleLedger(deps: Pick<ServiceDeps, 'dataSource' | 'config' | 'env'>) {
  const { dataSource } = deps;
  const config = loadLedgerConfig(deps.env);
  const keys = new IdempotencyKeys(dataSource);
  // Keeps recently seen accounts in memory, so it is one per instance.
  const accounts = new AccountDirectory(
    dataSource,
    config.identityUrl,
    deps.config.internalSecret,
    'ledger',
  );
  const commands = new ServiceCommands(dataSource, keys);
  const balances = new Balances(dataSource);
  const negativeBalances = new NegativeBalances(dataSource, balances);
  const riskSettings = new RiskSettingsStore(dataSource);
  return {
    config,
    keys,
    /** One request's gate and platform look-ups (each remembers what it learnt for the request). */
    /** Each request's gate: the caller against the accounts the directory knows. */
    accessFor: (caller: Caller) => new Access(caller, accounts, platformLookup(dataSource)),
    /** Per request too: platforms' names for descriptions, each read once per request. */
    platformsFor: () => platformLookup(dataSource),
    balances,
    balanceAvailable: new BalanceAvailableSweep(dataSource, balances),
    transactions: new BalanceTransactions(dataSource),
    payments: new Payments(dataSource),
    earnings: new EarningsRollup(dataSource),
    charges: new Charges(dataSource, accounts, config, keys),
    transfers: new Transfers(dataSource, accounts, keys),
    refunds: new Refunds(dataSource, keys),
    payoutDebits: new PayoutDebits(commands),
    payoutForecasts: new PayoutForecasts(dataSource, balances),
    disputeDebits: new DisputeDebits(dataSource, commands),
    taxForms: new TaxForms(dataSource, keys),
    negativeBalances,
    riskSettings,
    riskSignals: new RiskSignals(dataSource),
    riskAssessor: new RiskAssessor(dataSource, riskSettings, balances, negativeBalances),
    reserveHolds: new ReserveHolds(dataSource),
    negativeBalanceWatch: new NegativeBalanceWatch(dataSource, balances),
    recoveries: new RecoveryDebits(dataSource, commands, negativeBalances),
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
    entities: [
      BalanceTransaction,
      Charge,
      Refund,
      Transfer,
      KnownPlatform,
      TaxForm,
      TaxSettingsRow,
      TaxProfileRow,
    ],
    migrations: [
      Init1764028800000,
      Livemode1764100000010,
      DoubleEntry1764400000000,
      LeanPostings1764400000001,
      Payouts1764600000000,
      ChargeDisputes1765020000000,
      KnownAccountCapabilities1765010000000,
      IdempotencyKeysShape1765200000000,
      BalanceAvailableSweep1765300000000,
      TaxForms1765600000000,
      Risk1765700000000,
      NegativeBalances1765700000100,
      ...EVENT_MIGRATIONS,
    ],
    resolvers: [
      AccountBalancesResolver,
      AccountTransactionsResolver,
      AccountPaymentsResolver,
      AccountEarningsResolver,
      signedInAccountResolver(Account),
      ChargeResolver,
      TransferResolver,
      RefundResolver,
      PaymentResolver,
      BalanceTransactionResolver,
      AccountTaxFormsResolver,
      TaxFormResolver,
      TaxSettingsResolver,
      BalanceNegativeResolver,
      RiskResolver,
      AccountRiskSignalsResolver,
      RiskSignalHistoryResolver,
      RiskOverviewResolver,
      BalanceReserveHeldResolver,
    ],
    orphanedTypes: [Account, RiskOverview],
    referenceResolvers: { ...referenceResolvers, ...riskOverviewReference } as never,
    assemble: assembleLedger,
    connections: [readVersionsConnection],
    parts: [
      async ({ dataSource, log }, { config, keys }) =>
        startMaintenance({
          dataSource,
          keys,
          redisUrl: config.redisUrl,
          prefix: config.redisPrefix,
          log,
        }),
      async ({ log }, { config, balanceAvailable }) =>
        startBalanceAvailableSweep({
          sweep: balanceAvailable,
          everyMs: config.balanceAvailableSweepMs,
          redisUrl: config.redisUrl,
          prefix: config.redisPrefix,
          log,
        }),
      async ({ log }, { config, negativeBalanceWatch }) =>
        startNegativeBalanceWatch({
          watch: negativeBalanceWatch,
          everyMs: config.negativeBalanceWatchMs,
          redisUrl: config.redisUrl,
          prefix: config.redisPrefix,
          log,
        }),
      async ({ log }, { config, riskAssessor, reserveHolds }) =>
        startRiskChore({
          assessor: riskAssessor,
          reserveHolds,
          everyMs: config.riskTickMs,
          redisUrl: config.redisUrl,
          prefix: config.redisPrefix,
          log,
        }),
      outboxRelayPart,
      eventConsumerPart('ledger', () => ({
        'platform.updated': keepPlatform,
        'account.closed': (event, manager) => markAccountClosed(manager, event.accountId!),
        'account.updated': async (event, manager) => {
          await keepCapabilities(event, manager);
          await keepRollingReserve(event, manager);
        },
        'tax_info.updated': keepTaxProfile,
      })),
    ],
    buildContext: (base, app) => ({
      access: app.accessFor(base.caller),
      platform: app.platformsFor(),
      balances: app.balances,
      transactions: app.transactions,
      payments: app.payments,
      earnings: app.earnings,
      charges: app.charges,
      transfers: app.transfers,
      refunds: app.refunds,
      taxForms: app.taxForms,
      negativeBalances: app.negativeBalances,
      riskSettings: app.riskSettings,
      riskSignals: app.riskSignals,
      reserveHolds: app.reserveHolds,
    }),
    routes: ({ config: service }, app) =>
      Router().use(
        closureCheckRoutes(service.internalSecret, (request) =>
          app.balances.closureBlockers(request),
        ),
        transactionsExportRoute(service.internalSecret, app, app.transactions),
        payoutRoutes(service.internalSecret, app.payoutDebits),
        payoutForecastRoute(service.internalSecret, app.payoutForecasts),
        disputeRoutes(service.internalSecret, app.disputeDebits),
        recoveryRoutes(service.internalSecret, app.recoveries),
        taxFormPdfRoute(service.internalSecret, app, app.taxForms),
      ),
  };
}

export const ledgerService = createLedgerService();
