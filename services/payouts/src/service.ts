import { closureCheckRoutes, type ServiceDefinition } from '@dash/subgraph';
import { payoutsClosureBlockers } from './closure-check.js';
import type { PayoutsContext } from './context.js';
import { Account } from './entities/account.type.js';
import { Payout } from './entities/payout.entity.js';
import { Init1764028800000 } from './migrations/1764028800000-Init.js';
import { Livemode1764100000010 } from './migrations/1764100000010-Livemode.js';
import { PayoutRepository } from './payouts.repository.js';
import { referenceResolvers } from './resolvers/account.reference.js';
import { AccountPayoutsResolver } from './resolvers/account-payouts.resolver.js';

/** Payouts owns money leaving balances for bank accounts (later: schedules, instant payouts). */
export const payoutsService: ServiceDefinition<PayoutsContext> = {
  name: 'payouts',
  defaultPort: 4003,
  entities: [Payout],
  migrations: [Init1764028800000, Livemode1764100000010],
  resolvers: [AccountPayoutsResolver],
  orphanedTypes: [Account],
  referenceResolvers: referenceResolvers as never,
  buildContext: (base, { dataSource }) => ({ ...base, payouts: new PayoutRepository(dataSource) }),
  routes: ({ config, dataSource }) =>
    closureCheckRoutes(config.internalSecret, (request) =>
      payoutsClosureBlockers(new PayoutRepository(dataSource), request),
    ),
};
