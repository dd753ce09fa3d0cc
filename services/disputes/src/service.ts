import { Router } from 'express';
import { eventConsumerPart, EVENT_MIGRATIONS, outboxRelayPart } from '@dash/events';
import {
  closureCheckRoutes,
  KnownPlatform,
  platformLookup,
  keepPlatform,
  type ServiceDefinition,
  type ServiceDeps,
} from '@dash/subgraph';
import { disputesClosureBlockers } from './closure-check.js';
import type { DisputesContext } from './context.js';
import { SimulatedNetwork } from './disputes/card-network.js';
import { DisputeLifecycle } from './disputes/dispute-lifecycle.js';
import { LedgerClient } from './disputes/ledger-client.js';
import { ReserveTopups } from './disputes/reserve-topups.js';
import { DisputeRepository } from './disputes.repository.js';
import { loadDisputesConfig, type DisputesConfig } from './disputes-config.js';
import { Account } from './entities/account.type.js';
import { Dispute } from './entities/dispute.entity.js';
import { DisputeFile } from './entities/dispute-file.entity.js';
import { ReserveTopup } from './entities/reserve-topup.entity.js';
import { EvidenceFiles } from './files/evidence-files.js';
import { LocalDiskStorage } from './files/file-storage.js';
import { uploadRoute } from './files/upload.route.js';
import { Init1764028800000 } from './migrations/1764028800000-Init.js';
import { Livemode1764100000010 } from './migrations/1764100000010-Livemode.js';
import { DisputeLifecycle1764600000001 } from './migrations/1764600000001-DisputeLifecycle.js';
import { KnownAccountCapabilities1765010000000 } from './migrations/1765010000000-KnownAccountCapabilities.js';
import { referenceResolvers } from './resolvers/account.reference.js';
import { AccountDisputesResolver } from './resolvers/account-disputes.resolver.js';
import { DisputeMutationsResolver } from './resolvers/dispute-mutations.resolver.js';
import { DisputeResolver } from './resolvers/dispute.resolver.js';
import { startDisputeWork } from './workers/dispute.worker.js';

/** Everything the disputes use cases need, made once per instance from its settings. */
export function assembleDisputes(
  deps: Pick<ServiceDeps, 'dataSource' | 'log'> & {
    config: Pick<ServiceDeps['config'], 'internalSecret'>;
  },
  config: DisputesConfig,
) {
  const ledger = new LedgerClient(config.ledgerUrl, deps.config.internalSecret);
  return {
    config,
    lifecycle: new DisputeLifecycle(
      deps.dataSource,
      ledger,
      new SimulatedNetwork(),
      config,
      deps.log,
    ),
    topups: new ReserveTopups(deps.dataSource, ledger),
    files: new EvidenceFiles(
      deps.dataSource,
      new LocalDiskStorage(config.fileStorageDir),
      config.maxFileBytes,
    ),
  };
}

/**
 * Disputes owns chargebacks and inquiries: their lifecycle, evidence and its files, outcomes,
 * and top-ups of the refunds-and-disputes reserve. The ledger moves the money.
 */
export function createDisputesService(): ServiceDefinition<DisputesContext> {
  // Made when the instance starts (its first part), used by every request after.
  let app: ReturnType<typeof assembleDisputes> | undefined;
  return {
    name: 'disputes',
    defaultPort: 4004,
    entities: [Dispute, DisputeFile, ReserveTopup, KnownPlatform],
    migrations: [
      Init1764028800000,
      Livemode1764100000010,
      DisputeLifecycle1764600000001,
      KnownAccountCapabilities1765010000000,
      ...EVENT_MIGRATIONS,
    ],
    resolvers: [AccountDisputesResolver, DisputeResolver, DisputeMutationsResolver],
    orphanedTypes: [Account],
    referenceResolvers: referenceResolvers as never,
    parts: [
      async (deps) => {
        app = assembleDisputes(deps, loadDisputesConfig(deps.env));
        return startDisputeWork({
          redisUrl: app.config.redisUrl,
          prefix: app.config.redisPrefix,
          log: deps.log,
          tickMs: app.config.tickMs,
          lifecycle: app.lifecycle,
          topups: app.topups,
        });
      },
      outboxRelayPart,
      eventConsumerPart('disputes', () => ({
        'platform.updated': keepPlatform,
      })),
    ],
    buildContext: (base, { dataSource }) => ({
      ...base,
      dataSource,
      disputes: new DisputeRepository(dataSource),
      lifecycle: app!.lifecycle,
      topups: app!.topups,
      platform: platformLookup(dataSource),
    }),
    routes: ({ config, dataSource }) =>
      Router().use(
        closureCheckRoutes(config.internalSecret, (request) =>
          disputesClosureBlockers(new DisputeRepository(dataSource), request),
        ),
        uploadRoute(config.internalSecret, app!.files, app!.config.maxFileBytes),
      ),
  };
}

export const disputesService = createDisputesService();
