import type { SecretKeys } from '@dash/config';
import type { ClosureBlocker } from '@dash/contracts';
import { closureCheckRoutes } from '@dash/subgraph';
import type { Payouts } from '../payout/payouts.service.js';
import type { RecoveryDebits } from '../recovery/recovery-debits.service.js';

/**
 * A payout still on its way to the bank must arrive (or fail back) before the account closes,
 * and so must a debit recovering a negative balance: were it to fail after the closing, a
 * closed account would owe money nothing could recover.
 */
export const payoutsClosureCheck = (
  secret: SecretKeys,
  payouts: Payouts,
  recoveryDebits: RecoveryDebits,
) =>
  closureCheckRoutes(secret, async (account) => {
    const [underway, recovering] = await Promise.all([
      payouts.countUnderway(account),
      recoveryDebits.countOpen(account),
    ]);
    const blockers: ClosureBlocker[] = [];
    if (underway > 0)
      blockers.push({
        reason: 'PAYOUT_IN_PROGRESS',
        message: 'A payout is on its way to the bank; wait until it arrives.',
      });
    if (recovering > 0)
      blockers.push({
        reason: 'RECOVERY_IN_PROGRESS',
        message:
          'A debit of your bank account to cover a negative balance is under way; wait until it settles.',
      });
    return blockers;
  });
