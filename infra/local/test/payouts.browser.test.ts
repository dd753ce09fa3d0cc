import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { graphqlRequest } from '@dash/testing';
import type { RunningStack } from '../src/index.js';
import { startBrowserStack, type BrowserStack } from './chromium.js';
import { newAccountWithLoginLink, platformKey, signInThroughLink } from './sign-in.js';

let running: BrowserStack;
let stack: RunningStack;
let browser: Browser;

const EMAIL = 'payouts.driver@example.com';

const asPlatform = <T>(query: string, variables: Record<string, unknown>) =>
  graphqlRequest<T>(stack.gatewayUrl, query, variables, platformKey);

beforeAll(async () => {
  running = await startBrowserStack('payouts_e2e', { realSignIn: true });
  ({ stack, browser } = running);
});
afterAll(() => running?.stop());

const PAYOUTS_BANK = {
  country: 'US',
  currency: 'usd',
  accountHolderName: 'Payouts Driver',
  routingNumber: '110000000',
  accountNumber: '000123456789',
};

describe('paying out from the dashboard', () => {
  it('pays out now: the balance, the payouts list, transactions and activity follow', async () => {
    const { accountId, path } = await newAccountWithLoginLink(
      stack,
      {
        email: EMAIL,
        displayName: 'Payouts Driver',
      },
      { bank: PAYOUTS_BANK },
    );
    // $50.00 available at once (a platform transfer) to the bank account given at onboarding.
    const funded = await asPlatform(
      'mutation($a: ID!) { createTransfer(input: { account: $a, amount: 5000, currency: "usd" }, idempotencyKey: "e2e-payout-fund") { id } }',
      { a: accountId },
    );
    expect(funded.errors).toBeUndefined();

    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await signInThroughLink(page, stack, path, EMAIL);

    await page.goto(`${stack.shellUrl}/payouts`);
    await page.locator('[data-testid="payouts-empty"]').waitFor({ timeout: 15_000 });
    const balance = page.locator('[data-testid="balance-usd"]');
    await expect.poll(() => balance.textContent()).toContain('Available to pay out$50.00');

    await page.locator('[data-testid="pay-out-usd"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input').first().fill('20.00');
    await expect
      .poll(() => dialog.locator('[data-testid="payout-consequence"]').textContent())
      .toBe('$20.00 goes to Simulated Bank •••• 6789, usually within 2 business days.');
    await dialog.getByRole('button', { name: 'Pay out', exact: true }).click();

    await expect
      .poll(
        () =>
          page
            .locator('[data-testid="balance"]')
            .getByRole('status')
            .textContent({ timeout: 2_000 }),
        { timeout: 15_000 },
      )
      .toContain('Payout started');
    await expect.poll(() => balance.textContent()).toContain('Available to pay out$30.00');
    await expect.poll(() => balance.textContent()).toContain('On the way to your bank$20.00');
    // The payouts list, told by the balance card, shows the new payout without a reload.
    await expect
      .poll(() => page.locator('[data-testid="payouts"] li').first().textContent())
      .toContain('$20.00');
    await page.locator('[data-testid="payouts"] li button').first().click();
    await expect
      .poll(() => page.locator('[data-testid="payout-detail"]').textContent(), { timeout: 15_000 })
      .toContain('Simulated Bank •••• 6789');

    await page.goto(`${stack.shellUrl}/transactions`);
    await expect
      .poll(() => page.locator('[data-testid="transactions"]').textContent(), { timeout: 15_000 })
      .toContain('-$20.00');

    const activity = async () =>
      (
        await asPlatform<{ account: { activity: { nodes: Array<{ kind: string }> } } }>(
          'query($id: ID!) { account(id: $id) { activity(first: 20) { nodes { kind } } } }',
          { id: accountId },
        )
      ).data!.account.activity.nodes.map((item) => item.kind);
    await expect.poll(activity, { timeout: 15_000 }).toContain('payout.created');
    expect(problems).toEqual([]);
    await context.close();
  });
});
