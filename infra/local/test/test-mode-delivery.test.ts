import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlRequest, startTestSmtpServer, type TestSmtpServer } from '@dash/testing';
import { DEMO_TEST_KEY, type RunningStack } from '../src/index.js';
import { codeSentTo } from './dev-outbox.js';
import { anotherPlatform, ownStack } from './support.js';

/** A real SMTP server on loopback: everything handed to the carrier. */
let smtp: TestSmtpServer;
let stack: RunningStack;
let liveKey: string;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
});
// Registered first, so it runs last: after the stack that sends through it has stopped.
afterAll(() => smtp?.stop());
// A real email carrier is configured, as a production install has one.
ownStack(
  'sink',
  (started) => (stack = started),
  (env) => ({ ...env, DASH_EMAIL_PROVIDER: 'smtp', DASH_SMTP_URL: smtp.url }),
);
beforeAll(async () => {
  liveKey = (await anotherPlatform(stack, 'Live Platform')).liveSecret;
});

/** A platform makes an account and a login link; the person opens it and asks for a code. */
async function signInCodeRequested(key: string, email: string): Promise<void> {
  const auth = { authorization: `Bearer ${key}` };
  const created = await graphqlRequest<{ createAccount: { id: string } }>(
    stack.gatewayUrl,
    'mutation($e: String!) { createAccount(input: { email: $e, country: "US" }) { id } }',
    { e: email },
    auth,
  );
  const link = await graphqlRequest<{ createLoginLink: { url: string } }>(
    stack.gatewayUrl,
    'mutation($a: ID!) { createLoginLink(account: $a) { url } }',
    { a: created.data!.createAccount.id },
    auth,
  );
  const started = await graphqlRequest<{ startLogin: { id: string } }>(
    stack.gatewayUrl,
    'mutation($t: String!) { startLogin(token: $t, channel: email) { id } }',
    { t: link.data!.createLoginLink.url.split('/login/')[1] },
  );
  expect(started.errors).toBeUndefined();
}

describe('sign-in codes with a real carrier configured', () => {
  it('never reach it for test-mode accounts, and do for live ones', async () => {
    await signInCodeRequested(DEMO_TEST_KEY.secret, 'test.mode@example.com');
    await signInCodeRequested(liveKey, 'live.mode@example.com');
    await expect
      .poll(() => smtp.received.filter((m) => /^To: live\.mode@example\.com/m.test(m)).length, {
        timeout: 20_000,
      })
      .toBe(1);
    // The test-mode code went to the dev outbox, and nowhere near the carrier.
    const testCode = await codeSentTo(stack, 'test.mode@example.com');
    expect(smtp.received.join('\n')).not.toContain('test.mode@example.com');
    expect(smtp.received.join('\n')).not.toContain(testCode);
  });
});
