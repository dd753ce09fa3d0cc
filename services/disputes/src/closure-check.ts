import { In, Not } from 'typeorm';
import type { ClosureBlocker, ClosureCheckRequest } from '@dash/contracts';
import type { DisputeRepository } from './disputes.repository.js';
import { DISPUTE_STATUSES, isClosed } from './domain/lifecycle.js';

const CLOSED_STATUSES = DISPUTE_STATUSES.filter(isClosed);

/** While a dispute is open, money may still move either way, so the account stays open. */
export async function disputesClosureBlockers(
  disputes: DisputeRepository,
  scope: ClosureCheckRequest,
): Promise<ClosureBlocker[]> {
  const open = await disputes.count(scope, { status: Not(In(CLOSED_STATUSES)) });
  return open === 0
    ? []
    : [{ reason: 'OPEN_DISPUTE', message: 'A dispute is still open; it must be closed first.' }];
}
