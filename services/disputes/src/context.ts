import type { BaseContext, KnownPlatform } from '@dash/subgraph';
import type { DisputeLifecycle } from './disputes/dispute-lifecycle.js';
import type { ReserveTopups } from './disputes/reserve-topups.js';
import type { DisputeRepository } from './disputes.repository.js';
import type { DataSource } from 'typeorm';

export interface DisputesContext extends BaseContext {
  disputes: DisputeRepository;
  lifecycle: DisputeLifecycle;
  topups: ReserveTopups;
  dataSource: DataSource;
  platform(platformId: string): Promise<KnownPlatform | null>;
}
