import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { scriptedClient } from '@dash/testing/scripted-client';
import {
  createDashI18n,
  GraphqlRequestError,
  setBranding,
  setLocale,
  type Branding,
  type GraphqlClient,
} from '@dash/web-kit';
import SettingsPage from '../src/SettingsPage.vue';
import { messages } from '../src/messages.js';
import type { SettingsAccount } from '../src/settings-api.js';

const account = (overrides: Partial<SettingsAccount> = {}): SettingsAccount => ({
  id: 'acct_1',
  displayName: 'Jenny Rosen',
  email: 'jenny@example.com',
  phone: '+15555550142',
  country: 'US',
  businessType: 'individual',
  businessProfile: { name: 'Jenny Rides', url: null, supportEmail: null, supportPhone: null },
  statementDescriptor: null,
  platform: {
    name: 'Rocket Rides',
    supportEmail: null,
    supportPhone: null,
    supportUrl: null,
    features: { closeAccount: true, editPublicInfo: true },
  },
  ...overrides,
});
const challenge = {
  id: 'lch_1',
  maskedDestination: 'n•••@example.com',
  expiresAt: new Date(Date.now() + 600_000).toISOString(),
  resendAvailableAt: new Date(Date.now() + 30_000).toISOString(),
  currentContact: 'j•••@example.com',
};
const refused = (code: string, extensions: Record<string, unknown> = {}, field?: string) =>
  new GraphqlRequestError('refused', code, field, { code, ...extensions });

async function mountPage(client: GraphqlClient, props: Record<string, unknown> = {}) {
  const { i18n } = createDashI18n(messages);
  const page = mount(SettingsPage, {
    props: { client, ...props },
    global: { plugins: [i18n] },
    attachTo: document.body,
  });
  await flushPromises();
  return page;
}

/** What the shell publishes for the page once the session is read. */
const rocketRides = (support: Branding['support']): Branding => ({
  platformName: 'Rocket Rides',
  brandColor: '#0a7d4f',
  support,
});

/** Every word's path in a tree of messages: 'settings.reasons.CODE_WRONG'. */
beforeEach(() => {
  setLocale('en');
  setBranding(rocketRides(undefined));
  // happy-dom's dialog keeps state but does not render modally; enough to open and close it.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
});

