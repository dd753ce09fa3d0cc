import type { Account } from './account.entity.js';
import type { Platform } from '../platform/platform.entity.js';
import type { IdentityContext } from '../context.js';

/** How the gateway turns `{ __typename: "Account", id }` from another subgraph into an account. */
export const referenceResolvers = {
  Account: {
    __resolveReference: (reference: Pick<Account, 'id'>, { caller, accounts }: IdentityContext) =>
      accounts.findAccount(reference.id, caller),
  },
  Platform: {
    __resolveReference: (reference: Pick<Platform, 'id'>, { caller, accounts }: IdentityContext) =>
      accounts.findPlatform(reference.id, caller),
  },
};
