import type { Access, AccountDirectory, BaseContext } from '@dash/subgraph';
import type { ExternalAccounts } from './external-account/external-accounts.service.js';
import type { StepUp } from './external-account/step-up.service.js';
import type { InstantFeeRule } from './payout/instant-fee.rules.js';
import type { PayoutLifecycle } from './payout/payout-lifecycle.service.js';
import type { PayoutRequests } from './payout/payout-requests.service.js';
import type { Payouts } from './payout/payouts.service.js';
import type { PayoutForecasts } from './schedule/payout-forecasts.service.js';
import type { PayoutSchedules } from './schedule/payout-schedules.service.js';
import type { RecoveryDebits } from './recovery/recovery-debits.service.js';

/** One request's context: the caller's Access first, then the service's use cases. */
export interface PayoutsContext extends BaseContext {
  access: Access;
  payouts: Payouts;
  externalAccounts: ExternalAccounts;
  schedules: PayoutSchedules;
  forecasts: PayoutForecasts;
  requests: PayoutRequests;
  lifecycle: PayoutLifecycle;
  directory: AccountDirectory;
  stepUp: StepUp;
  instantFee: InstantFeeRule;
  /** Debits of the accounts' banks recovering negative balances. */
  recoveryDebits: RecoveryDebits;
}
