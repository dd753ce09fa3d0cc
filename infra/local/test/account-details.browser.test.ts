import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningStack } from '../src/index.js';
import { startBrowserStack, type BrowserStack } from './chromium.js';
import { messagesTo } from './dev-outbox.js';
import { onboardAccount, TEST_INDIVIDUAL } from './onboard.js';
import { newAccountWithLoginLink, signInThroughLink } from './sign-in.js';

let running: BrowserStack;
let stack: RunningStack;
let browser: Browser;

const EMAIL = 'details.driver@example.com';
const CODE_SUBJECT = 'Confirm changes to your details';

/** The code in the newest "confirm changes" message that came after `seen` such messages. */
async function detailsCode(seen: number): Promise<string> {
  let code = '';
  await expect
    .poll(
      async () => {
        const codes = (await messagesTo(stack, EMAIL)).filter((m) => m.subject === CODE_SUBJECT);
        code = (codes.length > seen && /\b(\d{6})\b/.exec(codes[0]!.text)?.[1]) || '';
        return code;
      },
      { timeout: 15_000 },
    )
    .toMatch(/^\d{6}$/);
  return code;
}

const codesSent = async () =>
  (await messagesTo(stack, EMAIL)).filter((m) => m.subject === CODE_SUBJECT).length;

/** The personal details group, once Settings has read the details. */
async function personalDetails(page: Page) {
  await page.locator('[data-testid="account-details"][aria-busy="false"]').waitFor({
    timeout: 15_000,
  });
  return page.locator('[data-testid="details-person"]');
}

/** Edit → the onboarding step → Save → the code from the email → back on Settings. */
async function changeWithCode(page: Page, values: Record<string, string>) {
  const person = await personalDetails(page);
  await person.getByRole('link', { name: 'Edit Personal details' }).click();
  await expect
    .poll(() => page.locator('[data-testid="step-title"]').textContent(), { timeout: 15_000 })
    .toBe('Your details');
  for (const [key, value] of Object.entries(values))
    await page.locator(`[name="${key}"]`).fill(value);
  await page.getByRole('button', { name: 'Save' }).click();

  // An identity change asks for the code before anything is saved.
  const panel = page.locator('[data-testid="details-code"]');
  await expect
    .poll(() => panel.textContent(), { timeout: 15_000 })
    .toContain('a code goes to your phone (or email)');
  const seen = await codesSent();
  await panel.getByRole('button', { name: 'Send code' }).click();
  await expect.poll(() => panel.textContent(), { timeout: 15_000 }).toContain('d•••@example.com');
  await page.locator('#onb-details-code').fill(await detailsCode(seen));
  await panel.getByRole('button', { name: 'Confirm and save' }).click();
  await page.waitForURL(`${stack.shellUrl}/settings`, { timeout: 15_000 });
}

const noSidewaysScroll = async (page: Page, width: number) =>
  expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(
    width,
  );

beforeAll(async () => {
  // The simulated check takes a while, as a real one does: long enough to see it pending.
  running = await startBrowserStack('account_details_e2e', {
    realSignIn: true,
    env: { DASH_SIMULATED_VERIFICATION_MS: '10000', DASH_VERIFICATION_TICK_MS: '1000' },
  });
  ({ stack, browser } = running);
});
afterAll(() => running?.stop());

describe('personal details in settings', () => {
  it('shows the details with the id masked, changes the address and the legal name with the emailed code, at 1280 and 360 px', async () => {
    const { accountId, path } = await newAccountWithLoginLink(stack, {
      email: EMAIL,
      displayName: 'Details Driver',
    });
    await onboardAccount(stack, accountId, {
      values: { ...TEST_INDIVIDUAL, 'individual.id_number': '123456789' },
    });

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await signInThroughLink(page, stack, path, EMAIL);

    // Every answer, grouped; the id number by its last four digits only.
    await page.goto(`${stack.shellUrl}/settings`);
    const person = await personalDetails(page);
    await expect.poll(() => person.textContent()).toContain('Riley Driver');
    const text = (await person.textContent()) ?? '';
    expect(text).toContain('•••••6789');
    expect(text).not.toContain('123456789');
    expect(text).toContain('510 Townsend St, San Francisco, CA, 94103');
    expect(text).toContain('April 12, 1990');
    expect(await person.locator('.dash-pill').textContent()).toBe('Verified');
    expect(await page.locator('[data-testid="details-business"]').textContent()).toContain(
      'https://riley.example',
    );
    await noSidewaysScroll(page, 1280);

    // Moving house: saved with the code, then checked again before it shows as verified.
    await changeWithCode(page, {
      'individual.address.line1': '2 Mission St',
      'individual.address.city': 'Oakland',
      'individual.address.postal_code': '94607',
    });
    const moved = await personalDetails(page);
    await expect
      .poll(() => moved.textContent(), { timeout: 15_000 })
      .toContain('2 Mission St, Oakland, CA, 94607');
    expect(await moved.getByRole('status').textContent()).toContain('Your changes were saved.');
    expect(await moved.locator('.dash-pill').textContent()).toBe('Pending verification');
    await expect
      .poll(
        async () => {
          await page.reload();
          return (await personalDetails(page)).locator('.dash-pill').textContent();
        },
        { timeout: 30_000, interval: 2_000 },
      )
      .toBe('Verified');

    // The activity hub tells of the change.
    await page.goto(`${stack.shellUrl}/activity`);
    await expect
      .poll(async () => page.locator('[data-testid="activity"][aria-busy="false"]').textContent(), {
        timeout: 15_000,
      })
      .toContain('You changed: address');

    // On a small phone: a new legal name, pending verification.
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`${stack.shellUrl}/settings`);
    await changeWithCode(page, { 'individual.last_name': 'Rivers' });
    const renamed = await personalDetails(page);
    await expect.poll(() => renamed.textContent(), { timeout: 15_000 }).toContain('Riley Rivers');
    expect(await renamed.locator('.dash-pill').textContent()).toBe('Pending verification');
    expect(await renamed.textContent()).toContain('Pending verification');
    await noSidewaysScroll(page, 360);
    expect(problems).toEqual([]);
    await context.close();
  });
});
