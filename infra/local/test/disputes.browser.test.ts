import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { graphqlRequest } from '@dash/testing';
import type { RunningStack } from '../src/index.js';
import { startBrowserStack, type BrowserStack } from './chromium.js';
import { newAccountWithLoginLink, platformKey, signInThroughLink } from './sign-in.js';

let running: BrowserStack;
let stack: RunningStack;
let browser: Browser;

const EMAIL = 'disputes.driver@example.com';
/** A 1×1 PNG: the proof of shipping the account uploads. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const asPlatform = <T>(query: string, variables: Record<string, unknown>) =>
  graphqlRequest<T>(stack.gatewayUrl, query, variables, platformKey);

beforeAll(async () => {
  running = await startBrowserStack('disputes_e2e', { realSignIn: true });
  ({ stack, browser } = running);
});
afterAll(() => running?.stop());

describe('responding to a dispute from the dashboard', () => {
  it('finds the dispute, uploads proof, submits evidence, and the activity hub follows', async () => {
    const { accountId, path } = await newAccountWithLoginLink(
      stack,
      {
        email: EMAIL,
        displayName: 'Disputes Driver',
      },
      {},
    );
    const charged = await asPlatform<{ createCharge: { id: string } }>(
      'mutation($a: ID!) { createCharge(input: { account: $a, amount: 4200, currency: "usd", customerEmail: "kim@example.com", description: "Ride #77" }, idempotencyKey: "e2e-dispute-charge") { id } }',
      { a: accountId },
    );
    const opened = await asPlatform<{ createTestDispute: { id: string; status: string } }>(
      'mutation($c: ID!) { createTestDispute(charge: $c, reason: product_not_received) { id status } }',
      { c: charged.data!.createCharge.id },
    );
    expect(opened.data?.createTestDispute.status).toBe('needs_response');
    const disputeId = opened.data!.createTestDispute.id;

    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await signInThroughLink(page, stack, path, EMAIL);

    await page.goto(`${stack.shellUrl}/disputes`);
    const row = page.locator(`[data-id="${disputeId}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain('Needs response');
    await row.click();
    const detail = page.locator('[data-testid="dispute-detail"]');
    await expect.poll(() => detail.textContent(), { timeout: 15_000 }).toContain('kim@example.com');
    expect(await detail.textContent()).toContain('Amount and fee taken from your balance');

    await page.locator('[data-field="shippingCarrier"]').fill('UPS');
    await page.locator('[data-field="shippingTrackingNumber"]').fill('1Z999AA10123456784');
    await page.locator('[data-field="shippingDate"]').fill('2026-11-20');
    await page.locator('[data-field="shippingDocumentation"]').setInputFiles({
      name: 'label.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await expect
      .poll(() => detail.getByRole('status').textContent({ timeout: 2_000 }), { timeout: 15_000 })
      .toBe('label.png added.');
    await page.locator('[data-testid="submit"]').click();
    await expect
      .poll(() => detail.getByRole('status').textContent({ timeout: 2_000 }), { timeout: 15_000 })
      .toContain('Evidence submitted');
    await expect.poll(() => detail.textContent()).toContain('Under review');
    await expect.poll(() => page.locator('[data-testid="evidence-form"]').count()).toBe(0);

    const submitted = await asPlatform<{
      account: {
        dispute: {
          status: string;
          evidence: { shippingTrackingNumber: string };
          evidenceFiles: Array<{ filename: string; mimeType: string }>;
        };
      };
    }>(
      'query($a: ID!, $d: ID!) { account(id: $a) { dispute(id: $d) { status evidence { shippingTrackingNumber } evidenceFiles { filename mimeType } } } }',
      { a: accountId, d: disputeId },
    );
    expect(submitted.data?.account.dispute).toEqual({
      status: 'under_review',
      evidence: { shippingTrackingNumber: '1Z999AA10123456784' },
      evidenceFiles: [{ filename: 'label.png', mimeType: 'image/png' }],
    });
    const activity = async () =>
      (
        await asPlatform<{ account: { activity: { nodes: Array<{ kind: string }> } } }>(
          'query($id: ID!) { account(id: $id) { activity(first: 20) { nodes { kind } } } }',
          { id: accountId },
        )
      ).data!.account.activity.nodes.map((item) => item.kind);
    await expect
      .poll(activity, { timeout: 15_000 })
      .toEqual(
        expect.arrayContaining(['dispute.created', 'dispute.funds_withdrawn', 'dispute.updated']),
      );
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a platform uploads file evidence for its own account through the gateway', async () => {
    const { accountId } = await newAccountWithLoginLink(
      stack,
      { email: 'disputes.platform@example.com', displayName: 'Platform Answers' },
      {},
    );
    const charged = await asPlatform<{ createCharge: { id: string } }>(
      'mutation($a: ID!) { createCharge(input: { account: $a, amount: 2500, currency: "usd" }, idempotencyKey: "e2e-platform-evidence") { id } }',
      { a: accountId },
    );
    const opened = await asPlatform<{ createTestDispute: { id: string } }>(
      'mutation($c: ID!) { createTestDispute(charge: $c, reason: product_not_received) { id } }',
      { c: charged.data!.createCharge.id },
    );
    const disputeId = opened.data!.createTestDispute.id;
    const uploadFor = (query: string) =>
      fetch(new URL(`/files${query}`, stack.gatewayUrl), {
        method: 'POST',
        headers: { ...platformKey, 'content-type': 'image/png', 'x-file-name': 'label.png' },
        body: PNG,
      });
    expect((await uploadFor('')).status).toBe(400);
    const uploaded = await uploadFor(`?account=${accountId}`);
    expect(uploaded.status).toBe(201);
    const file = (await uploaded.json()) as { id: string };
    const saved = await asPlatform<{
      saveDisputeEvidence: { evidenceFiles: Array<{ id: string; filename: string }> };
    }>(
      'mutation($d: ID!, $f: String!) { saveDisputeEvidence(dispute: $d, evidence: { shippingDocumentation: $f }) { evidenceFiles { id filename } } }',
      { d: disputeId, f: file.id },
    );
    expect(saved.data?.saveDisputeEvidence.evidenceFiles).toEqual([
      { id: file.id, filename: 'label.png' },
    ]);
  });
});
