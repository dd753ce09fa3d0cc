import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { scriptedClient } from '@dash/testing/scripted-client';
import {
  createDashI18n,
  getBranding,
  GraphqlRequestError,
  setLocale,
  type GraphqlClient,
} from '@dash/web-kit';
import LoginFlow from '../src/LoginFlow.vue';
import { messages } from '../src/messages.js';

const challenge = {
  id: 'lch_1',
  channel: 'sms',
  maskedDestination: '•••• 42',
  expiresAt: new Date(Date.now() + 600_000).toISOString(),
  resendAvailableAt: new Date(Date.now() - 1000).toISOString(),
  alternativeChannels: ['email'],
  platform: null,
};

/**
 * The challenge a self-serve sign-in gets: the code went to the phone on file, or to the email
 * just typed when there is none; the answer does not say which.
 */
const emailChallenge = {
  ...challenge,
  channel: 'on_file',
  maskedDestination: 'l•••@example.com',
  alternativeChannels: ['email'],
};

const refused = (reason: string, extra: Record<string, unknown> = {}) =>
  new GraphqlRequestError(reason, 'UNAUTHENTICATED', undefined, { reason, ...extra });

/** The flow opened from a sign-in link (`token`), or without one for a self-serve sign-in. */
function mountFlow(client: GraphqlClient, token: string | null = 'tok') {
  const { i18n } = createDashI18n(messages);
  const onSignedIn = vi.fn();
  const flow = mount(LoginFlow, {
    props: { ...(token === null ? {} : { token }), client, onSignedIn },
    global: { plugins: [i18n] },
  });
  return { flow, onSignedIn };
}

async function signInSelfServe(client: GraphqlClient) {
  const opened = mountFlow(client, null);
  await opened.flow.get('input[type="email"]').setValue('liv@example.com');
  await opened.flow.get('form').trigger('submit');
  await flushPromises();
  return opened;
}

/** The last request sent was `operation` with `variables`, and it signed the reader in. */
async function expectSignedInBy(
  client: ReturnType<typeof scriptedClient>,
  onSignedIn: ReturnType<typeof vi.fn>,
  operation: string,
  variables: Record<string, unknown>,
): Promise<void> {
  await flushPromises();
  expect(client.calls.at(-1)).toEqual([operation, variables]);
  expect(onSignedIn).toHaveBeenCalledWith('/');
}

beforeEach(() => setLocale('en'));

