import { closureCheckRoutes, type ServiceDefinition } from '@dash/subgraph';
import { Account } from './entities/account.type.js';
import { BalanceRepository } from './balances.repository.js';
import { ledgerClosureBlockers } from './closure-check.js';
import type { LedgerContext } from './context.js';
import { BalanceTransaction } from './entities/balance-transaction.entity.js';
import { Init1764028800000 } from './migrations/1764028800000-Init.js';
import { Livemode1764100000010 } from './migrations/1764100000010-Livemode.js';
import { referenceResolvers } from './resolvers/account.reference.js';
import { AccountBalancesResolver } from './resolvers/account-balances.resolver.js';

/** The ledger owns money movements and the balances derived from them. */
export const ledgerService: ServiceDefinition<LedgerContext> = {
  name: 'ledger',
  defaultPort: 4002,
  entities: [BalanceTransaction],
  migrations: [Init1764028800000, Livemode1764100000010],
  resolvers: [AccountBalancesResolver],
  // Ledger adds fields to Account but has no query of its own yet, so name the type explicitly.
  orphanedTypes: [Account],
  referenceResolvers: referenceResolvers as never,
  buildContext: (base, { dataSource }) => ({
    ...base,
    balances: new BalanceRepository(dataSource),
  }),
  routes: ({ config, dataSource }) =>
    closureCheckRoutes(config.internalSecret, (request) =>
      ledgerClosureBlockers(new BalanceRepository(dataSource), request),
    ),
};
