import { describe, expect, it } from 'vitest';
import type { Caller } from '@dash/auth-context';
import { Access, type AccountOwnership } from '@dash/subgraph';
import { onboardingCaller } from './onboarding-caller.rules.js';

const nobody: AccountOwnership = {
  belongsTo: () => Promise.resolve(null),
  openAccountOf: () => Promise.reject(new Error('not asked')),
};
const accessOf = (caller: Caller) => new Access(caller, nobody, () => Promise.resolve(null));
const tenant = { platformId: 'plat_a', livemode: false };
const link: Caller = {
  kind: 'onboarding',
  accountId: 'acct_jo',
  ...tenant,
  sessionId: 'ses_1',
  accountLinkId: 'al_1',
};

describe('who fills in onboarding', () => {
  it('is an opened account link, or the signed-in account itself', () => {
    expect(accessOf(link).onboardingSession()).toBe(link);
    expect(onboardingCaller(accessOf(link))).toEqual({
      accountId: 'acct_jo',
      accountLinkId: 'al_1',
    });
    expect(
      onboardingCaller(accessOf({ kind: 'account', accountId: 'acct_jo', ...tenant })),
    ).toEqual({ accountId: 'acct_jo', accountLinkId: null });
  });

  it('is nobody else: a platform key or a stranger is sent to the link', () => {
    for (const caller of [
      { kind: 'platform', ...tenant, keyId: 'k' },
      { kind: 'anonymous' },
    ] as Caller[]) {
      expect(accessOf(caller).onboardingSession()).toBeNull();
      expect(() => onboardingCaller(accessOf(caller))).toThrow(
        'Open the onboarding link from your platform to continue.',
      );
    }
  });
});
