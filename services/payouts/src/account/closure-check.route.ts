import type { SecretKeys } from '@dash/config';
import { closureCheckRoutes } from '@dash/subgraph';
import type { Payouts } from '../payout/payouts.service.js';

/** A payout still on its way to the bank must arrive (or fail back) before the account closes. */
export const payoutsClosureCheck = (secret: SecretKeys, payouts: Payouts) =>
  closureCheckRoutes(secret, async (account) =>
    (await payouts.countUnderway(account)) === 0
      ? []
      : [
          {
            reason: 'PAYOUT_IN_PROGRESS',
            message: 'A payout is on its way to the bank; wait until it arrives.',
          },
        ],
  );
