import type { Caller } from '@dash/auth-context';
// Resolvers load first and in this order: type-graphql lists the schema's fields in the order
// their modules load, and the printed schema (schema.graphql) keeps that order.
import { OnboardingResolver } from './onboarding/onboarding.resolver.js';
import { AccountResolver, accountReference } from './account/account.resolver.js';
import { SettingsResolver } from './settings/settings.resolver.js';
import { AccountDetailsResolver } from './account-details/account-details.resolver.js';
import { ApiKeyResolver } from './api-key/api-key.resolver.js';
import { LoginResolver } from './login/login.resolver.js';
import { PlatformResolver, platformReference } from './platform/platform.resolver.js';
import { EmbeddingResolver } from './embedding/embedding.resolver.js';
import { TaxInformationResolver } from './tax-info/tax-information.resolver.js';
import {
  AccountRiskInterventionsResolver,
  RiskInterventionResolver,
  riskOverviewReference,
} from './risk-intervention/risk-intervention.resolver.js';
import { Router } from 'express';
import { openDeliveryProducer } from '@dash/contracts';
import { eventConsumerPart, EVENT_MIGRATIONS, outboxRelayPart } from '@dash/events';
import { readVersionsConnection } from '@dash/read-cache';
import { CredentialEpochs } from '@dash/auth-context';
import { createCommandConnection, createProducerConnection } from '@dash/queue';
import {
  Access,
  IdempotencyKeys,
  madeOnFirstUse,
  type Makers,
  type BaseContext,
  type ServiceDefinition,
  type ServiceDeps,
} from '@dash/subgraph';
import type { IdentityContext } from './context.js';
import { loadIdentitySettings } from './identity-config.js';
import { Account } from './account/account.entity.js';
import { accountContactRoute, accountOwnerRoute } from './account/account.route.js';
import { AccountService } from './account/account.service.js';
import { ApiKey } from './api-key/api-key.entity.js';
import { ApiKeyService } from './api-key/api-key.service.js';
import { authenticateRoute } from './login/authenticate.route.js';
import { Challenges } from './login/challenge.service.js';
import { CodeLimits } from './login/code-limits.service.js';
import { codeHashingSecret } from './login/code.rules.js';
import { LoginChallengeRow, LoginLinkRow, SessionRow } from './login/login.entity.js';
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
import { AccountListIndexes1765400000000 } from './migrations/1765400000000-AccountListIndexes.js';
import { PlatformFeaturesPerMode1765010000001 } from './migrations/1765010000001-PlatformFeaturesPerMode.js';
import { AccountLinkRow } from './onboarding/account-link.entity.js';
import { AccountLinks } from './onboarding/account-link.service.js';
import { markBankAccountProvided, OnboardingService } from './onboarding/onboarding.service.js';
import { personalIdResealPart } from './onboarding/personal-id-reseal.worker.js';
import { ManualReview, TestModeVerification } from './onboarding/verification.rules.js';
import { Platform } from './platform/platform.entity.js';
import { PlatformBranding } from './branding/platform-branding.service.js';
import { PlatformBrandingResolver } from './branding/platform-branding.resolver.js';
import { platformIconRoute } from './branding/platform-icon.route.js';
import { PlatformBranding1765300000001 } from './migrations/1765300000001-PlatformBranding.js';
import { PlatformTechnicalEmail1765500000001 } from './migrations/1765500000001-PlatformTechnicalEmail.js';
import { SelfServeSms1765600000400 } from './migrations/1765600000400-SelfServeSms.js';
import { PlatformService } from './platform/platform.service.js';
import { AccountSessions } from './embedding/account-session.service.js';
import { AccountSessionRow, EmbedOriginRow } from './embedding/account-session.entity.js';
import { AccountSessions1765500000000 } from './migrations/1765500000000-AccountSessions.js';
import { AccountClosureService } from './settings/account-closure.service.js';
import { challengeCheckRoute } from './settings/challenge-check.route.js';
import { ClosureChecks } from './settings/closure-checks.service.js';
import { ContactChangeService } from './settings/contact-change.service.js';
import { PayoutDetailsCodes } from './settings/payout-details-codes.service.js';
import { TaxInformation1765600000200 } from './migrations/1765600000200-TaxInformation.js';
import { TaxInformationRow } from './tax-info/tax-information.entity.js';
import { TaxInformationService } from './tax-info/tax-information.service.js';
import { taxIdResealPart } from './tax-info/tin-reseal.worker.js';
import { AccountDetailsCodes } from './account-details/details-codes.service.js';
import { Reverification } from './account-details/reverification.service.js';
import { startRequestKeyExpiry } from './risk-intervention/request-keys.worker.js';
import {
  loadReverificationSettings,
  startReverification,
} from './account-details/reverification.worker.js';
import { DetailsReverification1765600000000 } from './migrations/1765600000000-DetailsReverification.js';
import { VerificationDocuments1765600000100 } from './migrations/1765600000100-VerificationDocuments.js';
import { IdentityFile } from './verification-document/identity-file.entity.js';
import { IdentityFiles } from './verification-document/identity-files.service.js';
import { identityFileRoute } from './verification-document/identity-file.route.js';
import { VerificationDocument } from './verification-document/verification-document.entity.js';
import { VerificationDocumentResolver } from './verification-document/verification-document.resolver.js';
import { RiskInterventions1765700000000 } from './migrations/1765700000000-RiskInterventions.js';
import { RiskIntervention } from './risk-intervention/risk-intervention.entity.js';
import { RiskInterventions } from './risk-intervention/risk-interventions.service.js';
import { reconcileAssessment } from './risk-intervention/risk-assessment.consumer.js';
import { VerificationDocuments } from './verification-document/verification-documents.service.js';
import {
  ManualDocumentReview,
  TestModeDocumentReview,
} from './verification-document/document-review.rules.js';