describe('settings page', () => {
  it('changes the email only with the codes sent to the new and the current address', async () => {
    const client = scriptedClient({
      SettingsAccount: [{ me: account() }],
      StartContactChange: [{ startContactChange: challenge }],
      ConfirmContactChange: [
        refused('BAD_USER_INPUT', { reason: 'CODE_WRONG' }),
        { confirmContactChange: account({ email: 'new@example.com' }) },
      ],
    });
    const page = await mountPage(client);
    const email = page.get('[data-testid="contact-email"]');
    expect(email.text()).toContain('jenny@example.com');
    await email.get('button').trigger('click');
    await email.get('input[type="email"]').setValue(' new@example.com ');
    await email.get('form').trigger('submit');
    await flushPromises();
    expect(client.calls.at(-1)).toEqual([
      'StartContactChange',
      { kind: 'email', value: 'new@example.com' },
    ]);
    expect(email.text()).toContain('n•••@example.com');
    expect(email.text()).toMatch(/Send a new code in \d+s/);

    expect(email.text()).toContain('we also sent a code to j•••@example.com');
    await email.get('[data-testid="contact-email-code"]').setValue('12-34 56');
    // Without the current address's code, the change cannot be confirmed.
    expect(email.get('button[type="submit"]').attributes('disabled')).toBeDefined();
    await email.get('[data-testid="contact-email-current-code"]').setValue('654 321');
    await email.get('form').trigger('submit');
    await flushPromises();
    expect(client.calls.at(-1)).toEqual([
      'ConfirmContactChange',
      { challenge: 'lch_1', code: '123456', currentCode: '654321' },
    ]);
    expect(email.get('[role="alert"]').text()).toBe('That code is not right.');

    await email.get('form').trigger('submit');
    await flushPromises();
    expect(email.text()).toContain('new@example.com');
    expect(email.get('[role="status"]').text()).toBe('Your email address was changed.');
  });

  it('opens the phone change at once after a lost-phone sign-in, and explains a bad number', async () => {
    const client = scriptedClient({
      SettingsAccount: [{ me: account() }],
      StartContactChange: [refused('BAD_USER_INPUT', {}, 'value')],
    });
    const page = await mountPage(client, { change: 'phone' });
    const phone = page.get('[data-testid="contact-phone"]');
    await phone.get('input[type="tel"]').setValue('555-0199');
    await phone.get('form').trigger('submit');
    await flushPromises();
    expect(phone.get('[role="alert"]').text()).toContain('international format');
  });

  it('shows a field error from the server beside the field', async () => {
    const client = scriptedClient({
      SettingsAccount: [{ me: account() }],
      UpdatePublicInfo: [refused('BAD_USER_INPUT', {}, 'businessProfile.url')],
    });
    const page = await mountPage(client);
    const info = page.get('[data-testid="public-info"]');
    await info.get('button').trigger('click');
    await info.get('input[name="businessProfile.url"]').setValue('jenny.example');
    await info.get('form').trigger('submit');
    await flushPromises();
    const url = info.get('input[name="businessProfile.url"]');
    expect(url.attributes('aria-invalid')).toBe('true');
    expect(info.get(`#${url.attributes('aria-describedby')}`).text()).toContain(
      'https://example.com',
    );
  });

  const closeChallenge = { ...challenge, id: 'lch_close', maskedDestination: '•••• 42' };

  it('names what stands in the way of closing, in Chinese too', async () => {
    const client = scriptedClient({
      SettingsAccount: [{ me: account() }],
      StartAccountClosure: [{ startAccountClosure: closeChallenge }],
      CloseAccount: [
        refused('FAILED_PRECONDITION', {
          reason: 'CLOSE_BLOCKED',
          blockers: ['BALANCE_REMAINING', 'OPEN_DISPUTE'],
        }),
      ],
    });
    setLocale('zh-CN');
    const page = await mountPage(client);
    const closing = page.get('[data-testid="close-account"]');
    await closing.get('button').trigger('click');
    expect(closing.text()).toContain('发送验证码');
    await closing.get('form').trigger('submit');
    await flushPromises();
    await closing.get('[data-testid="close-account-code"]').setValue('123456');
    await closing.get('form').trigger('submit');
    await flushPromises();
    const problem = closing.get('[data-testid="close-problem"]').text();
    expect(problem).toContain('您的账户暂时无法关闭');
    expect(problem).toContain('余额');
    expect(problem).toContain('争议');
  });

  it('says why no closing code is sent while a contact change is recent, in Chinese too', async () => {
    const client = scriptedClient({
      SettingsAccount: [{ me: account() }],
      StartAccountClosure: [refused('FAILED_PRECONDITION', { reason: 'RECENT_CONTACT_CHANGE' })],
    });
    setLocale('zh-CN');
    const page = await mountPage(client);
    const closing = page.get('[data-testid="close-account"]');
    await closing.get('button').trigger('click');
    await closing.get('form').trigger('submit');
    await flushPromises();
    expect(closing.get('[data-testid="close-problem"]').text()).toContain('72 小时');
    expect(closing.find('[data-testid="close-account-code"]').exists()).toBe(false);
  });

  it('closes the account with the code sent to its phone, and says so', async () => {
    const leave = vi.fn();
    const client = scriptedClient({
      SettingsAccount: [{ me: account() }],
      StartAccountClosure: [{ startAccountClosure: closeChallenge }],
      CloseAccount: [
        refused('BAD_USER_INPUT', { reason: 'CODE_WRONG' }),
        { closeMyAccount: { closedAt: new Date().toISOString() } },
      ],
    });
    const page = await mountPage(client, { leave });
    const closing = page.get('[data-testid="close-account"]');
    await closing.get('button').trigger('click');
    await closing.get('form').trigger('submit');
    await flushPromises();
    expect(closing.text()).toContain('Enter the 6-digit code we sent to •••• 42.');
    // Until the code is typed, nothing can close the account.
    expect(closing.get('button.dash-button--danger').attributes('disabled')).toBeDefined();
    await closing.get('[data-testid="close-account-code"]').setValue('11 11 11');
    await closing.get('form').trigger('submit');
    await flushPromises();
    expect(closing.get('[data-testid="close-problem"]').text()).toContain(
      'That code is not right.',
    );
    await closing.get('[data-testid="close-account-code"]').setValue('123456');
    await closing.get('form').trigger('submit');
    await flushPromises();
    expect(client.calls.at(-1)).toEqual([
      'CloseAccount',
      { challenge: 'lch_close', code: '123456' },
    ]);
    await page.get('[data-testid="account-closed"] button').trigger('click');
    expect(leave).toHaveBeenCalledWith('/login');
  });

  it('offers only what the platform allows', async () => {
    const client = scriptedClient({
      SettingsAccount: [
        {
          me: account({
            platform: {
              name: 'Rocket Rides',
              supportEmail: null,
              supportPhone: null,
              supportUrl: null,
              features: { closeAccount: false, editPublicInfo: false },
            },
          }),
        },
      ],
    });
    const page = await mountPage(client);
    expect(page.find('[data-testid="close-account"]').exists()).toBe(false);
    const info = page.get('[data-testid="public-info"]');
    expect(info.find('button').exists()).toBe(false);
    expect(info.text()).toContain('Rocket Rides manages this information');
    // No bare "contact them": how to reach the platform follows.
    expect(info.text()).not.toContain('Contact them');
    expect(info.get('[data-testid="support-contact"]').text()).toBe(
      'Rocket Rides supports your account: contact them where you signed up.',
    );
  });

  it('says how to reach the platform when it refuses closing from the dashboard', async () => {
    setBranding(
      rocketRides({
        email: 'help@rocketrides.example',
        phone: '+14155550123',
        url: 'https://rocketrides.example/help',
      }),
    );
    const client = scriptedClient({
      SettingsAccount: [{ me: account() }],
      StartAccountClosure: [refused('FORBIDDEN', { reason: 'FEATURE_DISABLED' })],
    });
    const page = await mountPage(client);
    const closing = page.get('[data-testid="close-account"]');
    await closing.get('button').trigger('click');
    await closing.get('form').trigger('submit');
    await flushPromises();
    expect(closing.get('[data-testid="close-problem"]').text()).toBe(
      'Rocket Rides does not allow this from the dashboard.',
    );
    const contact = closing.get('[data-testid="support-contact"]');
    expect(contact.text()).toContain('Contact Rocket Rides:');
    expect(contact.findAll('a').map((link) => link.attributes('href'))).toEqual([
      'mailto:help@rocketrides.example',
      'tel:+14155550123',
      'https://rocketrides.example/help',
    ]);

    // A hostile help page is never a link; the email still is.
    setBranding(
      rocketRides({ email: 'help@rocketrides.example', phone: null, url: 'javascript:alert(1)' }),
    );
    await flushPromises();
    expect(contact.findAll('a').map((link) => link.attributes('href'))).toEqual([
      'mailto:help@rocketrides.example',
    ]);
    expect(contact.html()).not.toContain('javascript:');
  });

  it('says to contact the platform where the account signed up when it gave no contact, in Chinese too', async () => {
    setBranding(rocketRides({ email: null, phone: null, url: 'javascript:alert(1)' }));
    setLocale('zh-CN');
    const client = scriptedClient({
      SettingsAccount: [{ me: account() }],
      StartContactChange: [refused('FORBIDDEN', { reason: 'FEATURE_DISABLED' })],
    });
    const page = await mountPage(client);
    const email = page.get('[data-testid="contact-email"]');
    await email.get('button').trigger('click');
    await email.get('input[type="email"]').setValue('new@example.com');
    await email.get('form').trigger('submit');
    await flushPromises();
    expect(email.get('[role="alert"]').text()).toBe('Rocket Rides 不允许在控制台中进行此操作。');
    const contact = email.get('[data-testid="support-contact"]');
    expect(contact.find('a').exists()).toBe(false);
    expect(contact.text()).toBe('Rocket Rides 为您的账户提供支持：请通过您注册的地方联系他们。');
  });

  it('says how to reach the platform’s support, and what to do when it gave none', async () => {
    const withContact = await mountPage(
      scriptedClient({
        SettingsAccount: [
          {
            me: account({
              platform: {
                name: 'Rocket Rides',
                supportEmail: 'help@rocketrides.example',
                supportPhone: '+14155550123',
                supportUrl: 'https://rocketrides.example/help',
                features: { closeAccount: true, editPublicInfo: true },
              },
            }),
          },
        ],
      }),
    );
    const support = withContact.get('[data-testid="support"]');
    expect(support.text()).toContain('Help from Rocket Rides');
    expect(support.find('a[href="mailto:help@rocketrides.example"]').exists()).toBe(true);
    expect(support.find('a[href="tel:+14155550123"]').exists()).toBe(true);
    expect(support.find('a[href="https://rocketrides.example/help"]').attributes('rel')).toContain(
      'noopener',
    );
    withContact.unmount();
    const hostile = await mountPage(
      scriptedClient({
        SettingsAccount: [
          {
            me: account({
              platform: {
                name: 'Rocket Rides',
                supportEmail: null,
                supportPhone: null,
                supportUrl: 'javascript:alert(1)',
                features: { closeAccount: true, editPublicInfo: true },
              },
            }),
          },
        ],
      }),
    );
    expect(hostile.get('[data-testid="support"]').find('a').exists()).toBe(false);
    expect(hostile.get('[data-testid="support"]').html()).not.toContain('javascript:');
    hostile.unmount();
    const without = await mountPage(scriptedClient({ SettingsAccount: [{ me: account() }] }));
    expect(without.get('[data-testid="support"]').text()).toContain(
      'Rocket Rides supports your account',
    );
  });
});
