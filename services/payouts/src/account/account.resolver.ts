import type { Account } from './account.type.js';

/** Payouts only needs the id to resolve an account's fields (access is checked per field). */
export const accountReference = {
  __resolveReference: (reference: Pick<Account, 'id'>): Account => ({ id: reference.id }),
};
