import type { Access, BaseContext } from '@dash/subgraph';
import type { DisputeLifecycle } from './dispute/dispute-lifecycle.service.js';
import type { Disputes } from './dispute/disputes.service.js';
import type { EvidenceFiles } from './evidence/evidence-files.service.js';
import type { ReserveTopups } from './reserve-topup/reserve-topups.service.js';

export interface DisputesContext extends BaseContext {
  /** The caller's gate to accounts and features: every resolver asks it first. */
  access: Access;
  disputes: Disputes;
  lifecycle: DisputeLifecycle;
  files: EvidenceFiles;
  topups: ReserveTopups;
}
