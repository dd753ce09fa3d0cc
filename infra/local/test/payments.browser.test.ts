import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { graphqlRequest } from '@dash/testing';
import type { RunningStack } from '../src/index.js';
import { startBrowserStack, type BrowserStack } from './chromium.js';
import { newAccountWithLoginLink, platformKey, signInThroughLink } from './sign-in.js';

let running: BrowserStack;
let stack: RunningStack;
let browser: Browser;

const EMAIL = 'payments.rider@example.com';

beforeAll(async () => {
  running = await startBrowserStack('payments_e2e', { realSignIn: true });
  ({ stack, browser } = running);
});
afterAll(() => running?.stop());

/** Opens a dashboard page the way a person does: a full page load, then waiting for `testid`. */
async function open(page: Page, path: string, testid: string) {
  await page.goto(`${stack.shellUrl}${path}`);
  await page.locator(`[data-testid="${testid}"]`).waitFor({ timeout: 15_000 });
}

/** Waits for the payment page to say the refund went through. */
const refundConfirmed = (page: Page) =>
  expect
    .poll(
      () =>
        page
          .locator('[data-testid="payment-detail"]')
          .getByRole('status')
          .textContent({ timeout: 2_000 }),
      { timeout: 15_000 },
    )
    .toContain('Refunded.');

describe('a payment in the dashboard', () => {
  it('appears in earnings, transactions and payments, and its refund everywhere', async () => {
    const { accountId, path } = await newAccountWithLoginLink(
      stack,
      {
        email: EMAIL,
        displayName: 'Payments Rider',
      },
      {},
    );
    // $42.00 less 2.9% + $0.30 is $40.48 for the account.
    const charged = await graphqlRequest<{ createCharge: { id: string } }>(
      stack.gatewayUrl,
      `mutation($a: ID!) { createCharge(input: { account: $a, amount: 4200, currency: "usd", customerEmail: "kim@example.com" },
        idempotencyKey: "e2e-charge-1") { id } }`,
      { a: accountId },
      platformKey,
    );
    expect(charged.errors).toBeUndefined();

    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await signInThroughLink(page, stack, path, EMAIL);

    await page.locator('[data-testid="earnings-total"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid="earnings-total"]').textContent()).toBe('$40.48');
    await expect
      .poll(() => page.locator('[data-testid="transactions"]').textContent())
      .toContain('Payment from');

    await open(page, '/payments', 'payments');
    const row = page.locator(`[data-id="${charged.data!.createCharge.id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('kim@example.com');
    await row.click();
    await page.locator('[data-testid="breakdown"]').waitFor();
    expect(await page.locator('[data-testid="breakdown"]').textContent()).toContain('$40.48');
    await page.locator('[data-testid="refund"]').click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('$42.00 goes back to kim@example.com');
    await dialog.getByRole('button', { name: 'Refund', exact: true }).click();
    await refundConfirmed(page);
    expect(await page.locator('[data-testid="payment-detail"]').textContent()).toContain(
      'Refunded',
    );

    await open(page, '/transactions', 'transactions');
    await expect.poll(() => page.locator('tbody').textContent()).toContain('-$42.00');
    // The export link downloads the CSV; the page stays where it is.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="export"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expect(page.url()).toBe(`${stack.shellUrl}/transactions`);

    await open(page, '/', 'earnings-total');
    // The refund takes the whole $42.00 back; the fees stay spent.
    expect(await page.locator('[data-testid="earnings-total"]').textContent()).toBe('-$1.52');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says why a payment under inquiry can only be refunded in full, and closes the inquiry', async () => {
    const email = 'inquiry.rider@example.com';
    const { accountId, path } = await newAccountWithLoginLink(
      stack,
      { email, displayName: 'Inquiry Rider' },
      {},
    );
    const charged = await graphqlRequest<{ createCharge: { id: string } }>(
      stack.gatewayUrl,
      `mutation($a: ID!) { createCharge(input: { account: $a, amount: 5000, currency: "usd", customerEmail: "lee@example.com" },
        idempotencyKey: "e2e-charge-inquiry") { id } }`,
      { a: accountId },
      platformKey,
    );
    const chargeId = charged.data!.createCharge.id;
    const inquiry = await graphqlRequest<{ createTestDispute: { id: string; status: string } }>(
      stack.gatewayUrl,
      'mutation($c: ID!) { createTestDispute(charge: $c, reason: fraudulent, inquiry: true) { id status } }',
      { c: chargeId },
      platformKey,
    );
    expect(inquiry.data?.createTestDispute.status).toBe('warning_needs_response');

    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughLink(page, stack, path, email);
    await open(page, `/payments/${chargeId}`, 'payment-detail');
    await page.locator('[data-testid="refund"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input').fill('10.00');
    await dialog.getByRole('button', { name: 'Refund', exact: true }).click();
    await expect
      .poll(() => dialog.getByRole('alert').textContent({ timeout: 2_000 }), { timeout: 15_000 })
      .toContain('refund all of it to close the inquiry');
    await dialog.locator('input').fill('50.00');
    await dialog.getByRole('button', { name: 'Refund', exact: true }).click();
    await refundConfirmed(page);
    // The ledger's refund event reaches the disputes service, which closes the inquiry.
    await expect
      .poll(
        async () =>
          (
            await graphqlRequest<{ account: { dispute: { status: string } | null } }>(
              stack.gatewayUrl,
              'query($a: ID!, $d: ID!) { account(id: $a) { dispute(id: $d) { status } } }',
              { a: accountId, d: inquiry.data!.createTestDispute.id },
              platformKey,
            )
          ).data?.account.dispute?.status,
        { timeout: 20_000 },
      )
      .toBe('warning_closed');
    await context.close();
  });
});
