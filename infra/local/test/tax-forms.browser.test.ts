import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { graphqlRequest } from '@dash/testing';
import type { RunningStack } from '../src/index.js';
import { startBrowserStack, type BrowserStack } from './chromium.js';
import { messagesTo } from './dev-outbox.js';
import { pdfText } from '@dash/testing/pdf-text';
import { newAccountWithLoginLink, platformKey, signInThroughLink } from './sign-in.js';

let running: BrowserStack;
let stack: RunningStack;
let browser: Browser;

const EMAIL = 'tax.rider@example.com';
const YEAR = new Date().getUTCFullYear();

/** The code in the newest message to `email` with `subject`. */
async function codeIn(email: string, subject: string): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(
      async () => {
        const message = (await messagesTo(stack, email)).find((m) => m.subject === subject);
        code = message && /\b(\d{6})\b/.exec(message.text)?.[1];
        return code;
      },
      { timeout: 15_000 },
    )
    .toMatch(/^\d{6}$/);
  return code!;
}

/** A platform call with the demo platform's test key; refusals fail the test. */
async function asPlatform<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await graphqlRequest<T>(stack.gatewayUrl, query, variables, platformKey);
  expect(response.errors, query).toBeUndefined();
  return response.data!;
}

/** Downloads the first form's PDF from the page, as a person clicking its link. */
async function downloadFirstForm(page: Page): Promise<string> {
  const link = page.locator('[data-testid="tax-forms"] a', { hasText: 'Download PDF' }).first();
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  return pdfText(new Uint8Array(bytes));
}

/** Nothing sticks out sideways at this width. */
async function fitsWidth(page: Page, width: number) {
  expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(
    width,
  );
}

beforeAll(async () => {
  running = await startBrowserStack('tax_e2e', { realSignIn: true });
  ({ stack, browser } = running);
});
afterAll(() => running?.stop());

describe('tax forms in the browser', () => {
  let accountId: string;

  it('a US account enters its W-9 with the code, consents, and downloads its 1099-K at 1280 px', async () => {
    const made = await newAccountWithLoginLink(
      stack,
      { email: EMAIL, displayName: 'Tax Rider' },
      {},
    );
    accountId = made.accountId;
    // $125.00 + $250.50 + $19.99, one of them refunded in part: the gross stays $395.49.
    const charges: string[] = [];
    for (const [index, amount] of [12_500, 25_050, 1_999].entries())
      charges.push(
        (
          await asPlatform<{ createCharge: { id: string } }>(
            `mutation($a: ID!, $amount: SafeInt!, $k: String!) {
              createCharge(input: { account: $a, amount: $amount, currency: "usd" }, idempotencyKey: $k) { id }
            }`,
            { a: accountId, amount, k: `tax-e2e-${index}` },
          )
        ).createCharge.id,
      );
    await asPlatform(
      'mutation($c: ID!) { createRefund(input: { charge: $c, amount: 5000 }, idempotencyKey: "tax-e2e-refund") { id } }',
      { c: charges[1] },
    );
    // The platform's payer, and thresholds of its own so three payments make a form.
    await asPlatform(
      `mutation { setTaxSettings(input: {
        payerName: "Rocket Rides Inc.", payerTin: "12-3456789", payerPhone: "+1 555 555 0100",
        payerAddress: { line1: "510 Townsend St", city: "San Francisco", state: "CA", postalCode: "94103" },
        kGrossAmountThreshold: 0, kTransactionCountThreshold: 0 }) { formType } }`,
    );

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await signInThroughLink(page, stack, made.path, EMAIL);

    await page.getByRole('link', { name: 'Tax forms' }).first().click();
    const info = page.locator('[data-testid="tax-information"]');
    await info.waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid="tax-forms-empty"]').textContent()).toContain(
      'No tax forms yet',
    );
    await info.getByRole('button', { name: 'Enter tax information' }).click();
    // Onboarding's name and address come first.
    expect(await info.getByLabel('Name on your tax return').inputValue()).toBe('Riley Driver');
    expect(await info.getByLabel('Street address').inputValue()).toBe('510 Townsend St');
    await info.getByLabel('Taxpayer ID', { exact: true }).fill('123-45-6789');
    await info.getByLabel('I certify the statements above.').check();
    await info.getByLabel('Type your full name as your signature').fill('Riley Driver');
    await info.getByRole('button', { name: 'Send code' }).click();
    const code = await codeIn(EMAIL, 'Confirm your tax information');
    await info.getByLabel(/^Code sent to/).fill(code);
    await info.getByRole('button', { name: 'Save tax information' }).click();
    await expect
      .poll(() => info.getByRole('status').textContent(), { timeout: 15_000 })
      .toBe('Your tax information was saved.');
    expect(await info.locator('[data-testid="masked-tin"]').textContent()).toContain('•••-••-6789');
    expect(await page.content()).not.toContain('123-45-6789');

    const delivery = page.locator('[data-testid="tax-delivery"]');
    await delivery.getByRole('button', { name: 'Get my tax forms electronically' }).click();
    await expect
      .poll(() => delivery.textContent(), { timeout: 15_000 })
      .toContain('You get your tax forms electronically');

    // The platform generates the year's forms once the ledger has the W-9 (it comes by event).
    await expect
      .poll(
        async () => {
          await asPlatform(
            'mutation($y: Int!, $k: String!) { generateTaxForms(year: $y, idempotencyKey: $k) { created } }',
            { y: YEAR, k: `tax-e2e-${Date.now()}` },
          );
          const listed = await asPlatform<{ taxForms: { nodes: Array<{ status: string }> } }>(
            'query($a: ID!) { taxForms(filter: { account: $a }) { nodes { status } } }',
            { a: accountId },
          );
          return listed.taxForms.nodes.map((form) => form.status);
        },
        { timeout: 20_000, interval: 500 },
      )
      .toEqual(['available']);

    await page.reload();
    const forms = page.locator('[data-testid="tax-forms"]');
    await expect
      .poll(() => forms.textContent(), { timeout: 15_000 })
      .toContain(`${YEAR} Form 1099-K`);
    expect(await forms.textContent()).toContain('Available');
    expect(await forms.textContent()).toContain('$395.49');
    const text = await downloadFirstForm(page);
    expect(text).toContain('Form 1099-K');
    expect(text).toContain(
      '1a Gross amount of payment card/third party network transactions $395.49',
    );
    expect(text).toContain('Number of payment transactions 3');
    expect(text).toContain("PAYEE'S TIN ***-**-6789");
    expect(text).toContain('Riley Driver');

    // The account was told by email, as electronic delivery promises.
    await expect
      .poll(async () => (await messagesTo(stack, EMAIL)).map((message) => message.subject), {
        timeout: 15_000,
      })
      .toContain(`Your ${YEAR} Form 1099-K is ready`);
    await fitsWidth(page, 1280);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the same, masked, and downloads the same PDF at 360 px', async () => {
    const link = await asPlatform<{ createLoginLink: { url: string } }>(
      'mutation($a: ID!) { createLoginLink(account: $a) { url } }',
      { a: accountId },
    );
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await signInThroughLink(page, stack, new URL(link.createLoginLink.url).pathname, EMAIL);
    await page.goto(`${stack.shellUrl}/tax-forms`);
    await page.locator('[data-testid="tax-forms"] li').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid="masked-tin"]').textContent()).toContain('•••-••-6789');
    await fitsWidth(page, 360);
    const text = await downloadFirstForm(page);
    expect(text).toContain('$395.49');
    expect(problems).toEqual([]);
    await context.close();
  });
});
