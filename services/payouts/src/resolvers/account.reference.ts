import type { Account } from '../entities/account.type.js';
import { Payout } from '../entities/payout.entity.js';
import type { PayoutsContext } from '../context.js';

/**
 * Payouts only needs the id to resolve an account's fields (access is checked per field); a
 * payout another subgraph points at (an activity item) is looked up and shown only to who may
 * see it.
 */
export const referenceResolvers = {
  Account: {
    __resolveReference: (reference: Pick<Account, 'id'>): Account => ({ id: reference.id }),
  },
  Payout: {
    __resolveReference: async (
      reference: Pick<Payout, 'id'>,
      context: PayoutsContext,
    ): Promise<Payout | null> => {
      return context.payouts.visibleById(context.caller, reference.id);
    },
  },
};
