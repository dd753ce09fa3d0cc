import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { graphqlRequest } from '@dash/testing';
import type { RunningStack } from '../src/index.js';
import { startBrowserStack, type BrowserStack } from './chromium.js';
import { messagesTo } from './dev-outbox.js';
import { newAccountWithLoginLink, platformKey, signInThroughLink } from './sign-in.js';

let running: BrowserStack;
let stack: RunningStack;
let browser: Browser;

const EMAIL = 'payout.methods@example.com';
const BANK = {
  country: 'US',
  currency: 'usd',
  accountHolderName: 'Methods Driver',
  routingNumber: '110000000',
  accountNumber: '000123456789',
};
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const asPlatform = <T>(query: string, variables: Record<string, unknown>) =>
  graphqlRequest<T>(stack.gatewayUrl, query, variables, platformKey);

/** Nothing sticks out sideways. */
const overflows = async (page: Page) =>
  Boolean(await page.evaluate('document.documentElement.scrollWidth > window.innerWidth'));

/**
 * The code of the next email to the account: one more than `before` have arrived (the sign-in
 * code came first), read where a developer reads it, the dev outbox.
 */
async function nextCode(before: number): Promise<string> {
  await expect
    .poll(async () => (await messagesTo(stack, EMAIL)).length, { timeout: 15_000 })
    .toBeGreaterThan(before);
  return /\b(\d{6})\b/.exec((await messagesTo(stack, EMAIL))[0]!.text)![1]!;
}

/** Goes through one change's dialog: its code sent by email, typed, confirmed. */
async function confirmWithCode(page: Page): Promise<void> {
  const dialog = page.locator('[data-testid="method-dialog"]');
  const before = (await messagesTo(stack, EMAIL)).length;
  await dialog.locator('[data-testid="method-submit"]').click();
  const code = dialog.locator('#dash-method-code');
  await code.waitFor({ timeout: 15_000 });
  await code.fill(await nextCode(before));
  await dialog.locator('[data-testid="method-submit"]').click();
}

beforeAll(async () => {
  running = await startBrowserStack('payout_methods_e2e', { realSignIn: true });
  ({ stack, browser } = running);
});
afterAll(() => running?.stop());

