import type { Access, BaseContext, PlatformLookup } from '@dash/subgraph';
import type { Balances } from './account/balances.service.js';
import type { BalanceTransactions } from './balance-transaction/balance-transactions.service.js';
import type { Charges } from './charge/charge.service.js';
import type { Payments } from './charge/payments.service.js';
import type { EarningsRollup } from './earnings/earnings.service.js';
import type { Refunds } from './refund/refund.service.js';
import type { Transfers } from './transfer/transfer.service.js';
import type { NegativeBalances } from './negative-balance/negative-balances.service.js';
import type { TaxForms } from './tax-forms/tax-forms.service.js';
import type { ReserveHolds } from './reserve-hold/reserve-holds.service.js';
import type { RiskSettingsStore } from './risk/risk-settings.service.js';
import type { RiskSignals } from './risk/risk-signals.service.js';

export interface LedgerContext extends BaseContext {
  /** Who may read or move whose money: every resolver asks it first. */
  access: Access;
  /** The platforms this request has looked up (names for default descriptions). */
  platform: PlatformLookup;
  balances: Balances;
  transactions: BalanceTransactions;
  payments: Payments;
  earnings: EarningsRollup;
  charges: Charges;
  transfers: Transfers;
  refunds: Refunds;
  /** US tax forms: settings, generation, corrections, lists. */
  taxForms: TaxForms;
  /** Balances below zero: since when, why, when they are recovered. */
  negativeBalances: NegativeBalances;
  /** Each platform's risk settings per mode. */
  riskSettings: RiskSettingsStore;
  /** Accounts' risk signals and their history, for platforms. */
  riskSignals: RiskSignals;
  /** Rolling-reserve holds: what they keep of a balance. */
  reserveHolds: ReserveHolds;
}
