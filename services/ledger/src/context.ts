import type { BaseContext } from '@dash/subgraph';
import type { BalanceRepository } from './balances.repository.js';
import type { EarningsRepository } from './earnings.repository.js';
import type { KnownPlatform } from '@dash/subgraph';
import type { MoneyMovements } from './ledger/money-movements.service.js';
import type { LedgerScope } from './ledger/visible-scope.js';
import type { PaymentRepository } from './payments.repository.js';
import type { TransactionRepository } from './transactions.repository.js';

export interface LedgerContext extends BaseContext {
  balances: BalanceRepository;
  transactions: TransactionRepository;
  payments: PaymentRepository;
  earnings: EarningsRepository;
  movements: MoneyMovements;
  /** The caller's view of one account's ledger, or null when it may see none of it. */
  scopeFor(accountId: string): Promise<LedgerScope | null>;
  platform(platformId: string): Promise<KnownPlatform | null>;
}
