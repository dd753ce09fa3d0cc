import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { graphqlRequest } from '@dash/testing';
import { formatMoney } from '@dash/money';
import type { RunningStack } from '../src/index.js';
import { startBrowserStack, type BrowserStack } from './chromium.js';
import { codeSentTo, messagesTo } from './dev-outbox.js';
import { newAccountWithLoginLink, platformKey } from './sign-in.js';

let running: BrowserStack;
let stack: RunningStack;
let browser: Browser;

const EMAIL = 'sprachen.fahrerin@example.com';

beforeAll(async () => {
  running = await startBrowserStack('languages_e2e', { realSignIn: true });
  ({ stack, browser } = running);
});
afterAll(() => running?.stop());

/** A new login link for the account, as its platform makes one. */
async function loginLinkPath(accountId: string): Promise<string> {
  const link = await graphqlRequest<{ createLoginLink: { url: string } }>(
    stack.gatewayUrl,
    'mutation($a: ID!) { createLoginLink(account: $a) { url } }',
    { a: accountId },
    platformKey,
  );
  return new URL(link.data!.createLoginLink.url).pathname;
}

/** Opens the link and types the code it sends, whatever language the page is in. */
async function signIn(page: Page, path: string, code: () => Promise<string>): Promise<void> {
  await page.goto(`${stack.shellUrl}${path}`);
  const codeInput = page.locator('input[autocomplete="one-time-code"]');
  await codeInput.waitFor({ timeout: 15_000 });
  await codeInput.fill(await code());
  await page.waitForURL(`${stack.shellUrl}/`, { timeout: 15_000 });
}

/** The code of the newest email to the account once it is one with `subject`. */
async function codeEmailed(subject: string): Promise<string> {
  await expect
    .poll(async () => (await messagesTo(stack, EMAIL))[0]?.subject, { timeout: 15_000 })
    .toBe(subject);
  return /\b(\d{6})\b/.exec((await messagesTo(stack, EMAIL))[0]!.text)![1]!;
}

const lang = (page: Page) => page.locator('html').getAttribute('lang');
const navText = (page: Page) => page.locator('#dash-nav').innerText();
/** Nothing sticks out sideways. */
const overflows = async (page: Page) =>
  Boolean(await page.evaluate('document.documentElement.scrollWidth > window.innerWidth'));

describe('the dashboard in the account’s language', () => {
  it('follows a German browser, then the Japanese the account chose, on every device and in its emails', async () => {
    const { accountId, path } = await newAccountWithLoginLink(
      stack,
      { email: EMAIL, displayName: 'Sprachen Fahrerin' },
      {},
    );
    const charged = await graphqlRequest<{ createCharge: { id: string } }>(
      stack.gatewayUrl,
      'mutation($a: ID!) { createCharge(input: { account: $a, amount: 123456, currency: "usd" }, idempotencyKey: "e2e-languages-charge") { id } }',
      { a: accountId },
      platformKey,
    );
    expect(charged.errors).toBeUndefined();

    // A German browser, before and after signing in: the account has chosen nothing yet.
    const german = await browser.newContext({
      locale: 'de-DE',
      viewport: { width: 1280, height: 900 },
    });
    const page = await german.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await signIn(page, path, () => codeSentTo(stack, EMAIL));

    const transactions = page.locator('[data-testid="transactions"][aria-busy="false"]');
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await page.reload();
      await transactions.waitFor({ timeout: 15_000 });
      expect(await lang(page)).toBe('de');
      expect(await navText(page)).toContain('Startseite');
      expect(await page.locator('[data-testid="earnings"]').innerText()).toContain('Einnahmen');
      // Amounts as German writes them: "1.234,56 $".
      await expect
        .poll(() => transactions.innerText(), { timeout: 15_000 })
        .toContain(formatMoney(123456, 'usd', 'de'));
      expect(await page.locator('[data-testid="balance"]').innerText()).toMatch(/\d,\d{2}\u00a0\$/);
      expect(await overflows(page)).toBe(false);
    }

    // The account chooses Japanese in Settings: it stays after a reload.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${stack.shellUrl}/settings`);
    const picker = page.locator('[data-testid="language"]');
    await picker.locator('[data-testid="language-select"]').selectOption({ label: '日本語' });
    await picker.locator('[data-testid="language-save"]').click();
    await expect.poll(() => lang(page), { timeout: 15_000 }).toBe('ja');
    await expect.poll(() => picker.getByRole('status').innerText()).toBe('保存しました。');
    await page.reload();
    await page.locator('[data-testid="settings"][aria-busy="false"]').waitFor();
    expect(await lang(page)).toBe('ja');
    expect(await navText(page)).toContain('ホーム');
    expect(await page.locator('[data-testid="language-select"]').inputValue()).toBe('ja');
    expect(problems).toEqual([]);

    // Another device with an English browser: the code email is in Japanese, and so is the
    // dashboard once signed in.
    const elsewhere = await browser.newContext({
      locale: 'en-US',
      viewport: { width: 360, height: 740 },
    });
    const phone = await elsewhere.newPage();
    await signIn(phone, await loginLinkPath(accountId), () => codeEmailed('ログインコード'));
    const [codeEmail] = await messagesTo(stack, EMAIL);
    expect(codeEmail!.text).toMatch(/^\d{6} はログインコードです。/);
    expect(codeEmail!.html).toContain('<html lang="ja">');
    await expect.poll(() => lang(phone), { timeout: 15_000 }).toBe('ja');
    expect(await navText(phone)).toContain('ホーム');

    await german.close();
    await elsewhere.close();
  });
});
