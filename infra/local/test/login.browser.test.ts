import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { seedIdentity } from '@dash/identity';
import { DEMO_PLATFORM, type RunningStack } from '../src/index.js';
import { codeSentTo, messagesTo } from './dev-outbox.js';
import { newAccountWithLoginLink } from './sign-in.js';
import { startBrowserStack, type BrowserStack } from './chromium.js';

let running: BrowserStack;
let stack: RunningStack;
let browser: Browser;

const EMAIL = 'e2e.rider@example.com';

/** A style property as Chromium computed it (these tests are typed without the DOM's types). */
const computedStyle = (locator: Locator, property: string) =>
  locator.evaluate(
    (element, name) =>
      (
        globalThis as unknown as { getComputedStyle(node: unknown): Record<string, string> }
      ).getComputedStyle(element)[name],
    property,
  );

beforeAll(async () => {
  running = await startBrowserStack('login_e2e', { realSignIn: true });
  ({ stack, browser } = running);
});
afterAll(() => running?.stop());

describe('signing in with a login link', () => {
  it('takes a new account from its platform’s link, through the emailed code, to its dashboard', async () => {
    const { path } = await newAccountWithLoginLink(stack, {
      email: EMAIL,
      displayName: 'E2E Rider',
    });

    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    // The page's policy must not block anything the dashboard itself needs.
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) problems.push(message.text());
    });
    // The link's secret must not leave in a Referer, to our own files or anyone's.
    const referers: string[] = [];
    page.on('request', (request) => {
      const referer = request.headers()['referer'];
      if (referer) referers.push(referer);
    });
    await page.goto(`${stack.shellUrl}${path}`);

    const codeInput = page.getByLabel('Verification code');
    await codeInput.waitFor({ timeout: 15_000 });
    await expect
      .poll(() => page.locator('[data-testid="login"]').textContent())
      .toContain('e•••@example.com');
    // The link's platform brands the page and says where to get help.
    await expect
      .poll(() => page.locator('[data-testid="login-support"]').textContent())
      .toContain(DEMO_PLATFORM.branding.supportEmail);
    await expect
      .poll(() => page.locator('[data-platform-icon] img').getAttribute('src'))
      .toContain('/platform-icons/');
    expect(await page.locator('[data-platform-name]').textContent()).toBe(DEMO_PLATFORM.name);
    const code = await codeSentTo(stack, EMAIL);
    // The email, as a mail client shows its HTML: the platform's name in the platform's colour
    // (its icon is an SVG, which mail clients do not show), the code, and where to get help.
    const [email] = await messagesTo(stack, EMAIL);
    const mail = await context.newPage();
    await mail.setContent(email!.html!);
    const platformName = mail.getByText(DEMO_PLATFORM.name, { exact: true }).first();
    expect(await platformName.isVisible()).toBe(true);
    expect(await computedStyle(platformName, 'color')).toBe(
      await computedStyle(mail.locator('table[width="600"]'), 'borderTopColor'),
    );
    expect(await mail.locator('body').textContent()).toContain(code);
    expect(await mail.locator('a[href^="mailto:"]').first().textContent()).toBe(
      DEMO_PLATFORM.branding.supportEmail,
    );
    await mail.close();
    await codeInput.fill(code);

    await page.waitForURL(`${stack.shellUrl}/`, { timeout: 15_000 });
    await page.locator('[data-testid="balance"]').waitFor();
    await expect.poll(() => page.locator('[data-account-name]').textContent()).toBe('E2E Rider');
    const [session] = (await context.cookies()).filter((cookie) => cookie.name === 'dash_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    const replay = await context.newPage();
    await replay.goto(`${stack.shellUrl}${path}`);
    await expect
      .poll(() => replay.locator('[data-testid="login-error"]').textContent(), { timeout: 15_000 })
      .toContain('already been used');

    // Signing out ends the session; the guard then sends every page to sign-in.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${stack.shellUrl}/login`, { timeout: 15_000 });
    await page.getByLabel('Email').waitFor();
    expect((await context.cookies()).some((cookie) => cookie.name === 'dash_session')).toBe(false);
    await page.goto(`${stack.shellUrl}/payouts`);
    await page.waitForURL(`${stack.shellUrl}/login`, { timeout: 15_000 });

    expect(problems).toEqual([]);
    expect(referers.filter((referer) => referer.includes(path))).toEqual([]);
    await context.close();
  });
});

