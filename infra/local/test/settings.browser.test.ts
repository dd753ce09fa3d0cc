import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { graphqlRequest } from '@dash/testing';
import { DEMO_ACCOUNT, type RunningStack } from '../src/index.js';
import { startBrowserStack, type BrowserStack } from './chromium.js';
import { codeSentTo, messagesTo } from './dev-outbox.js';
import { newAccountWithLoginLink, platformKey, signInThroughLink } from './sign-in.js';

let running: BrowserStack;
let stack: RunningStack;
let browser: Browser;

const EMAIL = 'settings.rider@example.com';
const NEW_PHONE = '+15555550177';
const NEW_EMAIL = 'jenny.elsewhere@example.com';

/** The code in the newest message to `destination` whose subject is `subject`. */
async function codeIn(destination: string, subject: string): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(
      async () => {
        const message = (await messagesTo(stack, destination)).find((m) => m.subject === subject);
        code = message && /\b(\d{6})\b/.exec(message.text)?.[1];
        return code;
      },
      { timeout: 15_000 },
    )
    .toMatch(/^\d{6}$/);
  return code!;
}

beforeAll(async () => {
  running = await startBrowserStack('settings_e2e', { realSignIn: true });
  ({ stack, browser } = running);
});
afterAll(() => running?.stop());

describe('account settings in the browser', () => {
  it('sets a new phone with the codes sent to it and to the email, then closing waits 72 hours, on a 360 px screen', async () => {
    await graphqlRequest(
      stack.gatewayUrl,
      'mutation { updatePlatformFeatures(input: { closeAccount: true }) { id } }',
      {},
      platformKey,
    );
    const { accountId, path } = await newAccountWithLoginLink(stack, {
      email: EMAIL,
      displayName: 'Settings Rider',
    });
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await signInThroughLink(page, stack, path, EMAIL);

    await page.goto(`${stack.shellUrl}/settings`);
    const phone = page.locator('[data-testid="contact-phone"]');
    await phone.getByRole('button', { name: 'Change' }).click();
    await phone.getByLabel('New phone number').fill(NEW_PHONE);
    await phone.getByRole('button', { name: 'Send code' }).click();
    await expect.poll(() => phone.textContent(), { timeout: 15_000 }).toContain('•••• 77');
    await phone.getByLabel('Verification code').fill(await codeSentTo(stack, NEW_PHONE));
    // The account has no phone yet: its email approves the change.
    expect(await phone.textContent()).toContain('we also sent a code to s•••@example.com');
    await phone
      .getByLabel('Code sent to your current contact')
      .fill(await codeIn(EMAIL, 'Approve a change to your contact details'));
    await phone.getByRole('button', { name: 'Confirm' }).click();
    await expect
      .poll(() => phone.getByRole('status').textContent(), { timeout: 15_000 })
      .toBe('Your phone number was changed.');
    expect(await phone.textContent()).toContain(NEW_PHONE);
    await expect
      .poll(async () => (await messagesTo(stack, EMAIL))[0]?.subject, { timeout: 15_000 })
      .toBe('Your phone number was changed');
    // It names the browser the change came from.
    expect((await messagesTo(stack, EMAIL))[0]?.text).toMatch(/device: Mozilla\/5\.0 .*Chrome/);

    // Nothing sticks out sideways on a small phone.
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(
      360,
    );

    // Right after a contact change, no code is sent to close the account, and the dialog says why.
    const closing = page.locator('[data-testid="close-account"]');
    await closing.getByRole('button', { name: 'Close account…' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('This cannot be undone');
    await dialog.getByRole('button', { name: 'Send code' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').textContent(), { timeout: 15_000 })
      .toContain('paused for 72 hours');

    const account = await graphqlRequest<{ account: { closedAt: string | null; phone: string } }>(
      stack.gatewayUrl,
      'query($id: ID!) { account(id: $id) { closedAt phone } }',
      { id: accountId },
      platformKey,
    );
    expect(account.data?.account.phone).toBe(NEW_PHONE);
    expect(account.data?.account.closedAt).toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('closes the account with the code sent to its email', async () => {
    const leaving = 'settings.leaving@example.com';
    const { accountId, path } = await newAccountWithLoginLink(stack, {
      email: leaving,
      displayName: 'Leaving Rider',
    });
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await signInThroughLink(page, stack, path, leaving);

    await page.goto(`${stack.shellUrl}/settings`);
    const closing = page.locator('[data-testid="close-account"]');
    await closing.getByRole('button', { name: 'Close account…' }).click({ timeout: 15_000 });
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Send code' }).click();
    await expect
      .poll(() => dialog.textContent(), { timeout: 15_000 })
      .toContain('s•••@example.com');
    await dialog
      .getByLabel('Verification code')
      .fill(await codeIn(leaving, 'Confirm closing your account'));
    await dialog.getByRole('button', { name: 'Close account' }).click();
    await page.locator('[data-testid="account-closed"]').waitFor({ timeout: 15_000 });
    expect((await context.cookies()).some((cookie) => cookie.name === 'dash_session')).toBe(false);

    const account = await graphqlRequest<{ account: { closedAt: string | null } }>(
      stack.gatewayUrl,
      'query($id: ID!) { account(id: $id) { closedAt } }',
      { id: accountId },
      platformKey,
    );
    expect(account.data?.account.closedAt).not.toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('after an email change, the balance card says why the bank account cannot change yet', async () => {
    const link = await graphqlRequest<{ createLoginLink: { url: string } }>(
      stack.gatewayUrl,
      'mutation($a: ID!) { createLoginLink(account: $a) { url } }',
      { a: DEMO_ACCOUNT.id },
      platformKey,
    );
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await signInThroughLink(
      page,
      stack,
      new URL(link.data!.createLoginLink.url).pathname,
      DEMO_ACCOUNT.email,
    );

    await page.goto(`${stack.shellUrl}/settings`);
    const email = page.locator('[data-testid="contact-email"]');
    await email.getByRole('button', { name: 'Change' }).click();
    await email.getByLabel('New email address').fill(NEW_EMAIL);
    await email.getByRole('button', { name: 'Send code' }).click();
    await email.getByLabel('Verification code').fill(await codeSentTo(stack, NEW_EMAIL));
    await email
      .getByLabel('Code sent to your current contact')
      .fill(await codeIn(DEMO_ACCOUNT.email, 'Approve a change to your contact details'));
    await email.getByRole('button', { name: 'Confirm' }).click();
    await expect
      .poll(() => email.getByRole('status').textContent(), { timeout: 15_000 })
      .toBe('Your email address was changed.');

    await page.goto(`${stack.shellUrl}/`);
    await page.locator('[data-testid="change-bank"]').click({ timeout: 15_000 });
    const bank = page.locator('[data-testid="bank-dialog"]');
    await bank.getByRole('button', { name: 'Send code' }).click();
    await expect
      .poll(() => bank.getByRole('alert').textContent(), { timeout: 15_000 })
      .toContain('cannot change for 72 hours');
    expect(problems).toEqual([]);
    await context.close();
  });
});
