import { beforeEach, describe, expect, it } from 'vitest';
import {
  getBranding,
  getSession,
  GraphqlRequestError,
  loadSession,
  onDashEvent,
  readSession,
  setSession,
  type GraphqlClient,
} from '../src/index.js';

/** A stand-in gateway answering each call with the next of `answers` (an Error is thrown). */
function scriptedClient(answers: unknown[]) {
  const calls: string[] = [];
  const client = {
    calls,
    async query(document: unknown) {
      calls.push(String(document));
      const next = answers.shift();
      if (next instanceof Error) throw next;
      return next;
    },
  };
  return client as typeof client & GraphqlClient;
}

const features = {
  closeAccount: true,
  editPublicInfo: true,
  issueRefunds: false,
  editPayoutSchedule: true,
  editBankAccounts: true,
  instantPayouts: false,
  manageDisputes: true,
  reserveTopUps: false,
};
const answer = {
  me: {
    id: 'acct_1',
    displayName: 'Rocket Rides',
    defaultCurrency: 'eur',
    livemode: false,
    unreadActivityCount: 4,
    notificationPreferences: { locale: 'ja' },
    platform: {
      name: 'Rocket Platform',
      brandColor: '#0a7f5a',
      iconUrl: '/platform-icons/plat_1/0123456789abcdef.png',
      supportEmail: 'help@rocket.example',
      supportPhone: null,
      supportUrl: null,
      features,
    },
  },
};

beforeEach(() => setSession({}));

describe('the shared session', () => {
  it('is read once for everyone asking meanwhile, then published with the branding', async () => {
    const client = scriptedClient([answer]);
    const heard: unknown[] = [];
    const stop = onDashEvent('dash:session-changed', ({ session }) => heard.push(session));
    const [first, second] = await Promise.all([readSession(client), readSession(client)]);
    stop();
    expect(client.calls).toHaveLength(1);
    expect(first).toEqual({
      accountId: 'acct_1',
      displayName: 'Rocket Rides',
      defaultCurrency: 'eur',
      livemode: false,
      unreadActivityCount: 4,
      features,
      locale: 'ja',
    });
    expect(second).toBe(first);
    expect(heard).toEqual([first]);
    expect(getBranding()).toEqual({
      platformName: 'Rocket Platform',
      brandColor: '#0a7f5a',
      iconUrl: '/platform-icons/plat_1/0123456789abcdef.png',
      support: { email: 'help@rocket.example', phone: null, url: null },
    });
    // Once read, it is simply there.
    expect(await readSession(client)).toBe(getSession());
    expect(client.calls).toHaveLength(1);
  });

  it('asks again after a failed read, whose error reaches every caller', async () => {
    const client = scriptedClient([
      new GraphqlRequestError('Sign in first', 'UNAUTHENTICATED'),
      answer,
    ]);
    await expect(loadSession(client)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(getSession()).toEqual({});
    expect((await readSession(client)).accountId).toBe('acct_1');
    expect(client.calls).toHaveLength(2);
  });
});
