import { accountRefOf, type OwnedAccount, type Tenant } from '@dash/contracts';
import type { Access } from '@dash/subgraph';

/** The signed-in account, where its platform lets it answer its disputes itself. */
export const respondingAccount = (access: Access): Promise<OwnedAccount> =>
  access.feature('manageDisputes', 'Your platform responds to disputes for you.');

/** Whose disputes the caller answers: the platform's (any of its accounts'), or the account's own. */
export async function responder(access: Access): Promise<Tenant> {
  if (access.caller.kind === 'platform') return access.platform();
  return accountRefOf(await respondingAccount(access));
}
