import { unauthenticated } from '@dash/errors';
import type { Access } from '@dash/subgraph';

/** Who is filling in onboarding: an opened account link, or the signed-in account itself. */
export function onboardingCaller(access: Access): {
  accountId: string;
  accountLinkId: string | null;
} {
  const session = access.onboardingSession();
  if (session) return { accountId: session.accountId, accountLinkId: session.accountLinkId };
  if (access.caller.kind !== 'account')
    throw unauthenticated('Open the onboarding link from your platform to continue.');
  return { accountId: access.signedInAccount().accountId, accountLinkId: null };
}
