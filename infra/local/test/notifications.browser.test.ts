import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { graphqlRequest } from '@dash/testing';
import type { RunningStack } from '../src/index.js';
import { startBrowserStack, type BrowserStack } from './chromium.js';
import { onboardAccount } from './onboard.js';
import { newAccountWithLoginLink, platformKey, signInThroughLink } from './sign-in.js';

let running: BrowserStack;
let stack: RunningStack;
let browser: Browser;

const EMAIL = 'banner.driver@example.com';

const asPlatform = <T>(query: string, variables: Record<string, unknown>) =>
  graphqlRequest<T>(stack.gatewayUrl, query, variables, platformKey);

beforeAll(async () => {
  running = await startBrowserStack('notifications_e2e', { realSignIn: true });
  ({ stack, browser } = running);
});
afterAll(() => running?.stop());

describe('the banner and the activity hub', () => {
  it('shows what is due until it is done, and the hub leads to what happened', async () => {
    // A new account: onboarding is not finished.
    const { accountId, path } = await newAccountWithLoginLink(stack, {
      email: EMAIL,
      displayName: 'Banner Driver',
      businessType: 'individual',
      businessProfile: { name: 'Banner Rides' },
    });
    const notice = await asPlatform<{ createAccountNotice: { id: string } }>(
      `mutation($a: ID!) { createAccountNotice(account: $a, input: { kind: risk_intervention,
        title: "Confirm your website", body: "We could not reach your website. Add one that works.",
        actionLabel: "Open settings", actionUrl: "/settings" }) { id } }`,
      { a: accountId },
    );
    expect(notice.errors).toBeUndefined();

    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await signInThroughLink(page, stack, path, EMAIL);

    const banner = page.locator('[data-testid="banner"]');
    await expect
      .poll(() => banner.textContent(), { timeout: 15_000 })
      .toContain('Finish setting up your account');
    expect(await banner.textContent()).toContain('Confirm your website');

    // What is due is given in the onboarding flow, which the banner leads into.
    await page.locator('[data-testid="banner-requirements"] a').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/onboarding');
    await page.locator('[data-testid="step-title"]').waitFor({ timeout: 15_000 });

    // The platform resolves its notice: gone at the next page.
    await asPlatform('mutation($n: ID!) { resolveAccountNotice(notice: $n) { id } }', {
      n: notice.data!.createAccountNotice.id,
    });
    await page.goto(`${stack.shellUrl}/activity`);
    await page.locator('[data-testid="activity"]').waitFor({ timeout: 15_000 });
    await expect
      .poll(async () => (await page.locator('#dash-main').textContent()) ?? '', { timeout: 15_000 })
      .not.toContain('Confirm your website');

    // The account finishes onboarding and takes a payment; a dispute arrives: the bell counts
    // it, the hub lists it, and opening it leads to the dispute.
    await onboardAccount(stack, accountId);
    const charged = await asPlatform<{ createCharge: { id: string } }>(
      'mutation($a: ID!) { createCharge(input: { account: $a, amount: 2000, currency: "usd" }, idempotencyKey: "e2e-hub-charge") { id } }',
      { a: accountId },
    );
    const dispute = await asPlatform<{ createTestDispute: { id: string } }>(
      'mutation($c: ID!) { createTestDispute(charge: $c, reason: fraudulent) { id } }',
      { c: charged.data!.createCharge.id },
    );
    await expect
      .poll(
        async () => {
          await page.reload();
          // Read the hub once it has loaded, not its "Loading…".
          const hub = page.locator('[data-testid="activity"][aria-busy="false"]');
          await hub.waitFor({ timeout: 10_000 });
          return hub.textContent();
        },
        { timeout: 20_000, interval: 1_000 },
      )
      // A dispute makes two items; the count is read once both are in, or the second, arriving
      // after it was read, would look like a click that marked nothing read.
      .toSatisfy(
        (text) =>
          (text ?? '').includes('A payment was disputed') &&
          (text ?? '').includes('Dispute: funds withdrawn'),
      );
    await page.reload();
    await page.locator('[data-testid="activity"][aria-busy="false"]').waitFor({ timeout: 10_000 });
    const bell = page.locator('.topbar__bell');
    await expect
      .poll(async () => Number(await bell.getAttribute('data-unread')))
      .toBeGreaterThan(0);
    const before = Number(await bell.getAttribute('data-unread'));
    await page
      .locator('[data-testid="activity"] li button', { hasText: 'A payment was disputed' })
      .click();
    await expect
      .poll(() => page.url())
      .toContain(`/disputes/${dispute.data!.createTestDispute.id}`);
    await expect.poll(async () => Number(await bell.getAttribute('data-unread'))).toBe(before - 1);
    expect(problems).toEqual([]);
    await context.close();
  });
});
