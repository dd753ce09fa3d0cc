import type { Caller } from '@dash/auth-context';
import { unauthenticated } from '@dash/errors';
import type { Access } from '@dash/subgraph';

type OnboardingCaller = Extract<Caller, { kind: 'onboarding' }>;

/**
 * The browser of an opened account link, or null. Access knows signed-in accounts and platform
 * keys only: this is the one place an onboarding session is recognised.
 */
export const onboardingSession = (caller: Caller): OnboardingCaller | null =>
  caller.kind === 'onboarding' ? caller : null;

/** Who is filling in onboarding: an opened account link, or the signed-in account itself. */
export function onboardingCaller(access: Access): {
  accountId: string;
  accountLinkId: string | null;
} {
  const session = onboardingSession(access.caller);
  if (session) return { accountId: session.accountId, accountLinkId: session.accountLinkId };
  if (access.caller.kind !== 'account')
    throw unauthenticated('Open the onboarding link from your platform to continue.');
  return { accountId: access.signedInAccount().accountId, accountLinkId: null };
}
