import type { ServiceDefinition } from '@dash/subgraph';
import { AccountRepository } from './accounts.repository.js';
import { ApiKeyRepository } from './api-keys.repository.js';
import { authenticateRoutes } from './authenticate.route.js';
import type { IdentityContext } from './context.js';
import { Account } from './entities/account.entity.js';
import { ApiKey } from './entities/api-key.entity.js';
import { Platform } from './entities/platform.entity.js';
import { Init1764028800000 } from './migrations/1764028800000-Init.js';
import { ApiKeys1764100000000 } from './migrations/1764100000000-ApiKeys.js';
import { AccountProfile1764100000001 } from './migrations/1764100000001-AccountProfile.js';
import { referenceResolvers } from './resolvers/account.reference.js';
import { AccountResolver } from './resolvers/account.resolver.js';
import { ApiKeyResolver } from './resolvers/api-key.resolver.js';

/** Identity owns platforms, their API keys and connected accounts (later: login links, sessions). */
export const identityService: ServiceDefinition<IdentityContext> = {
  name: 'identity',
  defaultPort: 4001,
  entities: [Platform, Account, ApiKey],
  migrations: [Init1764028800000, ApiKeys1764100000000, AccountProfile1764100000001],
  resolvers: [AccountResolver, ApiKeyResolver],
  referenceResolvers: referenceResolvers as never,
  buildContext: (base, { dataSource }) => ({
    ...base,
    accounts: new AccountRepository(dataSource),
    apiKeys: new ApiKeyRepository(dataSource),
  }),
  routes: authenticateRoutes,
};
