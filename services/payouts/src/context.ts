import type { AccountDirectory, BaseContext, KnownPlatform } from '@dash/subgraph';
import type { InstantFeeRule } from './domain/instant-fee.js';
import type { ExternalAccounts } from './payouts/external-accounts.service.js';
import type { PayoutLifecycle } from './payouts/lifecycle.js';
import type { PayoutRequests } from './payouts/payout-requests.js';
import type { PayoutSchedules } from './payouts/schedules.service.js';
import type { StepUp } from './payouts/step-up.js';
import type { PayoutRepository } from './payouts.repository.js';

export interface PayoutsContext extends BaseContext {
  payouts: PayoutRepository;
  externalAccounts: ExternalAccounts;
  schedules: PayoutSchedules;
  requests: PayoutRequests;
  lifecycle: PayoutLifecycle;
  directory: AccountDirectory;
  stepUp: StepUp;
  instantFee: InstantFeeRule;
  platform(platformId: string): Promise<KnownPlatform | null>;
}
