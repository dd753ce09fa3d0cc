import type { BaseContext } from '@dash/subgraph';
import type { DisputeRepository } from './disputes.repository.js';

export interface DisputesContext extends BaseContext {
  disputes: DisputeRepository;
}
