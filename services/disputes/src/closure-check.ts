import { Not, In } from 'typeorm';
import type { ClosureBlocker, ClosureCheckRequest } from '@dash/contracts';
import type { DisputeRepository } from './disputes.repository.js';
import { DisputeStatus } from './entities/dispute.entity.js';

const CLOSED_STATUSES = [DisputeStatus.won, DisputeStatus.lost];

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
