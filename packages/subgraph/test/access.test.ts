import { describe, expect, it } from 'vitest';
import type { Caller } from '@dash/auth-context';
import type { OwnedAccount, Tenant } from '@dash/contracts';
import { DashError, notFound } from '@dash/errors';
import { Access, type AccountOwnership, type KnownPlatform } from '../src/index.js';

/** The gate, asked by every kind of caller for accounts that are and are not theirs. */
const account = (accountId: string, platformId: string, livemode = false, closed = false) =>
  ({
    accountId,
    platformId,
    livemode,
    closed,
    chargesEnabled: true,
    payoutsEnabled: true,
    chargesUntil: null,
    asOf: new Date(0).toISOString(),
  }) satisfies OwnedAccount;

const ACCOUNTS = [
  account('acct_a1', 'plat_a'),
  account('acct_a_live', 'plat_a', true),
  account('acct_a_closed', 'plat_a', false, true),
  account('acct_b1', 'plat_b'),
];

/** Ownership as a directory answers it, counting how often it is asked. */
function ownership() {
  let asked = 0;
  const find = (tenant: Tenant, accountId: string) =>
    ACCOUNTS.find(
      (row) =>
        row.accountId === accountId &&
        row.platformId === tenant.platformId &&
        row.livemode === tenant.livemode,
    ) ?? null;
  const directory: AccountOwnership & { asked(): number } = {
    async belongsTo(tenant, accountId) {
      asked += 1;
      return find(tenant, accountId);
    },
    async openAccountOf(tenant, accountId) {
      const owned = find(tenant, accountId);
      if (!owned) throw notFound('account', accountId);
      if (owned.closed)
        throw new DashError('FAILED_PRECONDITION', 'This account is closed.', {
          reason: 'ACCOUNT_CLOSED',
        });
      return owned;
    },
    asked: () => asked,
  };
  return directory;
}

const platformWith = (features: Record<string, boolean>) => async () =>
  ({ id: 'plat_a', name: 'A', features, testFeatures: features }) as KnownPlatform;

const PLATFORM_A: Caller = { kind: 'platform', platformId: 'plat_a', livemode: false, keyId: 'k' };
const SIGNED_IN_A1: Caller = {
  kind: 'account',
  accountId: 'acct_a1',
  platformId: 'plat_a',
  livemode: false,
};
const ONBOARDING_A1: Caller = {
  kind: 'onboarding',
  accountId: 'acct_a1',
  platformId: 'plat_a',
  livemode: false,
  sessionId: 's',
  accountLinkId: 'l',
};

const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => 'allowed',
    (error: DashError) => error.extensions.reason ?? error.extensions.code,
  );