/**
 * Everything identity's use cases need, built once per instance: its producer for the delivery
 * queue (sign-in codes), its Redis connections for the code limits and credential epochs, and
 * the use cases that depend on the request's client. `now` is the clock.
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
  const accounts = new AccountService(dataSource);
  const challengesFor = (clientIp?: string) =>
    new Challenges(
      dataSource,
      producer.queue,
      limits,
      { secret: codeHashingSecret(config.internalSecret), ...(clientIp ? { clientIp } : {}) },
      now,
    );
  /**
   * The use cases that answer for one client: its address counts against the code limits, and
   * a contact change tells the old contact where it was asked from.
   */
  const forClient = ({ log, clientIp, userAgent }: Client) => {
    // Made on first use: a request uses one of these at most, most requests none.
    let challenges: Challenges | undefined;
    const challengesOnce = () => (challenges ??= challengesFor(clientIp));
    const origin = { ...(clientIp ? { clientIp } : {}), ...(userAgent ? { userAgent } : {}) };
    return {
      login: () =>
        new LoginService(
          dataSource,
          challengesOnce(),
          { dashboardUrl: settings.dashboardUrl },
          now,
        ),
      contactChange: () =>
        new ContactChangeService(challengesOnce(), accounts, producer.queue, origin, now),
      payoutDetails: () => new PayoutDetailsCodes(challengesOnce(), accounts, now),
      taxInformation: () =>
        new TaxInformationService(dataSource, challengesOnce(), config.internalSecret, origin, now),
      accountDetails: () => new AccountDetailsCodes(challengesOnce(), accounts, now),
      closure: () =>
        new AccountClosureService(
          dataSource,
          new ClosureChecks(settings.closureCheckUrls, config.internalSecret, log),
          challengesOnce(),
          credentialEpochs,
          now,
        ),
    } satisfies Makers<ClientUseCases>;
  };
  const platforms = new PlatformService(dataSource);
  // Test mode simulates verification; live mode waits for a real provider (see verification.rules.ts).
  const onboarding = new OnboardingService(
    dataSource,
    { test: new TestModeVerification(), live: new ManualReview() },
    config.internalSecret,
  );
  const identityFiles = new IdentityFiles(dataSource, settings.documentFiles, now);
  const requestKeys = new IdempotencyKeys(dataSource, now);
  return {
    branding: new PlatformBranding(dataSource),
    producer,
    limitsConnection,
    epochsRedis,
    credentialEpochs,
    accounts,
    platforms,
    /**
     * Each request's gate and reads: the caller against identity's own accounts and platforms,
     * each account read once for the request's fields and its gate.
     */
    forRequest: (caller: Caller) => {
      const accountReads = accounts.reader();
      return { accountReads, access: new Access(caller, accountReads, platforms.lookup()) };
    },
    apiKeys: new ApiKeyService(dataSource),
    accountSessions: new AccountSessions(dataSource, now),
    forClient,
    accountLinks: new AccountLinks(dataSource, settings.dashboardUrl),
    onboarding,
    reverification: new Reverification(
      dataSource,
      (account, keys) => onboarding.verifyAnswers(account, keys),
      loadReverificationSettings(deps.env),
      now,
    ),
    identityFiles,
    maxDocumentBytes: settings.documentFiles.maxBytes,
    // Test mode reviews documents by their test markers; live mode waits for a real provider.
    verificationDocuments: new VerificationDocuments(
      dataSource,
      identityFiles,
      { test: new TestModeDocumentReview(), live: new ManualDocumentReview() },
      now,
    ),
    requestKeys,
    riskInterventions: new RiskInterventions(dataSource, requestKeys, now),
  };
}

