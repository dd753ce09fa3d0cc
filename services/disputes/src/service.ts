import { Router } from 'express';
import type { Caller } from '@dash/auth-context';
import { eventConsumerPart, EVENT_MIGRATIONS, outboxRelayPart } from '@dash/events';
import { readVersionsConnection } from '@dash/read-cache';
import {
  Access,
  AccountDirectory,
  IdempotencyKeys,
  KnownPlatform,
  markAccountClosed,
  platformLookup,
  keepPlatform,
  SimulatedDebitRail,
  signedInAccountResolver,
  type ServiceDefinition,
  type ServiceDeps,
} from '@dash/subgraph';
import type { DisputesContext } from './context.js';
import { loadDisputesConfig } from './disputes-config.js';
import { Account } from './dispute/account.type.js';
import { SimulatedNetwork } from './dispute/card-network.service.js';
import { disputesClosureCheckRoute } from './dispute/closure-check.route.js';
import { DisputeLifecycle } from './dispute/dispute-lifecycle.service.js';
import { DisputeMutationsResolver } from './dispute/dispute-mutations.resolver.js';
import { Dispute } from './dispute/dispute.entity.js';
import { startDisputeWork } from './dispute/dispute.worker.js';
import { Disputes } from './dispute/disputes.service.js';
import { LedgerClient } from './dispute/ledger-client.service.js';
import { referenceResolvers } from './dispute/references.resolver.js';
// Fields print in the order their resolvers are imported: a dispute's evidence before its timeline.
import { EvidenceResolver } from './evidence/evidence.resolver.js';
import { AccountDisputesResolver, DisputeResolver } from './dispute/dispute.resolver.js';
import { DisputeFile } from './evidence/evidence-file.entity.js';
import { EvidenceFiles } from './evidence/evidence-files.service.js';
import { DatabaseFileStorage } from './evidence/database-file-storage.service.js';
import { LocalDiskStorage } from './evidence/file-storage.service.js';
import { UnusedFiles } from './evidence/unused-files.service.js';
import { UploadOwners } from './evidence/upload-owner.service.js';
import { uploadRoute } from './evidence/upload.route.js';
import { Init1764028800000 } from './migrations/1764028800000-Init.js';
import { Livemode1764100000010 } from './migrations/1764100000010-Livemode.js';
import { DisputeLifecycle1764600000001 } from './migrations/1764600000001-DisputeLifecycle.js';
import { BackedTopups1765020000001 } from './migrations/1765020000001-BackedTopups.js';
import { InquiryRelease1765020000002 } from './migrations/1765020000002-InquiryRelease.js';
import { EvidenceFileQuota1765050000010 } from './migrations/1765050000010-EvidenceFileQuota.js';
import { KnownAccountCapabilities1765010000000 } from './migrations/1765010000000-KnownAccountCapabilities.js';
import { EvidenceFileBytes1765300000000 } from './migrations/1765300000000-EvidenceFileBytes.js';
import { IdempotencyKeys1765100000000 } from './migrations/1765100000000-IdempotencyKeys.js';
import { ReserveTopupResolver } from './reserve-topup/reserve-topup.resolver.js';
import { ReserveTopup } from './reserve-topup/reserve-topup.entity.js';
import { ReserveTopups } from './reserve-topup/reserve-topups.service.js';

