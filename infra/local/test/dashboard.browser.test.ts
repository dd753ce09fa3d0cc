import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { withServerConnection } from '@dash/db';
import { formatMoney } from '@dash/money';
import { startBrowserStack, type BrowserStack } from './chromium.js';
import {
  DEMO_ACCOUNT,
  DEMO_PLATFORM,
  type IsolatedStackEnv,
  type RunningStack,
} from '../src/index.js';

let running: BrowserStack;
let prepared: IsolatedStackEnv;
let stack: RunningStack;
let browser: Browser;

/** The demo account's USD total straight from the ledger's table, to compare with the page. */
async function ledgerTotal(env: Record<string, string>): Promise<number> {
  return withServerConnection(env.MYSQL_URL!, async (connection) => {
    const [rows] = await connection.query(
      `SELECT COALESCE(SUM(net), 0) AS total FROM \`${env.DASH_LEDGER_DATABASE}\`.balance_transactions
       WHERE account_id = ? AND currency = 'usd'`,
      [DEMO_ACCOUNT.id],
    );
    return Number((rows as Array<{ total: string }>)[0]!.total);
  });
}

beforeAll(async () => {
  running = await startBrowserStack('browser');
  ({ stack, browser, prepared } = running);
});
afterAll(() => running?.stop());

describe('the dashboard in Chromium', () => {
  it('mounts the balance micro-frontend with the balance from MySQL, and switches language', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });

    const total = page.locator('[data-testid="balance-usd"] [data-testid="balance-total"]');
    // The stack's workers may move money meanwhile (a scheduled payout of what became
    // available): the page and the table are read again until one read of each agrees.
    await expect
      .poll(
        async () => {
          await page.goto(stack.shellUrl);
          await total.waitFor({ timeout: 15_000 });
          const shown = (await total.textContent())?.trim();
          const expected = await ledgerTotal(prepared.env);
          return expected > 0 && shown === formatMoney(expected, 'usd', 'en');
        },
        { timeout: 30_000 },
      )
      .toBe(true);

    // The demo account is a test-mode one: every page says so.
    await expect.poll(() => page.locator('[data-test-mode]').isVisible()).toBe(true);
    expect(await page.locator('[data-test-mode]').textContent()).toBe('Test mode');

    // The platform's branding frames the page: its name, and its icon served from this origin.
    expect(await page.locator('[data-platform-name]').textContent()).toBe(DEMO_PLATFORM.name);
    const icon = page.locator('[data-platform-icon] img');
    await expect
      .poll(() => icon.getAttribute('src'))
      .toMatch(/^\/platform-icons\/plat_\w+\/[0-9a-f]{16}\.svg$/);
    // Drawn, not broken: the browser decoded it.
    await expect
      .poll(() =>
        icon.evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth),
      )
      .toBeGreaterThan(0);
    const served = await page.request.get(
      new URL((await icon.getAttribute('src'))!, stack.shellUrl).href,
    );
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toBe('image/svg+xml');
    expect(await served.text()).toMatch(/^<svg/);

    const balanceText = async () =>
      (await page.locator('[data-testid="balance"]').textContent()) ?? '';
    const english = await balanceText();
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '简体中文' });
    await expect.poll(balanceText).not.toBe(english);
    expect(await balanceText()).toMatch(/[\u4e00-\u9fff]/);

    expect(problems).toEqual([]);
  });
});
