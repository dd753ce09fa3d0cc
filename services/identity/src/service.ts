import type { ServiceDefinition } from '@dash/subgraph';
import { AccountRepository } from './accounts.repository.js';
import type { IdentityContext } from './context.js';
import { Account } from './entities/account.entity.js';
import { Platform } from './entities/platform.entity.js';
import { Init1764028800000 } from './migrations/1764028800000-Init.js';
import { referenceResolvers } from './resolvers/account.reference.js';
import { AccountResolver } from './resolvers/account.resolver.js';

/** Identity owns platforms and connected accounts (later: keys, login links, sessions). */
export const identityService: ServiceDefinition<IdentityContext> = {
  name: 'identity',
  defaultPort: 4001,
  entities: [Platform, Account],
  migrations: [Init1764028800000],
  resolvers: [AccountResolver],
  referenceResolvers: referenceResolvers as never,
  buildContext: (base, { dataSource }) => ({
    ...base,
    accounts: new AccountRepository(dataSource),
  }),
};
