import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { graphqlRequest } from '@dash/testing';
import type { RunningStack } from '../src/index.js';
import { startBrowserStack, type BrowserStack } from './chromium.js';
import { onboardAccount, TEST_INDIVIDUAL } from './onboard.js';
import { newAccountWithLoginLink, platformKey, signInThroughLink } from './sign-in.js';

let running: BrowserStack;
let stack: RunningStack;
let browser: Browser;

/** The committed test documents: their bytes carry Stripe's test file tokens. */
const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../services/identity/test/fixtures/${name}`, import.meta.url));
const FAILING = fixture('identity-document-failure.png');
const PASSING = fixture('identity-document-success.png');
const DOCUMENT = 'individual.verification.document';

const requirementsOf = async (accountId: string) =>
  (
    await graphqlRequest<{
      account: {
        payoutsEnabled: boolean;
        requirements: { currentlyDue: string[]; errors: Array<{ code: string }> };
      };
    }>(
      stack.gatewayUrl,
      'query($a: ID!) { account(id: $a) { payoutsEnabled requirements { currentlyDue errors { code } } } }',
      { a: accountId },
      platformKey,
    )
  ).data!.account;

beforeAll(async () => {
  running = await startBrowserStack('identity_documents_e2e', { realSignIn: true });
  ({ stack, browser } = running);
});
afterAll(() => running?.stop());

describe('identity documents', () => {
  it.each([
    [1280, 900],
    [360, 800],
  ])(
    'at %i px, the banner leads an account whose id check failed to upload a document',
    async (width, height) => {
      const email = `documents.${width}@example.com`;
      const { accountId, path } = await newAccountWithLoginLink(stack, {
        email,
        displayName: `Document Driver ${width}`,
      });
      // Onboarded with the documented birth date that fails the keyed identity check.
      await onboardAccount(stack, accountId, {
        values: { ...TEST_INDIVIDUAL, 'individual.dob': '1900-01-01' },
      });
      expect((await requirementsOf(accountId)).requirements).toMatchObject({
        currentlyDue: [DOCUMENT],
        errors: [{ code: 'verification_failed_keyed_identity' }],
      });

      const context = await browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      await signInThroughLink(page, stack, path, email);

      const banner = page.locator('[data-testid="banner-requirements"]');
      await expect
        .poll(() => banner.textContent(), { timeout: 15_000 })
        .toContain('identity document');
      await banner.getByRole('link', { name: 'Add information' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/onboarding');
      await expect
        .poll(() => page.locator('[data-testid="step-title"]').textContent(), { timeout: 15_000 })
        .toContain('Identity documents');
      const item = page.locator(`[data-document="${DOCUMENT}"]`);
      await expect.poll(() => item.textContent()).toContain('Upload an identity document');

      // A failing test document: refused, said so, and still asked for.
      await item.locator('[name="document-type"]').selectOption('passport');
      await item.locator('[name="document-front"]').setInputFiles(FAILING);
      await item.locator('[data-testid="send-document"]').click();
      await expect
        .poll(() => item.locator('[data-testid="document-status"]').textContent(), {
          timeout: 15_000,
        })
        .toContain('Not accepted');
      expect(await item.locator('[data-testid="document-error"]').textContent()).toContain(
        'could not be verified',
      );
      expect((await requirementsOf(accountId)).requirements).toMatchObject({
        currentlyDue: [DOCUMENT],
        errors: [{ code: 'verification_document_failed_other' }],
      });
      await page.screenshot({ path: `/tmp/identity-documents-failed-${width}.png` });

      // An id card whose pages pass: front and back, verified, the requirement gone.
      await item.locator('[name="document-type"]').selectOption('id_card');
      await item.locator('[name="document-front"]').setInputFiles(PASSING);
      await item.locator('[name="document-back"]').setInputFiles(PASSING);
      await item.locator('[data-testid="send-document"]').click();
      await expect
        .poll(() => item.locator('[data-testid="document-status"]').textContent(), {
          timeout: 15_000,
        })
        .toContain('Verified');
      await page.screenshot({ path: `/tmp/identity-documents-verified-${width}.png` });
      expect(await requirementsOf(accountId)).toMatchObject({
        payoutsEnabled: true,
        requirements: { currentlyDue: [], errors: [] },
      });

      // Nothing is due any more: the banner has nothing to say on the next page.
      await page.locator('[data-testid="continue"]').first().click();
      await page.goto(`${stack.shellUrl}/`);
      await page.locator('#dash-main').waitFor({ timeout: 15_000 });
      await expect
        .poll(() => page.locator('[data-testid="banner-requirements"]').count(), {
          timeout: 15_000,
        })
        .toBe(0);
      // Nothing spills sideways at this width.
      expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(
        true,
      );
      expect(problems).toEqual([]);
      await context.close();
    },
    120_000,
  );
});
