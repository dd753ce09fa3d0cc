import { deliveryQueue, type DeliveryJobs } from '@dash/contracts';
import { openQueue, type TypedQueue } from '@dash/queue';
import type { ServiceDefinition, ServiceDeps } from '@dash/subgraph';
import { AccountRepository } from './accounts.repository.js';
import { ApiKeyRepository } from './api-keys.repository.js';
import { authenticateRoutes } from './authenticate.route.js';
import type { IdentityContext } from './context.js';
import { Account } from './entities/account.entity.js';
import { ApiKey } from './entities/api-key.entity.js';
import { Platform } from './entities/platform.entity.js';
import { LoginChallengeRow, LoginLinkRow, SessionRow } from './login/login.entities.js';
import { LoginService } from './login/login.service.js';
import { Init1764028800000 } from './migrations/1764028800000-Init.js';
import { ApiKeys1764100000000 } from './migrations/1764100000000-ApiKeys.js';
import { AccountProfile1764100000001 } from './migrations/1764100000001-AccountProfile.js';
import { Login1764100000003 } from './migrations/1764100000003-Login.js';
import { ChallengeDestination1764100000004 } from './migrations/1764100000004-ChallengeDestination.js';
import { ChallengeClientIp1764100000005 } from './migrations/1764100000005-ChallengeClientIp.js';
import { referenceResolvers } from './resolvers/account.reference.js';
import { AccountResolver } from './resolvers/account.resolver.js';
import { ApiKeyResolver } from './resolvers/api-key.resolver.js';
import { LoginResolver } from './resolvers/login.resolver.js';
import { loadIdentitySettings } from './settings.js';

/**
 * Identity owns platforms, their API keys, connected accounts, login links, one-time codes and
 * sessions. Each started instance has its own producer for the delivery queue (sign-in codes).
 */
export function createIdentityService(): ServiceDefinition<IdentityContext> {
  // Set once when the instance starts (its queue part), read by every request after.
  let delivery: TypedQueue<DeliveryJobs> | undefined;
  let dashboardUrl = '';
  const loginFor = ({ dataSource, config }: ServiceDeps, clientIp?: string) =>
    new LoginService(dataSource, delivery!, {
      dashboardUrl,
      secret: config.internalSecret,
      ...(clientIp ? { clientIp } : {}),
    });
  return {
    name: 'identity',
    defaultPort: 4001,
    entities: [Platform, Account, ApiKey, LoginLinkRow, LoginChallengeRow, SessionRow],
    migrations: [
      Init1764028800000,
      ApiKeys1764100000000,
      AccountProfile1764100000001,
      Login1764100000003,
      ChallengeDestination1764100000004,
      ChallengeClientIp1764100000005,
    ],
    resolvers: [AccountResolver, ApiKeyResolver, LoginResolver],
    referenceResolvers: referenceResolvers as never,
    parts: [
      async ({ env }) => {
        const settings = loadIdentitySettings(env);
        dashboardUrl = settings.dashboardUrl;
        const producer = openQueue(deliveryQueue, {
          redisUrl: settings.redisUrl,
          prefix: settings.redisPrefix,
        });
        delivery = producer.queue;
        return {
          readiness: { redis: producer.ping },
          stop: producer.close,
        };
      },
    ],
    buildContext: (base, deps) => ({
      ...base,
      accounts: new AccountRepository(deps.dataSource),
      apiKeys: new ApiKeyRepository(deps.dataSource),
      login: loginFor(deps, base.clientIp),
    }),
    routes: (deps) =>
      authenticateRoutes(
        deps.config.internalSecret,
        new ApiKeyRepository(deps.dataSource),
        loginFor(deps),
      ),
  };
}

export const identityService = createIdentityService();