describe('payout methods in the dashboard', () => {
  it('adds a debit card with the emailed code, makes it the default, keeps the last one, and shows the next payout', async () => {
    const { accountId, path } = await newAccountWithLoginLink(
      stack,
      { email: EMAIL, displayName: 'Methods Driver' },
      { bank: BANK },
    );
    // Weekly, three days from now: today's $50.00 is past the rolling delay by then.
    const runDay = new Date(Date.now() + 3 * 24 * 3600 * 1000);
    const scheduled = await asPlatform(
      'mutation($a: ID!, $d: Weekday!) { updatePayoutSchedule(account: $a, input: { interval: weekly, weeklyAnchor: $d }) { nextPayoutDate } }',
      { a: accountId, d: WEEKDAYS[runDay.getUTCDay()] },
    );
    expect(scheduled.errors).toBeUndefined();
    const funded = await asPlatform(
      'mutation($a: ID!) { createTransfer(input: { account: $a, amount: 5000, currency: "usd" }, idempotencyKey: "e2e-methods-fund") { id } }',
      { a: accountId },
    );
    expect(funded.errors).toBeUndefined();

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await signInThroughLink(page, stack, path, EMAIL);

    // From the balance card to the payout methods.
    await page.locator('[data-testid="payout-methods-link"]').first().click();
    await page.waitForURL(`${stack.shellUrl}/payouts/methods`);
    const methods = page.locator('[data-testid="payout-methods"][aria-busy="false"]');
    await methods.waitFor({ timeout: 15_000 });
    const bank = methods.locator('[data-testid="method-6789"]');
    await expect.poll(() => bank.innerText()).toContain('Simulated Bank •••• 6789');
    expect(await bank.locator('[data-testid="method-default"]').innerText()).toBe('Default');

    // A credit card is refused before its code is used; Stripe's test debit card is taken.
    await methods.locator('[data-testid="add-debit-card"]').click();
    const dialog = page.locator('[data-testid="method-dialog"]');
    await dialog.locator('#dash-method-number').fill('4242 4242 4242 4242');
    await confirmWithCode(page);
    await expect
      .poll(() => dialog.locator('[data-testid="method-problem"]').innerText())
      .toBe('This is not a debit card: payouts go to debit cards only.');
    await dialog.locator('#dash-method-number').fill('4000 0566 5566 5556');
    await dialog.locator('[data-testid="method-submit"]').click();
    // The code sent before still serves the corrected card.
    await dialog.locator('#dash-method-code').waitFor();
    await dialog.locator('#dash-method-code').fill(await nextCode(0));
    await dialog.locator('[data-testid="method-submit"]').click();
    await expect
      .poll(() => methods.locator('[data-testid="methods-done"]').innerText(), { timeout: 15_000 })
      .toBe('Added Debit card •••• 5556.');
    const card = methods.locator('[data-testid="method-5556"]');
    await expect.poll(() => card.innerText()).toContain('Visa •••• 5556');

    // The card becomes the default for USD; the bank account stays, no longer the default.
    await card.locator('[data-testid="make-default"]').click();
    expect(await dialog.locator('[data-testid="method-summary"]').innerText()).toBe(
      'Scheduled USD payouts will go to Visa •••• 5556.',
    );
    await confirmWithCode(page);
    await expect
      .poll(() => methods.locator('[data-testid="methods-done"]').innerText(), { timeout: 15_000 })
      .toBe('Visa •••• 5556 is now your default for USD.');
    await expect.poll(() => card.locator('[data-testid="method-default"]').count()).toBe(1);
    expect(await bank.locator('[data-testid="method-default"]').count()).toBe(0);

    // The default cannot go while the bank account remains: said at once, no code sent.
    const sent = (await messagesTo(stack, EMAIL)).length;
    await card.locator('[data-testid="remove-method"]').click();
    expect(await dialog.locator('[data-testid="method-problem"]').innerText()).toBe(
      'This is your default for USD. Make another one the default first.',
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    // The bank account goes; then the card is the last one, and stays.
    await bank.locator('[data-testid="remove-method"]').click();
    await confirmWithCode(page);
    await expect
      .poll(() => methods.locator('[data-testid="methods-done"]').innerText(), { timeout: 15_000 })
      .toBe('Removed Simulated Bank •••• 6789.');
    await expect.poll(() => bank.count()).toBe(0);
    await card.locator('[data-testid="remove-method"]').click();
    await expect
      .poll(() => dialog.locator('[data-testid="method-problem"]').innerText())
      .toBe('This is your only payout method. Add another one before removing it.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await messagesTo(stack, EMAIL)).length).toBe(sent + 1);

    // At 360 px the page still fits, every control within reach.
    await page.setViewportSize({ width: 360, height: 800 });
    await page.reload();
    await methods.waitFor({ timeout: 15_000 });
    expect(await overflows(page)).toBe(false);
    await card.locator('[data-testid="remove-method"]').waitFor();
    expect(await methods.locator('[data-testid="add-debit-card"]').isVisible()).toBe(true);

    // The next scheduled payout, on the balance card and the payouts page.
    const arrival = /Next payout: \$50\.00, expected [A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2}/;
    await page.goto(`${stack.shellUrl}/`);
    await expect
      .poll(() => page.locator('[data-testid="balance-forecast"]').innerText(), {
        timeout: 15_000,
      })
      .toMatch(arrival);
    expect(await overflows(page)).toBe(false);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${stack.shellUrl}/payouts`);
    await expect
      .poll(() => page.locator('[data-testid="payout-forecast"]').innerText(), {
        timeout: 15_000,
      })
      .toMatch(arrival);

    // The same session in a German browser: the page speaks German.
    const german = await browser.newContext({
      locale: 'de-DE',
      viewport: { width: 1280, height: 900 },
      storageState: { cookies: (await context.storageState()).cookies, origins: [] },
    });
    const inGerman = await german.newPage();
    inGerman.on('pageerror', (error) => problems.push(error.message));
    await inGerman.goto(`${stack.shellUrl}/payouts/methods`);
    await inGerman
      .locator('[data-testid="payout-methods"][aria-busy="false"]')
      .waitFor({ timeout: 15_000 });
    expect(await inGerman.locator('h1').innerText()).toBe('Auszahlungsmethoden');
    expect(
      await inGerman
        .locator('[data-testid="method-5556"] [data-testid="method-default"]')
        .innerText(),
    ).toBe('Standard');

    // Each change is in the activity hub.
    const kinds = async () =>
      (
        await asPlatform<{
          account: { activity: { nodes: Array<{ kind: string; title: string }> } };
        }>(
          'query($id: ID!) { account(id: $id) { activity(first: 20) { nodes { kind title } } } }',
          { id: accountId },
        )
      ).data!.account.activity.nodes.map((item) => item.title);
    await expect
      .poll(kinds, { timeout: 15_000 })
      .toEqual(
        expect.arrayContaining([
          'Your default debit card for USD changed',
          'Bank account removed',
          'Payout schedule changed',
        ]),
      );
    expect(problems).toEqual([]);
    await german.close();
    await context.close();
  }, 180_000);
});
