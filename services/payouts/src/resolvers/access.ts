import type { PlatformFeatureName } from '@dash/contracts';
import { notFound, requireFeature, unauthenticated } from '@dash/subgraph';
import type { PayoutsContext } from '../context.js';
import type { AccountRef } from '@dash/contracts';

/** Whose payout data the caller may read for `accountId`: its own, or its platform's account. */
export async function readableOwner(
  context: PayoutsContext,
  accountId: string,
): Promise<AccountRef | null> {
  const { caller } = context;
  if (caller.kind === 'account')
    return caller.accountId === accountId
      ? { accountId, platformId: caller.platformId, livemode: caller.livemode }
      : null;
  if (caller.kind === 'platform') return context.directory.belongsTo(caller, accountId);
  throw unauthenticated();
}

/** The open account a change is for: the signed-in account, or one of the platform's own. */
export async function writableOwner(
  context: PayoutsContext,
  accountId: string,
): Promise<AccountRef> {
  const { caller } = context;
  if (caller.kind !== 'account' && caller.kind !== 'platform') throw unauthenticated();
  if (caller.kind === 'account' && caller.accountId !== accountId)
    throw notFound('account', accountId);
  return context.directory.openAccountOf(caller, accountId);
}

/** The signed-in account, where its platform allows `feature` from the dashboard. */
export async function accountAllowedTo(
  context: PayoutsContext,
  feature: PlatformFeatureName,
  message: string,
): Promise<AccountRef> {
  const account = await requireFeature(context.caller, context.platform, feature, message);
  return writableOwner(context, account.accountId);
}
