import type { Account } from '../entities/account.type.js';
import type { Dispute } from '../entities/dispute.entity.js';
import type { DisputesContext } from '../context.js';

/**
 * Disputes only needs the id to resolve an account's fields (access is checked per field); a
 * dispute another subgraph points at (an activity item) is shown only to who may see it.
 */
export const referenceResolvers = {
  Account: {
    __resolveReference: (reference: Pick<Account, 'id'>): Account => ({ id: reference.id }),
  },
  Dispute: {
    __resolveReference: (
      reference: Pick<Dispute, 'id'>,
      { caller, disputes }: DisputesContext,
    ): Promise<Dispute | null> => disputes.visibleById(caller, reference.id),
  },
};
