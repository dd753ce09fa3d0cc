import { openDeliveryProducer } from '@dash/contracts';
import { eventConsumerPart, EVENT_MIGRATIONS, outboxRelayPart } from '@dash/events';
import { CredentialEpochs } from '@dash/auth-context';
import { createCommandConnection, createProducerConnection } from '@dash/queue';
import { AccountClosureService } from './settings/account-closure.service.js';
import { ClosureChecks } from './settings/closure-checks.service.js';
import { PayoutDetailsCodes } from './settings/payout-details-codes.service.js';
import { ContactChangeService } from './settings/contact-change.service.js';
import type { ServiceDefinition, ServiceDeps } from '@dash/subgraph';
import { AccountRepository } from './account/account.service.js';
import { ApiKeyRepository } from './api-key/api-key.service.js';
import { identityInternalRoutes } from './login/authenticate.route.js';
import type { IdentityContext } from './context.js';
import { Account } from './account/account.entity.js';
import { ApiKey } from './api-key/api-key.entity.js';
import { Platform } from './platform/platform.entity.js';
import {
  AccountLinkRow,
  LoginChallengeRow,
  LoginLinkRow,
  SessionRow,
} from './login/login.entity.js';
import { Challenges } from './login/challenge.service.js';
import { CodeLimits } from './login/code-limits.service.js';
import { codeHashingSecret } from './login/code.rules.js';
import { resealPersonalIds } from './onboarding/personal-id-reseal.worker.js';
import { LoginService } from './login/login.service.js';
import { Init1764028800000 } from './migrations/1764028800000-Init.js';
import { ApiKeys1764100000000 } from './migrations/1764100000000-ApiKeys.js';
import { AccountProfile1764100000001 } from './migrations/1764100000001-AccountProfile.js';
import { Login1764100000003 } from './migrations/1764100000003-Login.js';
import { ChallengeDestination1764100000004 } from './migrations/1764100000004-ChallengeDestination.js';
import { ChallengeClientIp1764100000005 } from './migrations/1764100000005-ChallengeClientIp.js';
import { AccountSettings1764100000006 } from './migrations/1764100000006-AccountSettings.js';
import { Onboarding1764100000007 } from './migrations/1764100000007-Onboarding.js';
import { ContactChangeHold1765000000000 } from './migrations/1765000000000-ContactChangeHold.js';
import { EmailLoginPicker1765000000001 } from './migrations/1765000000001-EmailLoginPicker.js';
import { ApiKeyCreator1765050000000 } from './migrations/1765050000000-ApiKeyCreator.js';
import { PlatformFeaturesPerMode1765010000001 } from './migrations/1765010000001-PlatformFeaturesPerMode.js';
import { ManualReview, TestModeVerification } from './onboarding/verification.rules.js';
import { AccountLinks } from './onboarding/account-link.service.js';
import { markBankAccountProvided, OnboardingService } from './onboarding/onboarding.service.js';
import { OnboardingResolver } from './onboarding/onboarding.resolver.js';
import { referenceResolvers } from './account/account-reference.resolver.js';
import { AccountResolver } from './account/account.resolver.js';
import { AccountSettingsResolver } from './settings/settings.resolver.js';
import { ApiKeyResolver } from './api-key/api-key.resolver.js';
import { LoginResolver } from './login/login.resolver.js';
import { PlatformResolver } from './platform/platform.resolver.js';
import { loadIdentitySettings } from './identity-config.js';

/**
 * Everything identity's use cases need, built once per instance: its producer for the delivery
 * queue (sign-in codes), its Redis connections for the code limits and credential epochs, and
 * factories for what depends on the request's client address. `now` is the clock.
 */
export function assembleIdentity(
  deps: Pick<ServiceDeps, 'dataSource' | 'config' | 'env'>,
  now: () => Date,
) {
  const { dataSource, config } = deps;
  const settings = loadIdentitySettings(deps.env);
  // Codes are sealed with the delivery key before they reach Redis.
  const producer = openDeliveryProducer({
    redisUrl: settings.redisUrl,
    prefix: settings.redisPrefix,
    keys: config.internalSecret,
  });
  // Fails fast while Redis is down, so a code request is refused rather than left hanging.
  const limitsConnection = createProducerConnection(settings.redisUrl);
  const limits = new CodeLimits(limitsConnection, settings.redisPrefix);
  const epochsRedis = createCommandConnection(settings.redisUrl);
  const credentialEpochs = new CredentialEpochs(epochsRedis, settings.redisPrefix);
  const accounts = new AccountRepository(dataSource);
  const apiKeys = new ApiKeyRepository(dataSource);
  const challengesFor = (clientIp?: string) =>
    new Challenges(
      dataSource,
      producer.queue,
      limits,
      { secret: codeHashingSecret(config.internalSecret), ...(clientIp ? { clientIp } : {}) },
      now,
    );
  const loginFor = (clientIp?: string) =>
    new LoginService(
      dataSource,
      challengesFor(clientIp),
      { dashboardUrl: settings.dashboardUrl },
      now,
    );
  return {
    dataSource,
    internalSecret: config.internalSecret,
    settings,
    producer,
    limitsConnection,
    epochsRedis,
    credentialEpochs,
    accounts,
    apiKeys,
    now,
    challengesFor,
    loginFor,
    accountLinks: new AccountLinks(dataSource, settings.dashboardUrl),
    // Test mode simulates verification; live mode waits for a real provider (see verification.ts).
    onboarding: new OnboardingService(
      dataSource,
      { test: new TestModeVerification(), live: new ManualReview() },
      config.internalSecret,
    ),
  };
}