/** Everything the disputes use cases need, made once per instance from its settings. */
export function assembleDisputes(
  deps: Pick<ServiceDeps, 'dataSource' | 'log' | 'env'> & {
    config: Pick<ServiceDeps['config'], 'internalSecret'>;
  },
) {
  const { dataSource, log } = deps;
  const config = loadDisputesConfig(deps.env);
  const ledger = new LedgerClient(config.ledgerUrl, deps.config.internalSecret);
  const storage =
    config.fileStorage === 'disk'
      ? new LocalDiskStorage(config.fileStorageDir)
      : new DatabaseFileStorage(dataSource);
  const accounts = new AccountDirectory(
    dataSource,
    config.identityUrl,
    deps.config.internalSecret,
    'disputes',
  );
  return {
    config,
    /** The gate of one request (or upload): its caller over the accounts this service knows. */
    accessFor: (caller: Caller) => new Access(caller, accounts, platformLookup(dataSource)),
    disputes: new Disputes(dataSource),
    lifecycle: new DisputeLifecycle(dataSource, ledger, new SimulatedNetwork(), config, log),
    topups: new ReserveTopups(
      dataSource,
      new IdempotencyKeys(dataSource),
      ledger,
      new SimulatedDebitRail({ settleMs: config.topupSettleMs }),
      { dailyMax: config.topupDailyMax },
      log,
    ),
    files: new EvidenceFiles(dataSource, storage, {
      maxBytes: config.maxFileBytes,
      filesPerAccount: config.filesPerAccount,
      bytesPerAccount: config.fileBytesPerAccount,
      windowDays: config.fileQuotaDays,
    }),
    uploadOwners: new UploadOwners(dataSource),
    unusedFiles: new UnusedFiles(dataSource, storage, config.unusedFileDays, log),
  };
}

type DisputesApp = ReturnType<typeof assembleDisputes>;

/**
 * Disputes owns chargebacks and inquiries: their lifecycle, evidence and its files, outcomes,
 * and top-ups of the refunds-and-disputes reserve. The ledger moves the money.
 */
export function createDisputesService(): ServiceDefinition<DisputesContext, DisputesApp> {
  return {
    name: 'disputes',
    entities: [Dispute, DisputeFile, ReserveTopup, KnownPlatform],
    migrations: [
      Init1764028800000,
      Livemode1764100000010,
      DisputeLifecycle1764600000001,
      BackedTopups1765020000001,
      InquiryRelease1765020000002,
      EvidenceFileQuota1765050000010,
      KnownAccountCapabilities1765010000000,
      IdempotencyKeys1765100000000,
      EvidenceFileBytes1765300000000,
      ...EVENT_MIGRATIONS,
    ],
    resolvers: [
      signedInAccountResolver(Account),
      AccountDisputesResolver,
      EvidenceResolver,
      DisputeResolver,
      DisputeMutationsResolver,
      ReserveTopupResolver,
    ],
    orphanedTypes: [Account],
    referenceResolvers: referenceResolvers as never,
    assemble: assembleDisputes,
    connections: [readVersionsConnection],
    parts: [
      async (deps, app) =>
        startDisputeWork({
          redisUrl: app.config.redisUrl,
          prefix: app.config.redisPrefix,
          log: deps.log,
          tickMs: app.config.tickMs,
          lifecycle: app.lifecycle,
          topups: app.topups,
          unusedFiles: app.unusedFiles,
        }),
      outboxRelayPart,
      eventConsumerPart('disputes', (_deps, app: DisputesApp) => ({
        'platform.updated': keepPlatform,
        'charge.refunded': async (event, manager) => {
          if (event.data.closesDispute)
            await app.lifecycle.closeAnsweredInquiry(manager, event.data.closesDispute);
        },
        // Platforms upload evidence for their open accounts only (see UploadOwners).
        'account.closed': (event, manager) => markAccountClosed(manager, event.accountId!),
      })),
    ],
    buildContext: (base, app) => ({
      access: app.accessFor(base.caller),
      disputes: app.disputes,
      lifecycle: app.lifecycle,
      files: app.files,
      topups: app.topups,
    }),
    routes: ({ config }, app) =>
      Router().use(
        disputesClosureCheckRoute(config.internalSecret, app.disputes),
        uploadRoute(
          config.internalSecret,
          app.files,
          app.uploadOwners,
          app.accessFor,
          app.config.maxFileBytes,
        ),
      ),
  };
}

export const disputesService = createDisputesService();
