import type { DisputesContext } from '../context.js';
import type { Account } from './account.type.js';
import type { Dispute } from './dispute.entity.js';

/**
 * Disputes only needs the id to resolve an account's fields (access is checked per field); a
 * dispute another subgraph points at (an activity item) is shown only to who may see it.
 */
export const referenceResolvers = {
  Account: {
    __resolveReference: (reference: Pick<Account, 'id'>): Account => ({ id: reference.id }),
  },
  Dispute: {
    __resolveReference: async (
      reference: Pick<Dispute, 'id'>,
      { access, disputes }: DisputesContext,
    ): Promise<Dispute | null> => {
      const dispute = await disputes.byId(reference.id);
      return dispute && access.canSee(dispute) ? dispute : null;
    },
  },
};