describe('login flow', () => {
  it('opens the link, takes a pasted code and signs in', async () => {
    const client = scriptedClient({
      StartLogin: [{ startLogin: challenge }],
      VerifyLoginCode: [{ verifyLoginCode: { account: { id: 'acct_1' } } }],
    });
    const { flow, onSignedIn } = mountFlow(client);
    await flushPromises();
    expect(flow.text()).toContain('•••• 42');
    const input = flow.get('input[autocomplete="one-time-code"]');
    await input.setValue('123 456');
    await expectSignedInBy(client, onSignedIn, 'VerifyLoginCode', {
      challenge: 'lch_1',
      code: '123456',
    });
  });

  it('wears the branding of the platform whose link it is, and says how to reach its support', async () => {
    const platform = {
      name: 'Rocket Rides',
      brandColor: '#0a7d4f',
      iconUrl: '/platform-icons/plat_1/0123456789abcdef.svg',
      supportEmail: 'help@rocketrides.example',
      supportPhone: '+14155550123',
      supportUrl: null,
    };
    const { flow } = mountFlow(
      scriptedClient({ StartLogin: [{ startLogin: { ...challenge, platform } }] }),
    );
    await flushPromises();
    expect(getBranding()).toMatchObject({
      platformName: 'Rocket Rides',
      brandColor: '#0a7d4f',
      iconUrl: platform.iconUrl,
    });
    const support = flow.get('[data-testid="login-support"]');
    expect(support.text()).toContain('Contact Rocket Rides');
    expect(support.findAll('a').map((link) => link.attributes('href'))).toEqual([
      'mailto:help@rocketrides.example',
      'tel:+14155550123',
    ]);
  });

  it('links a help page only when it is a web address', async () => {
    const platform = {
      name: 'Rocket Rides',
      brandColor: '#0a7d4f',
      iconUrl: null,
      supportEmail: null,
      supportPhone: null,
      supportUrl: 'javascript:alert(1)',
    };
    const { flow } = mountFlow(
      scriptedClient({ StartLogin: [{ startLogin: { ...challenge, platform } }] }),
    );
    await flushPromises();
    const support = flow.get('[data-testid="login-support"]');
    expect(support.find('a').exists()).toBe(false);
    expect(support.html()).not.toContain('javascript:');
    expect(support.text()).toBe('Trouble signing in? Contact Rocket Rides where you signed up.');
  });

  it('names no platform for a self-serve sign-in', async () => {
    const { flow } = await signInSelfServe(
      scriptedClient({ StartEmailLogin: [{ startEmailLogin: emailChallenge }] }),
    );
    expect(flow.find('[data-testid="login-support"]').exists()).toBe(false);
  });

  it('says how many tries are left after a wrong code, in Chinese too', async () => {
    const client = scriptedClient({
      StartLogin: [{ startLogin: challenge }],
      VerifyLoginCode: [refused('CODE_WRONG', { attemptsLeft: 3 })],
    });
    const { flow, onSignedIn } = mountFlow(client);
    await flushPromises();
    await flow.get('input').setValue('111111');
    await flushPromises();
    expect(flow.get('[role="alert"]').text()).toBe('That code is not right. 3 tries left.');
    setLocale('zh-CN');
    await flushPromises();
    expect(flow.get('[role="alert"]').text()).toBe('验证码不正确。还可尝试 3 次。');
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('explains a used link and offers nothing more to type', async () => {
    const { flow } = mountFlow(scriptedClient({ StartLogin: [refused('LINK_USED')] }));
    await flushPromises();
    expect(flow.get('[data-testid="login-error"]').text()).toContain('already been used');
    expect(flow.find('input').exists()).toBe(false);
  });

  it('sends the code by email instead when the phone is lost, then asks for a new phone', async () => {
    const client = scriptedClient({
      StartLogin: [{ startLogin: challenge }],
      ResendLoginCode: [
        {
          resendLoginCode: {
            ...challenge,
            id: 'lch_2',
            channel: 'email',
            maskedDestination: 'p•••@example.com',
            alternativeChannels: ['sms'],
          },
        },
      ],
      VerifyLoginCode: [{ verifyLoginCode: { account: { id: 'acct_1' } } }],
    });
    const { flow, onSignedIn } = mountFlow(client);
    await flushPromises();
    const lostPhone = flow
      .findAll('button')
      .find((b) => b.text() === 'I no longer have access to this phone')!;
    await lostPhone.trigger('click');
    await flushPromises();
    expect(client.calls.at(-1)).toEqual([
      'ResendLoginCode',
      { challenge: 'lch_1', channel: 'email' },
    ]);
    expect(flow.text()).toContain('p•••@example.com');
    await flow.get('input[autocomplete="one-time-code"]').setValue('654321');
    await flushPromises();
    expect(onSignedIn).toHaveBeenCalledWith('/settings?change=phone');
  });
});

describe('self-serve sign-in', () => {
  it('asks for the email, then the code', async () => {
    const client = scriptedClient({
      StartEmailLogin: [{ startEmailLogin: emailChallenge }],
      VerifyLoginCode: [{ verifyLoginCode: { account: { id: 'acct_1' } } }],
    });
    const { flow, onSignedIn } = await signInSelfServe(client);
    expect(client.calls[0]).toEqual(['StartEmailLogin', { email: 'liv@example.com' }]);
    expect(flow.text()).toContain(
      'If l•••@example.com has a live account, we texted a 6-digit code to its phone number on file',
    );
    await flow.get('input[autocomplete="one-time-code"]').setValue('654321');
    await flushPromises();
    expect(onSignedIn).toHaveBeenCalledOnce();
  });

  it('emails the code when the phone is lost, and keeps sending new codes there', async () => {
    const emailed = { ...emailChallenge, id: 'lch_2', channel: 'email', alternativeChannels: [] };
    const client = scriptedClient({
      StartEmailLogin: [{ startEmailLogin: emailChallenge }],
      ResendLoginCode: [
        { resendLoginCode: emailed },
        { resendLoginCode: { ...emailed, id: 'lch_3' } },
      ],
      VerifyLoginCode: [{ verifyLoginCode: { account: { id: 'acct_1' } } }],
    });
    const { flow, onSignedIn } = await signInSelfServe(client);
    const lostPhone = () =>
      flow.findAll('button').find((b) => b.text() === 'I no longer have access to this phone');
    await lostPhone()!.trigger('click');
    await flushPromises();
    expect(client.calls.at(-1)).toEqual([
      'ResendLoginCode',
      { challenge: 'lch_1', channel: 'email' },
    ]);
    expect(flow.text()).toContain('Enter the 6-digit code we sent to l•••@example.com.');
    expect(lostPhone()).toBeUndefined();
    await flow
      .findAll('button')
      .find((b) => b.text() === 'Send a new code')!
      .trigger('click');
    await flushPromises();
    expect(client.calls.at(-1)).toEqual([
      'ResendLoginCode',
      { challenge: 'lch_2', channel: 'email' },
    ]);
    await flow.get('input[autocomplete="one-time-code"]').setValue('654321');
    await flushPromises();
    expect(onSignedIn).toHaveBeenCalledWith('/settings?change=phone');
  });
});

describe('an email with accounts on several platforms', () => {
  const picker = {
    token: 'pick_tok',
    accounts: [
      { id: 'acct_a', platformName: 'Rocket Rides', businessName: 'Liv’s Rides' },
      { id: 'acct_b', platformName: 'Bike Share', businessName: 'Liv Cycles' },
    ],
  };
  const scripted = (chosen: unknown[]) =>
    scriptedClient({
      StartEmailLogin: [{ startEmailLogin: emailChallenge }],
      VerifyLoginCode: [{ verifyLoginCode: { account: null, choose: picker } }],
      ChooseLoginAccount: chosen,
    });

  async function provenEmail(
    locale: 'en' | 'zh-CN',
    chosen: unknown[] = [{ chooseLoginAccount: { account: { id: 'acct_b' } } }],
  ) {
    setLocale(locale);
    const client = scripted(chosen);
    const { flow, onSignedIn } = await signInSelfServe(client);
    await flow.get('input[autocomplete="one-time-code"]').setValue('654321');
    await flushPromises();
    return { client, flow, onSignedIn };
  }

  it('offers the accounts once the code is right, and opens the one picked', async () => {
    const { client, flow, onSignedIn } = await provenEmail('en');
    expect(onSignedIn).not.toHaveBeenCalled();
    const shown = flow.get('[data-testid="login-picker"]');
    expect(shown.text()).toContain('This email has more than one account');
    expect(shown.text()).toContain('Liv Cycles');
    expect(shown.text()).toContain('with Bike Share');
    await flow.get('[data-testid="login-pick-acct_b"]').trigger('click');
    await expectSignedInBy(client, onSignedIn, 'ChooseLoginAccount', {
      token: 'pick_tok',
      account: 'acct_b',
    });
  });

  it('says so when the pick has ended, and offers nothing more', async () => {
    const { flow, onSignedIn } = await provenEmail('en', [refused('PICK_INVALID')]);
    await flow.get('[data-testid="login-pick-acct_a"]').trigger('click');
    await flushPromises();
    expect(flow.get('[data-testid="login-error"]').text()).toContain('This sign-in has ended');
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('shows the picker in Chinese', async () => {
    const { flow } = await provenEmail('zh-CN');
    expect(flow.get('[data-testid="login-picker"]').text()).toContain('此邮箱有多个账户');
    expect(flow.text()).toContain('来自 Rocket Rides');
  });
});
