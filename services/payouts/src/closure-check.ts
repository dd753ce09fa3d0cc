import { In } from 'typeorm';
import type { ClosureBlocker, ClosureCheckRequest } from '@dash/contracts';
import { PayoutStatus } from './entities/payout.entity.js';
import type { PayoutRepository } from './payouts.repository.js';

/** A payout still on its way to the bank must arrive (or fail back) before the account closes. */
export async function payoutsClosureBlockers(
  payouts: PayoutRepository,
  scope: ClosureCheckRequest,
): Promise<ClosureBlocker[]> {
  const underway = await payouts.count(scope, {
    status: In([PayoutStatus.pending, PayoutStatus.in_transit]),
  });
  return underway === 0
    ? []
    : [
        {
          reason: 'PAYOUT_IN_PROGRESS',
          message: 'A payout is on its way to the bank; wait until it arrives.',
        },
      ];
}
