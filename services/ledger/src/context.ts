import type { BaseContext } from '@dash/subgraph';
import type { BalanceRepository } from './balances.repository.js';

export interface LedgerContext extends BaseContext {
  balances: BalanceRepository;
}