describe('signing in with an email that has accounts on two platforms', () => {
  const SHARED = 'two.platforms@example.com';
  const PHONE = '+15555550123';

  beforeAll(async () => {
    const identity = stack.services.find((service) => service.name === 'identity')!;
    const live = (id: string, displayName: string) => ({
      id,
      displayName,
      email: SHARED,
      country: 'US',
      defaultCurrency: 'usd',
      livemode: true,
    });
    await seedIdentity(identity.dataSource, {
      platform: DEMO_PLATFORM,
      accounts: [live('acct_e2e_two_first', 'First Rides')],
    });
    await seedIdentity(identity.dataSource, {
      platform: { id: 'plat_e2e_other', name: 'Other Deliveries', brandColor: '#0a7d55' },
      accounts: [live('acct_e2e_two_second', 'Second Deliveries')],
    });
    // Both platforms set the account up with the same mobile number: self-serve texts it.
    await identity.dataSource.query(
      "UPDATE accounts SET phone = ? WHERE id IN ('acct_e2e_two_first', 'acct_e2e_two_second')",
      [PHONE],
    );
  });

  it('texts the code to the phone on file, then opens the account the person picks', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${stack.shellUrl}/login`);
    await page.getByLabel('Email').fill(SHARED);
    await page.getByRole('button', { name: 'Send code' }).click();
    const codeInput = page.getByLabel('Verification code');
    await codeInput.waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid="login"]').textContent()).toContain(
      'we texted a 6-digit code to its phone number on file',
    );
    await codeInput.fill(await codeSentTo(stack, PHONE));

    const picker = page.locator('[data-testid="login-picker"]');
    await picker.waitFor({ timeout: 15_000 });
    expect(await picker.textContent()).toContain('with Other Deliveries');
    expect((await context.cookies()).some((cookie) => cookie.name === 'dash_session')).toBe(false);
    await picker.getByRole('button', { name: /Second Deliveries/ }).click();

    await page.waitForURL(`${stack.shellUrl}/`, { timeout: 15_000 });
    await expect
      .poll(() => page.locator('[data-account-name]').textContent(), { timeout: 15_000 })
      .toBe('Second Deliveries');
    // A live account's dashboard does not say "Test mode".
    expect(await page.locator('[data-test-mode]').isHidden()).toBe(true);
    expect((await context.cookies()).some((cookie) => cookie.name === 'dash_session')).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('signing in by email without the phone', () => {
  const EMAIL_ONLY = 'lost.phone@example.com';

  beforeAll(async () => {
    const identity = stack.services.find((service) => service.name === 'identity')!;
    await seedIdentity(identity.dataSource, {
      platform: DEMO_PLATFORM,
      accounts: [
        {
          id: 'acct_e2e_lost_phone',
          displayName: 'Lost Phone Rides',
          email: EMAIL_ONLY,
          country: 'US',
          defaultCurrency: 'usd',
          livemode: true,
        },
      ],
    });
    await identity.dataSource.query(
      "UPDATE accounts SET phone = '+15555550124' WHERE id = 'acct_e2e_lost_phone'",
    );
  });

  it('emails the code on "I no longer have access to this phone", then asks for a new phone (360 px)', async () => {
    const identity = stack.services.find((service) => service.name === 'identity')!;
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(`${stack.shellUrl}/login`);
    await page.getByLabel('Email').fill(EMAIL_ONLY);
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.getByLabel('Verification code').waitFor({ timeout: 15_000 });
    // The text went to the phone; half a minute later a new code may be asked for.
    expect(await codeSentTo(stack, '+15555550124')).toMatch(/^\d{6}$/);
    await identity.dataSource.query(
      'UPDATE login_challenges SET last_sent_at = NOW(3) - INTERVAL 1 MINUTE WHERE login_email = ?',
      [EMAIL_ONLY],
    );
    await page.clock.fastForward('01:00');
    await page.getByRole('button', { name: 'I no longer have access to this phone' }).click();
    await expect
      .poll(() => page.locator('[data-testid="login"]').textContent(), { timeout: 15_000 })
      .toContain('Enter the 6-digit code we sent to l•••@example.com.');
    await page.getByLabel('Verification code').fill(await codeSentTo(stack, EMAIL_ONLY));
    await page.waitForURL(/\/settings\?change=phone$/, { timeout: 15_000 });
    await context.close();
  });
});
