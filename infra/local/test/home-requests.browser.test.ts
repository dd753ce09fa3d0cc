import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Request } from 'playwright-core';
import { graphqlRequest } from '@dash/testing';
import type { RunningStack } from '../src/index.js';
import { startBrowserStack, type BrowserStack } from './chromium.js';
import { newAccountWithLoginLink, platformKey, signInThroughLink } from './sign-in.js';

let running: BrowserStack;
let stack: RunningStack;
let browser: Browser;

const EMAIL = 'home.rider@example.com';

beforeAll(async () => {
  running = await startBrowserStack('home_requests', { realSignIn: true });
  ({ stack, browser } = running);
});
afterAll(() => running?.stop());

type Operation = { operationName?: string; query?: string };

/** The operations a GraphQL request names (`query Banner { … }` is Banner), several for a batch. */
function operationsOf(request: Request): string[] {
  const body = request.postDataJSON() as Operation | Operation[] | null;
  return (Array.isArray(body) ? body : [body]).map(
    (operation) =>
      operation?.operationName ??
      /(?:query|mutation)\s+(\w+)/.exec(operation?.query ?? '')?.[1] ??
      'anonymous',
  );
}

describe('Home in Chromium', () => {
  it('asks once for the frame and once per part, shows balance, transactions and earnings, and follows a rename', async () => {
    const { accountId, path } = await newAccountWithLoginLink(
      stack,
      { email: EMAIL, displayName: 'Home Rider' },
      {},
    );
    // $42.00 less 2.9% + $0.30 is $40.48 for the account.
    const charged = await graphqlRequest(
      stack.gatewayUrl,
      `mutation($a: ID!) { createCharge(input: { account: $a, amount: 4200, currency: "usd", customerEmail: "kim@example.com" },
        idempotencyKey: "e2e-home-charge") { id } }`,
      { a: accountId },
      platformKey,
    );
    expect(charged.errors).toBeUndefined();

    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await signInThroughLink(page, stack, path, EMAIL);
    // The page signing in landed on still loading its parts would count towards the next one.
    await page.waitForLoadState('networkidle');

    // Signed in, Home opened afresh: every GraphQL request it sends from here is counted.
    const requests: string[][] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/graphql') requests.push(operationsOf(request));
    });
    await page.goto(`${stack.shellUrl}/`);

    const total = page.locator('[data-testid="balance-usd"] [data-testid="balance-total"]');
    await total.waitFor({ timeout: 15_000 });
    expect(await total.textContent()).toContain('$40.48');
    await expect
      .poll(() => page.locator('[data-testid="transactions"]').textContent())
      .toContain('Payment from');
    const earnings = page.locator('[data-testid="earnings-total"]');
    await earnings.waitFor({ timeout: 15_000 });
    expect(await earnings.textContent()).toBe('$40.48');
    await expect.poll(() => page.locator('[data-account-name]').textContent()).toBe('Home Rider');
    // Nothing late either: a watcher firing again would ask after the parts have shown.
    await page.waitForLoadState('networkidle');

    // The shell's one read of the session and platform, then one query per part on Home, the
    // parts that ask together sharing a request.
    expect(requests.flat().sort()).toEqual([
      'BalanceCard',
      'Banner',
      'Earnings',
      'Session',
      'Transactions',
    ]);
    expect(requests.length).toBeLessThan(5);

    // Renamed in settings, reached without reloading the page: the top bar follows.
    const allowed = await graphqlRequest(
      stack.gatewayUrl,
      'mutation { updatePlatformFeatures(input: { editPublicInfo: true }) { id } }',
      {},
      platformKey,
    );
    expect(allowed.errors).toBeUndefined();
    await page.locator('#dash-nav a[href="/settings"]').click();
    const publicInfo = page.locator('[data-testid="public-info"]');
    await publicInfo.getByRole('button', { name: 'Edit' }).click();
    await publicInfo.getByLabel('Account name').fill('Home Rider Renamed');
    await publicInfo.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.locator('[data-account-name]').textContent())
      .toBe('Home Rider Renamed');

    expect(problems).toEqual([]);
    await context.close();
  });
});
