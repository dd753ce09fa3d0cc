import { accountRefOf, type AccountRef } from '@dash/contracts';
import { DashError, notFound, unauthenticated } from '@dash/errors';
import type { Actor } from '@dash/events';
import type { Access } from '@dash/subgraph';

const ACCOUNT_ID = /^acct_[0-9A-Za-z_]{1,36}$/;

/** Whose documents a request sends, and who sends them (for the event). */
export interface DocumentOwner {
  account: AccountRef;
  by: Actor;
}

/**
 * Who may send an account's identity documents: the account itself (signed in, or through an
 * opened account link), or its platform for one of its own open accounts in the key's mode,
 * naming it (`account`, as Stripe's Files API and updateAccount take it). An account names no
 * other account: doing so finds nothing.
 */
export async function documentOwner(access: Access, account: unknown): Promise<DocumentOwner> {
  const named = account === null || account === undefined || account === '' ? undefined : account;
  const { caller } = access;
  if (caller.kind === 'platform') {
    if (typeof named !== 'string' || !ACCOUNT_ID.test(named))
      throw new DashError('BAD_USER_INPUT', 'Name the account the document is for: acct_….', {
        field: 'account',
        reason: 'ACCOUNT_REQUIRED',
      });
    return { account: accountRefOf(await access.writeAccount(named)), by: 'platform' };
  }
  if (caller.kind !== 'account' && caller.kind !== 'onboarding') throw unauthenticated();
  if (named !== undefined && named !== caller.accountId) throw notFound('account', String(named));
  const owned =
    caller.kind === 'onboarding'
      ? await access.onboardingAccount('Open the onboarding link from your platform to continue.')
      : await access.writeAccount(caller.accountId);
  return { account: accountRefOf(owned), by: 'account' };
}
