import { Router } from 'express';
import { eventConsumerPart, EVENT_MIGRATIONS, outboxRelayPart } from '@dash/events';
import {
  AccountDirectory,
  closureCheckRoutes,
  KnownPlatform,
  markAccountClosed,
  platformLookup,
  keepPlatform,
  type ServiceDefinition,
  type ServiceDeps,
} from '@dash/subgraph';
import { disputesClosureBlockers } from './closure-check.js';
import type { DisputesContext } from './context.js';
import { SimulatedDebitRail } from './bank/simulated-debit-rail.js';
import { SimulatedNetwork } from './disputes/card-network.js';
import { DisputeLifecycle } from './disputes/dispute-lifecycle.js';
import { LedgerClient } from './disputes/ledger-client.js';
import { ReserveTopups } from './disputes/reserve-topups.js';
import { DisputeRepository } from './disputes.repository.js';
import { loadDisputesConfig } from './disputes-config.js';
import { Account } from './entities/account.type.js';
import { Dispute } from './entities/dispute.entity.js';
import { DisputeFile } from './entities/dispute-file.entity.js';
import { ReserveTopup } from './entities/reserve-topup.entity.js';
import { EvidenceFiles } from './files/evidence-files.js';
import { LocalDiskStorage } from './files/file-storage.js';
import { UnusedFiles } from './files/unused-files.js';
import { UploadOwners } from './files/upload-owner.js';
import { uploadRoute } from './files/upload.route.js';
import { Init1764028800000 } from './migrations/1764028800000-Init.js';
import { Livemode1764100000010 } from './migrations/1764100000010-Livemode.js';
import { DisputeLifecycle1764600000001 } from './migrations/1764600000001-DisputeLifecycle.js';
import { BackedTopups1765020000001 } from './migrations/1765020000001-BackedTopups.js';
import { InquiryRelease1765020000002 } from './migrations/1765020000002-InquiryRelease.js';
import { EvidenceFileQuota1765050000010 } from './migrations/1765050000010-EvidenceFileQuota.js';
import { KnownAccountCapabilities1765010000000 } from './migrations/1765010000000-KnownAccountCapabilities.js';
import { referenceResolvers } from './resolvers/account.reference.js';
import { AccountDisputesResolver } from './resolvers/account-disputes.resolver.js';
import { DisputeMutationsResolver } from './resolvers/dispute-mutations.resolver.js';
import { DisputeResolver } from './resolvers/dispute.resolver.js';
import { startDisputeWork } from './workers/dispute.worker.js';

/** Everything the disputes use cases need, made once per instance from its settings. */
export function assembleDisputes(
  deps: Pick<ServiceDeps, 'dataSource' | 'log' | 'env'> & {
    config: Pick<ServiceDeps['config'], 'internalSecret'>;
  },
) {
  const config = loadDisputesConfig(deps.env);
  const ledger = new LedgerClient(config.ledgerUrl, deps.config.internalSecret);
  const storage = new LocalDiskStorage(config.fileStorageDir);
  return {
    config,
    dataSource: deps.dataSource,
    disputes: new DisputeRepository(deps.dataSource),
    lifecycle: new DisputeLifecycle(
      deps.dataSource,
      ledger,
      new SimulatedNetwork(),
      config,
      deps.log,
    ),
    topups: new ReserveTopups(
      deps.dataSource,
      ledger,
      new SimulatedDebitRail({ settleMs: config.topupSettleMs }),
      { dailyMax: config.topupDailyMax },
      deps.log,
    ),
    files: new EvidenceFiles(deps.dataSource, storage, {
      maxBytes: config.maxFileBytes,
      filesPerAccount: config.filesPerAccount,
      bytesPerAccount: config.fileBytesPerAccount,
      windowDays: config.fileQuotaDays,
    }),
    uploadOwners: new UploadOwners(
      deps.dataSource,
      new AccountDirectory(
        deps.dataSource,
        config.identityUrl,
        deps.config.internalSecret,
        'disputes',
      ),
    ),
    unusedFiles: new UnusedFiles(deps.dataSource, storage, config.unusedFileDays, deps.log),
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
    defaultPort: 4004,
    entities: [Dispute, DisputeFile, ReserveTopup, KnownPlatform],
    migrations: [
      Init1764028800000,
      Livemode1764100000010,
      DisputeLifecycle1764600000001,
      BackedTopups1765020000001,
      InquiryRelease1765020000002,
      EvidenceFileQuota1765050000010,
      KnownAccountCapabilities1765010000000,
      ...EVENT_MIGRATIONS,
    ],
    resolvers: [AccountDisputesResolver, DisputeResolver, DisputeMutationsResolver],
    orphanedTypes: [Account],
    referenceResolvers: referenceResolvers as never,
    assemble: assembleDisputes,
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
      ...base,
      dataSource: app.dataSource,
      disputes: app.disputes,
      lifecycle: app.lifecycle,
      topups: app.topups,
      platform: platformLookup(app.dataSource),
    }),
    routes: ({ config }, app) =>
      Router().use(
        closureCheckRoutes(config.internalSecret, (request) =>
          disputesClosureBlockers(app.disputes, request),
        ),
        uploadRoute(config.internalSecret, app.files, app.uploadOwners, app.config.maxFileBytes),
      ),
  };
}

export const disputesService = createDisputesService();
