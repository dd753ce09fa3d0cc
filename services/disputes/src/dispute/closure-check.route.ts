import { In, Not } from 'typeorm';
import type { SecretKeys } from '@dash/config';
import { closureCheckRoutes } from '@dash/subgraph';
import { CLOSED_STATUSES } from './dispute.rules.js';
import type { Disputes } from './disputes.service.js';

/** While a dispute is open, money may still move either way, so the account stays open. */
export const disputesClosureCheckRoute = (secret: SecretKeys, disputes: Disputes) =>
  closureCheckRoutes(secret, async (account) => {
    const open = await disputes.count(account, { status: Not(In(CLOSED_STATUSES)) });
    return open === 0
      ? []
      : [{ reason: 'OPEN_DISPUTE', message: 'A dispute is still open; it must be closed first.' }];
  });
