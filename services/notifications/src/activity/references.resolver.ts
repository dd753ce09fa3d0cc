import type { Account } from './account.type.js';

/** Notifications only needs the id to resolve an account's fields; access is checked per field. */
export const referenceResolvers = {
  Account: {
    __resolveReference: (reference: Pick<Account, 'id'>): Account => ({ id: reference.id }),
  },
};
