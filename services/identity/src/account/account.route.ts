import type { SecretKeys } from '@dash/config';
import {
  ACCOUNT_CONTACT_PATH,
  ACCOUNT_OWNER_PATH,
  type AccountContact,
  type OwnedAccount,
} from '@dash/contracts';
import { internalRoute, InternalRouteError } from '@dash/subgraph';
import { ownedAccountOf } from './account.rules.js';
import type { AccountService } from './account.service.js';

/** The account an internal request names by `accountId`, or a 404 for the caller. */
async function namedAccount(accounts: AccountService, body: { accountId?: unknown }) {
  const account = typeof body.accountId === 'string' ? await accounts.find(body.accountId) : null;
  if (!account) throw new InternalRouteError(404, 'NOT_FOUND', 'No such account.');
  return account;
}

/**
 * POST /internal/account-owner { accountId } → which platform and mode an account belongs to,
 * and what its requirements let it do with money now: how a service that keeps money for
 * accounts (the ledger, payouts) checks a platform's request is for one of its own accounts,
 * and that the account may be charged or paid out.
 */
export function accountOwnerRoute(secret: SecretKeys, accounts: AccountService) {
  return internalRoute<{ accountId: string }, OwnedAccount>(
    ACCOUNT_OWNER_PATH,
    secret,
    ['ledger', 'payouts', 'disputes', 'notifications'],
    async (body) => ownedAccountOf(await namedAccount(accounts, body), new Date()),
  );
}

/**
 * POST /internal/account-contact { accountId } → where to reach the account's holder: for the
 * notifications service, when an email about the account's activity is due.
 */
export function accountContactRoute(secret: SecretKeys, accounts: AccountService) {
  return internalRoute<{ accountId: string }, AccountContact>(
    ACCOUNT_CONTACT_PATH,
    secret,
    ['notifications'],
    async (body) => {
      const account = await namedAccount(accounts, body);
      return { email: account.email, phone: account.phone, displayName: account.displayName };
    },
  );
}
