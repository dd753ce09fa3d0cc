import type { BaseContext } from '@dash/subgraph';
import type { PayoutRepository } from './payouts.repository.js';

export interface PayoutsContext extends BaseContext {
  payouts: PayoutRepository;
}
