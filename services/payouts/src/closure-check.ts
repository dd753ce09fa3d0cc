import { In } from 'typeorm';
import type { ClosureBlocker, ClosureCheckRequest } from '@dash/contracts';
import { UNDERWAY, type PayoutRepository } from './payouts.repository.js';

/** A payout still on its way to the bank must arrive (or fail back) before the account closes. */
export async function payoutsClosureBlockers(
  payouts: PayoutRepository,
  scope: ClosureCheckRequest,
): Promise<ClosureBlocker[]> {
  const underway = await payouts.count(scope, { status: In(UNDERWAY) });
  return underway === 0
    ? []
    : [
        {
          reason: 'PAYOUT_IN_PROGRESS',
          message: 'A payout is on its way to the bank; wait until it arrives.',
        },
      ];
}