type IdentityApp = ReturnType<typeof assembleIdentity>;

/**
 * Identity owns platforms, their API keys, connected accounts, login links, one-time codes and
 * sessions. `now` is the clock (tests move it forward).
 */
export function createIdentityService(
  options: { now?: () => Date } = {},
): ServiceDefinition<IdentityContext, IdentityApp> {
  const now = options.now ?? (() => new Date());
  return {
    name: 'identity',
    defaultPort: 4001,
    entities: [
      Platform,
      Account,
      ApiKey,
      LoginLinkRow,
      LoginChallengeRow,
      SessionRow,
      AccountLinkRow,
    ],
    migrations: [
      Init1764028800000,
      ApiKeys1764100000000,
      AccountProfile1764100000001,
      Login1764100000003,
      ChallengeDestination1764100000004,
      ChallengeClientIp1764100000005,
      AccountSettings1764100000006,
      Onboarding1764100000007,
      ContactChangeHold1765000000000,
      EmailLoginPicker1765000000001,
      ApiKeyCreator1765050000000,
      PlatformFeaturesPerMode1765010000001,
      ...EVENT_MIGRATIONS,
    ],
    resolvers: [
      AccountResolver,
      AccountSettingsResolver,
      ApiKeyResolver,
      LoginResolver,
      OnboardingResolver,
      PlatformResolver,
    ],
    referenceResolvers: referenceResolvers as never,
    assemble: (deps) => assembleIdentity(deps, now),
    parts: [
      async (_deps, { producer, limitsConnection, epochsRedis }) => ({
        // Ready once both connections answer: code requests need the limits' too.
        readiness: { redis: producer.ping, codeLimits: () => limitsConnection.ping() },
        async stop() {
          await producer.close();
          limitsConnection.disconnect();
          epochsRedis.disconnect();
        },
      }),
      resealPart,
      outboxRelayPart,
      eventConsumerPart('identity', () => ({
        'external_account.updated': async (event, manager) => {
          if (event.accountId && event.data.kind === 'bank_account')
            await markBankAccountProvided(manager, event.accountId);
        },
      })),
    ],
    buildContext: (base, app) => {
      const challenges = app.challengesFor(base.clientIp);
      return {
        ...base,
        accounts: app.accounts,
        apiKeys: app.apiKeys,
        login: app.loginFor(base.clientIp),
        contactChange: new ContactChangeService(
          challenges,
          app.accounts,
          app.producer.queue,
          {
            ...(base.clientIp ? { clientIp: base.clientIp } : {}),
            ...(base.userAgent ? { userAgent: base.userAgent } : {}),
          },
          app.now,
        ),
        payoutDetails: new PayoutDetailsCodes(challenges, app.dataSource, app.now),
        accountLinks: app.accountLinks,
        onboarding: app.onboarding,
        closure: new AccountClosureService(
          app.dataSource,
          new ClosureChecks(app.settings.closureCheckUrls, app.internalSecret, base.log),
          challenges,
          app.credentialEpochs,
          app.now,
        ),
        credentialEpochs: app.credentialEpochs,
      };
    },
    routes: (deps, app) =>
      identityInternalRoutes(
        deps.config.internalSecret,
        deps.dataSource,
        app.apiKeys,
        app.loginFor(),
        new PayoutDetailsCodes(app.challengesFor(), deps.dataSource, app.now),
        () => app.credentialEpochs,
      ),
  };
}

/**
 * Personal ids sealed under an older root are moved to the current one in the background after
 * start-up, so an operator can drop the old root once every instance has run this (the log
 * says how many rows moved). Reads of old values keep working meanwhile.
 */
async function resealPart({ dataSource, config, log }: ServiceDeps) {
  const running = resealPersonalIds(dataSource, config.internalSecret).then(
    (rewritten) => {
      if (rewritten > 0) log.info({ rewritten }, 'personal ids moved to the current key');
    },
    (error: unknown) => log.error({ err: error }, 'moving personal ids to the current key failed'),
  );
  return { stop: () => running };
}

export const identityService = createIdentityService();
