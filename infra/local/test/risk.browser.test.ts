import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { graphqlRequest } from '@dash/testing';
import type { RunningStack } from '../src/index.js';
import { startBrowserStack, type BrowserStack } from './chromium.js';
import { newAccountWithLoginLink, platformKey, signInThroughLink } from './sign-in.js';

/*
 * Risk, as the account meets it in the dashboard: a refund larger than what its balance holds
 * leaves it below zero, and the balance card says why and how it is made good; the platform
 * places a require_document intervention, and the account lifts it from the banner by
 * uploading a document (test mode reviews it at once) — payouts resume and the banner goes.
 */
let running: BrowserStack;
let stack: RunningStack;
let browser: Browser;

/** The committed test document: its bytes carry `file_identity_document_success`. */
const PASSING = fileURLToPath(
  new URL(
    '../../../services/identity/test/fixtures/identity-document-success.png',
    import.meta.url,
  ),
);

async function asPlatform<T>(query: string, variables: Record<string, unknown> = {}) {
  const response = await graphqlRequest<T>(stack.gatewayUrl, query, variables, platformKey);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!;
}

const accountState = async (accountId: string) =>
  (
    await asPlatform<{
      account: {
        payoutsEnabled: boolean;
        balances: Array<{ currency: string; available: number; negativeSince: string | null }>;
      };
    }>(
      'query($a: ID!) { account(id: $a) { payoutsEnabled balances { currency available negativeSince } } }',
      { a: accountId },
    )
  ).account;

/** A paid charge, refunded in full: the processing fee it kept is more than the balance holds. */
async function refundedCharge(accountId: string): Promise<void> {
  const { createCharge } = await asPlatform<{ createCharge: { id: string } }>(
    'mutation($i: ChargeInput!, $k: String!) { createCharge(input: $i, idempotencyKey: $k) { id } }',
    { i: { account: accountId, amount: 2_000, currency: 'usd' }, k: randomUUID() },
  );
  await asPlatform(
    'mutation($i: RefundInput!, $k: String!) { createRefund(input: $i, idempotencyKey: $k) { id } }',
    { i: { charge: createCharge.id }, k: randomUUID() },
  );
}

/** The ledger's record of the account's balances below zero. */
async function negativeRows(accountId: string): Promise<number> {
  const ledger = stack.services.find((service) => service.name === 'ledger')!;
  const [row] = (await ledger.dataSource.query(
    'SELECT COUNT(*) AS n FROM negative_balances WHERE account_id = ?',
    [accountId],
  )) as Array<{ n: string | number }>;
  return Number(row!.n);
}

beforeAll(async () => {
  running = await startBrowserStack('risk_e2e', {
    realSignIn: true,
    // The ledger notices a balance below zero within a second, not a minute.
    env: { DASH_NEGATIVE_BALANCE_WATCH_MS: '500', DASH_RISK_TICK_MS: '1000' },
  });
  ({ stack, browser } = running);
});
afterAll(() => running?.stop());

describe('risk and negative balances in the dashboard', () => {
  it.each([
    [1280, 900],
    [360, 800],
  ])(
    'at %i px, a negative balance is explained, and a document request is resolved from the banner',
    async (width, height) => {
      const email = `risk.${width}@example.com`;
      const { accountId, path } = await newAccountWithLoginLink(
        stack,
        { email, displayName: `Risky Rider ${width}` },
        {},
      );
      await refundedCharge(accountId);
      // The ledger's watch notes since when the balance is below zero (read from its own table:
      // a read through the API now would be cached from before the watch's pass).
      await expect.poll(() => negativeRows(accountId), { timeout: 20_000 }).toBe(1);

      const context = await browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      await signInThroughLink(page, stack, path, email);

      // Why the balance is below zero, and how it is made good.
      const negative = page.locator('[data-testid="negative-balance"]');
      await expect.poll(() => negative.textContent(), { timeout: 15_000 }).toContain('you owe');
      expect(await negative.locator('[data-testid="negative-why"]').textContent()).toContain(
        'refunds',
      );
      expect(await negative.locator('[data-testid="negative-recovery"]').textContent()).toMatch(
        /debited from your bank account on \w{3} \d{1,2}, \d{4}/,
      );
      await page.screenshot({ path: `/tmp/risk-negative-${width}.png`, fullPage: true });

      // The platform asks for an identity document: payouts wait.
      await asPlatform(
        `mutation($i: PlaceRiskInterventionInput!, $k: String!) {
          placeRiskIntervention(input: $i, idempotencyKey: $k) { id }
        }`,
        {
          i: {
            account: accountId,
            kind: 'require_document',
            reason: 'Please confirm who runs this account.',
          },
          k: randomUUID(),
        },
      );
      expect((await accountState(accountId)).payoutsEnabled).toBe(false);
      await page.reload();
      const notice = page.locator('[data-testid="risk-intervention"]');
      await expect
        .poll(() => notice.textContent(), { timeout: 15_000 })
        .toContain('Payouts are paused: upload an identity document');
      expect(await notice.textContent()).toContain(
        'Your platform says: “Please confirm who runs this account.”',
      );
      // Asked once: the requirement it made due is not listed again.
      expect(await page.locator('[data-testid="banner-requirements"]').count()).toBe(0);
      await page.screenshot({ path: `/tmp/risk-intervention-${width}.png`, fullPage: true });
      const fits = await page.evaluate(
        `['[data-testid="balance"]', '[data-testid="risk-intervention"]'].every((selector) => {
          const box = document.querySelector(selector).getBoundingClientRect();
          return box.left >= 0 && box.right <= window.innerWidth;
        })`,
      );

      // Uploaded right there: verified at once in test mode, the intervention lifts itself.
      await notice.locator('select').selectOption('passport');
      await notice.locator('[name="document-front"]').setInputFiles(PASSING);
      await notice.locator('[data-testid="risk-send-document"]').click();
      await expect
        .poll(() => page.locator('[data-testid="risk-intervention"]').count(), {
          timeout: 15_000,
        })
        .toBe(0);
      await expect
        .poll(async () => (await accountState(accountId)).payoutsEnabled, { timeout: 15_000 })
        .toBe(true);
      expect(await page.locator('[data-testid="banner"]').count()).toBe(0);
      await page.screenshot({ path: `/tmp/risk-resolved-${width}.png`, fullPage: true });

      // The balance card and the banner's notice fit this width (checked before it lifted).
      expect(fits).toBe(true);
      expect(problems).toEqual([]);
      await context.close();
    },
    120_000,
  );
});