const redisOf = ({ redisUrl, redisPrefix }: { redisUrl: string; redisPrefix: string }) => ({
  redisUrl,
  prefix: redisPrefix,
});

/** The use cases that answer for one client (see forClient). */
interface ClientUseCases {
  login: LoginService;
  contactChange: ContactChangeService;
  payoutDetails: PayoutDetailsCodes;
  taxInformation: TaxInformationService;
  accountDetails: AccountDetailsCodes;
  closure: AccountClosureService;
}

/** Who a request's use cases answer for, as the gateway saw it. */
type Client = Pick<BaseContext, 'log' | 'clientIp' | 'userAgent'>;

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
    entities: [
      Platform,
      Account,
      ApiKey,
      LoginLinkRow,
      LoginChallengeRow,
      SessionRow,
      AccountLinkRow,
      AccountSessionRow,
      EmbedOriginRow,
      TaxInformationRow,
      IdentityFile,
      VerificationDocument,
      RiskIntervention,
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
      PlatformBranding1765300000001,
      AccountListIndexes1765400000000,
      AccountSessions1765500000000,
      PlatformTechnicalEmail1765500000001,
      DetailsReverification1765600000000,
      VerificationDocuments1765600000100,
      SelfServeSms1765600000400,
      TaxInformation1765600000200,
      RiskInterventions1765700000000,
      ...EVENT_MIGRATIONS,
    ],
    resolvers: [
      AccountResolver,
      SettingsResolver,
      AccountDetailsResolver,
      ApiKeyResolver,
      LoginResolver,
      OnboardingResolver,
      PlatformResolver,
      PlatformBrandingResolver,
      EmbeddingResolver,
      VerificationDocumentResolver,
      RiskInterventionResolver,
      AccountRiskInterventionsResolver,
      TaxInformationResolver,
    ],
    referenceResolvers: {
      Account: accountReference,
      Platform: platformReference,
      RiskOverview: riskOverviewReference,
    } as never,
    assemble: (deps) => assembleIdentity(deps, now),
    connections: [
      readVersionsConnection,
      async (_deps, { producer, limitsConnection, epochsRedis }) => ({
        // Ready once both connections answer: code requests need the limits' too.
        readiness: { redis: producer.ping, codeLimits: () => limitsConnection.ping() },
        async stop() {
          await producer.close();
          limitsConnection.disconnect();
          epochsRedis.disconnect();
        },
      }),
    ],
    parts: [
      personalIdResealPart,
      taxIdResealPart,
      async ({ env, log }, app) =>
        startReverification({
          ...redisOf(loadIdentitySettings(env)),
          log,
          tickMs: loadReverificationSettings(env).tickMs,
          reverification: app.reverification,
        }),
      async ({ env, log }, app) =>
        startRequestKeyExpiry({
          ...redisOf(loadIdentitySettings(env)),
          log,
          keys: app.requestKeys,
        }),
      outboxRelayPart,
      eventConsumerPart('identity', () => ({
        'external_account.updated': async (event, manager) => {
          if (event.accountId && event.data.kind === 'bank_account')
            await markBankAccountProvided(manager, event.accountId);
        },
        'risk.assessed': (event, manager) => reconcileAssessment(manager, event, now()),
      })),
    ],
    buildContext: (base, app) => {
      const { accountReads, access } = app.forRequest(base.caller);
      return madeOnFirstUse(app.forClient(base), {
        accountReads,
        access,
        accounts: app.accounts,
        platforms: app.platforms,
        branding: app.branding,
        apiKeys: app.apiKeys,
        accountSessions: app.accountSessions,
        accountLinks: app.accountLinks,
        onboarding: app.onboarding,
        verificationDocuments: app.verificationDocuments,
        riskInterventions: app.riskInterventions,
        credentialEpochs: app.credentialEpochs,
      });
    },
    routes: ({ config, log }, app) => {
      // Other services' calls carry no end client: no per-address limits apply to them.
      const { login, payoutDetails } = madeOnFirstUse(app.forClient({ log }));
      return Router().use(
        authenticateRoute(config.internalSecret, {
          keys: app.apiKeys,
          login,
          accountSessions: app.accountSessions,
          epochs: app.credentialEpochs,
        }),
        accountOwnerRoute(config.internalSecret, app.accounts),
        accountContactRoute(config.internalSecret, app.accounts),
        challengeCheckRoute(config.internalSecret, payoutDetails),
        platformIconRoute(app.branding),
        identityFileRoute(
          config.internalSecret,
          app.identityFiles,
          (caller) => app.forRequest(caller).access,
          app.maxDocumentBytes,
        ),
      );
    },
  };
}

export const identityService = createIdentityService();
