import type { Page } from 'playwright-core';
import { graphqlRequest } from '@dash/testing';
import type { RunningStack } from '../src/index.js';
import { codeSentTo } from './dev-outbox.js';
import { onboardAccount } from './onboard.js';
import { platformKey } from './support.js';

export { platformKey };

/**
 * What a platform does for a new connected account: creates it with its key and makes a login
 * link. Returns the link's path (the link names the configured dashboard; tests run the shell
 * on a port of their own).
 */
export async function newAccountWithLoginLink(
  stack: RunningStack,
  input: { email: string; displayName: string; country?: string; [field: string]: unknown },
  /** Onboarded first (test values, this bank account), for a test that moves its money. */
  onboarded?: { bank?: Record<string, string> },
): Promise<{ accountId: string; path: string }> {
  const created = await graphqlRequest<{ createAccount: { id: string } }>(
    stack.gatewayUrl,
    'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }',
    { input: { country: 'US', ...input } },
    platformKey,
  );
  const accountId = created.data!.createAccount.id;
  if (onboarded) await onboardAccount(stack, accountId, onboarded);
  const link = await graphqlRequest<{ createLoginLink: { url: string } }>(
    stack.gatewayUrl,
    'mutation($a: ID!) { createLoginLink(account: $a) { url } }',
    { a: accountId },
    platformKey,
  );
  return { accountId, path: new URL(link.data!.createLoginLink.url).pathname };
}

/** Opens a login link in the page and types the code emailed to `email`, as a person would. */
export async function signInThroughLink(
  page: Page,
  stack: RunningStack,
  path: string,
  email: string,
): Promise<void> {
  await page.goto(`${stack.shellUrl}${path}`);
  const codeInput = page.getByLabel('Verification code');
  await codeInput.waitFor({ timeout: 15_000 });
  await codeInput.fill(await codeSentTo(stack, email));
  await page.waitForURL(`${stack.shellUrl}/`, { timeout: 15_000 });
}
