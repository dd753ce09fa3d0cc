import { closureCheckRoutes, type ServiceDefinition } from '@dash/subgraph';
import { disputesClosureBlockers } from './closure-check.js';
import type { DisputesContext } from './context.js';
import { DisputeRepository } from './disputes.repository.js';
import { Account } from './entities/account.type.js';
import { Dispute } from './entities/dispute.entity.js';
import { Init1764028800000 } from './migrations/1764028800000-Init.js';
import { Livemode1764100000010 } from './migrations/1764100000010-Livemode.js';
import { referenceResolvers } from './resolvers/account.reference.js';
import { AccountDisputesResolver } from './resolvers/account-disputes.resolver.js';

/** Disputes owns chargebacks, their evidence and outcomes. */
export const disputesService: ServiceDefinition<DisputesContext> = {
  name: 'disputes',
  defaultPort: 4004,
  entities: [Dispute],
  migrations: [Init1764028800000, Livemode1764100000010],
  resolvers: [AccountDisputesResolver],
  orphanedTypes: [Account],
  referenceResolvers: referenceResolvers as never,
  buildContext: (base, { dataSource }) => ({
    ...base,
    disputes: new DisputeRepository(dataSource),
  }),
  routes: ({ config, dataSource }) =>
    closureCheckRoutes(config.internalSecret, (request) =>
      disputesClosureBlockers(new DisputeRepository(dataSource), request),
    ),
};