describe('Access', () => {
  it('lets an account read only itself, and a platform only its own accounts in its mode', async () => {
    const own = new Access(SIGNED_IN_A1, ownership(), platformWith({}));
    expect(await own.readAccount('acct_a1')).toEqual({
      accountId: 'acct_a1',
      platformId: 'plat_a',
      livemode: false,
    });
    expect(await own.readAccount('acct_b1')).toBeNull();
    const platform = new Access(PLATFORM_A, ownership(), platformWith({}));
    expect(await platform.readAccount('acct_a1')).not.toBeNull();
    expect(await platform.readAccount('acct_a_closed')).not.toBeNull();
    // Another platform's account, and its own live account through a test key.
    expect(await platform.readAccount('acct_b1')).toBeNull();
    expect(await platform.readAccount('acct_a_live')).toBeNull();
    expect(await codeOf(platform.readableAccount('acct_b1'))).toBe('NOT_FOUND');
  });

  it('asks who owns an account once per request, however many fields need it', async () => {
    const directory = ownership();
    const platform = new Access(PLATFORM_A, directory, platformWith({}));
    await Promise.all(Array.from({ length: 10 }, () => platform.readAccount('acct_a1')));
    expect(directory.asked()).toBe(1);
  });

  it('refuses anonymous, onboarding and service callers everything an account or key may do', async () => {
    for (const caller of [
      { kind: 'anonymous' },
      ONBOARDING_A1,
      { kind: 'service', service: 'ledger' },
    ] as Caller[]) {
      const access = new Access(caller, ownership(), platformWith({}));
      expect(() => access.readAccount('acct_a1')).toThrow(DashError);
      expect(await codeOf(access.writeAccount('acct_a1'))).toBe('UNAUTHENTICATED');
      expect(() => access.tenant()).toThrow(DashError);
      expect(access.canSee(ACCOUNTS[0]!)).toBe(false);
    }
  });

  it('writes only to open accounts the caller owns', async () => {
    const own = new Access(SIGNED_IN_A1, ownership(), platformWith({}));
    expect(await codeOf(own.writeAccount('acct_a1'))).toBe('allowed');
    expect(await codeOf(own.writeAccount('acct_b1'))).toBe('NOT_FOUND');
    const platform = new Access(PLATFORM_A, ownership(), platformWith({}));
    expect(await codeOf(platform.writeAccount('acct_a_closed'))).toBe('ACCOUNT_CLOSED');
    expect(await codeOf(platform.writeAccount('acct_b1'))).toBe('NOT_FOUND');
    expect(await codeOf(platform.writeAccount('acct_a_live'))).toBe('NOT_FOUND');
  });

  it('refuses a feature the platform switched off, with the screen’s words', async () => {
    const off = new Access(SIGNED_IN_A1, ownership(), platformWith({ instantPayouts: false }));
    await expect(off.feature('instantPayouts', 'Ask your platform.')).rejects.toMatchObject({
      message: 'Ask your platform.',
      extensions: { code: 'FORBIDDEN', reason: 'FEATURE_DISABLED', feature: 'instantPayouts' },
    });
    const on = new Access(SIGNED_IN_A1, ownership(), platformWith({ instantPayouts: true }));
    expect((await on.feature('instantPayouts', 'x')).accountId).toBe('acct_a1');
    // A platform key is not a signed-in account: the dashboard's switches do not apply to it.
    const platform = new Access(PLATFORM_A, ownership(), platformWith({ instantPayouts: true }));
    expect(await codeOf(platform.feature('instantPayouts', 'x'))).toBe('UNAUTHENTICATED');
  });

  it('needs a platform key for platform work, and sees rows only of its own tenant', () => {
    expect(new Access(PLATFORM_A, ownership(), platformWith({})).platform()).toEqual({
      platformId: 'plat_a',
      livemode: false,
    });
    expect(() => new Access(SIGNED_IN_A1, ownership(), platformWith({})).platform()).toThrow(
      'This needs a platform API key.',
    );
    const platform = new Access(PLATFORM_A, ownership(), platformWith({}));
    expect(platform.canSee(ACCOUNTS[0]!)).toBe(true);
    expect(platform.canSee(ACCOUNTS[1]!)).toBe(false);
    expect(platform.canSee(ACCOUNTS[3]!)).toBe(false);
  });
});

describe('Access for an opened account link', () => {
  it('lets an onboarding session reach its own open account and nothing else', async () => {
    const onboarding = new Access(ONBOARDING_A1, ownership(), platformWith({}));
    expect(onboarding.onboardingSession()).toBe(ONBOARDING_A1);
    expect((await onboarding.onboardingAccount('x')).accountId).toBe('acct_a1');
    expect(await codeOf(onboarding.writeAccount('acct_a1'))).toBe('UNAUTHENTICATED');
    // A dashboard session — perhaps a stolen one — is not an account link.
    const dashboard = new Access(SIGNED_IN_A1, ownership(), platformWith({}));
    expect(dashboard.onboardingSession()).toBeNull();
    await expect(dashboard.onboardingAccount('Use your payout settings.')).rejects.toMatchObject({
      message: 'Use your payout settings.',
      extensions: { code: 'FORBIDDEN', reason: 'ONBOARDING_ONLY' },
    });
    const nobody = new Access({ kind: 'anonymous' }, ownership(), platformWith({}));
    expect(await codeOf(nobody.onboardingAccount('x'))).toBe('UNAUTHENTICATED');
  });

  it('names the API key only to a platform', () => {
    expect(new Access(PLATFORM_A, ownership(), platformWith({})).apiKey()).toEqual({
      platformId: 'plat_a',
      livemode: false,
      keyId: 'k',
    });
    expect(() => new Access(SIGNED_IN_A1, ownership(), platformWith({})).apiKey()).toThrow(
      DashError,
    );
  });
});
