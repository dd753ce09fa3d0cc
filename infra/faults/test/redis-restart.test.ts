import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '@dash/local-stack';
import {
  asPlatform,
  createAccount,
  errorCode,
  loginLinkToken,
  messagesTo,
  resendLoginCode,
  startEmailLogin,
  startLogin,
} from './harness/api.js';
import { payoutFacts, payoutIdsOf, waitUntilPaid } from './harness/facts.js';
import { answer, misbehaving, platformTraffic, underLoad, type Answer } from './harness/load.js';
import { startPrivateRedis, type PrivateRedis } from './harness/private-redis.js';
import { startProcessStack, type ProcessStack } from './harness/stack.js';
import { waitFor } from '@dash/testing';

/**
 * "Within a few seconds": what any request may take while Redis is away, on a busy machine.
 * The outage lasts longer than this, so a request that waited for Redis to return would exceed it.
 */
const FEW_SECONDS = 8_000;
const OUTAGE_MS = 12_000;

let redis: PrivateRedis;
let stack: ProcessStack;

beforeAll(async () => {
  redis = await startPrivateRedis();
  stack = await startProcessStack('faults_redis', {
    redisUrl: redis.url,
    env: { DASH_PAYOUT_TICK_MS: '300', DASH_SIMULATED_BANK_SETTLE_MS: '0' },
  });
});
afterAll(async () => {
  await stack?.stop();
  await redis?.remove();
});

const notificationsUrl = () => stack.subgraphUrl('notifications');

/** A test-mode account with a fresh login link, reached at `email`. */
async function accountWithLink(email: string) {
  const accountId = await createAccount(stack.gatewayUrl, email);
  return { email, token: await loginLinkToken(stack.gatewayUrl, accountId) };
}

// The first test kills Redis without saving anything, as a lost Redis: the payouts that the
// last test waits for are moved along only if the services schedule their chores again.
describe('sign-in codes when Redis does not answer', () => {
  it('a stopped Redis: the code request is refused at once with "try again"; the link still works after', async () => {
    const signIn = await accountWithLink('stopped.redis@example.com');
    await redis.stop();
    try {
      const byLink = await answer('startLogin', () => startLogin(stack.gatewayUrl, signIn.token));
      const byEmail = await answer('startEmailLogin', () =>
        startEmailLogin(stack.gatewayUrl, signIn.email),
      );
      for (const refused of [byLink, byEmail]) {
        expect(refused.ms).toBeLessThan(FEW_SECONDS);
        expect(refused.code).toBe('UNAVAILABLE');
        expect(refused.response?.errors?.[0]?.message).toMatch(/try again/i);
      }
    } finally {
      await redis.start();
    }
    // The refused request used nothing up: the same link signs in once Redis is back.
    let started: Awaited<ReturnType<typeof startLogin>> | undefined;
    await waitFor(
      'a sign-in code once Redis is back',
      async () => {
        started = await startLogin(stack.gatewayUrl, signIn.token);
        if (started.errors) throw new Error(JSON.stringify(started.errors));
      },
      30_000,
    );
    expect(started?.data?.startLogin.id).toMatch(/^/);
    await waitFor(
      'the code in the outbox',
      async () => expect(await messagesTo(notificationsUrl(), signIn.email)).toHaveLength(1),
      30_000,
    );
  });

  it('a resend refused while Redis is down keeps the sign-in going: the same challenge resends after', async () => {
    const signIn = await accountWithLink('resend.outage@example.com');
    const started = await startLogin(stack.gatewayUrl, signIn.token);
    expect(started.errors).toBeUndefined();
    const { id: challenge, resendAvailableAt } = started.data!.startLogin;
    await waitFor(
      'the first code',
      async () => expect(await messagesTo(notificationsUrl(), signIn.email)).toHaveLength(1),
      30_000,
    );
    await waitFor(
      'the resend cooldown to pass',
      async () => {
        if (Date.now() < new Date(resendAvailableAt).getTime()) throw new Error('cooling down');
      },
      60_000,
    );
    await redis.stop();
    try {
      const refused = await answer('resendLoginCode', () =>
        resendLoginCode(stack.gatewayUrl, challenge),
      );
      expect(refused.ms).toBeLessThan(FEW_SECONDS);
      expect(refused.code).toBe('UNAVAILABLE');
    } finally {
      await redis.start();
    }
    await waitFor(
      'a resend once Redis is back',
      async () => {
        const resent = await resendLoginCode(stack.gatewayUrl, challenge);
        if (resent.errors) throw new Error(JSON.stringify(resent.errors));
      },
      30_000,
    );
    await waitFor(
      'the second code',
      async () => expect(await messagesTo(notificationsUrl(), signIn.email)).toHaveLength(2),
      30_000,
    );
  });

  it('a frozen Redis (connections open, no answers): refused within seconds, not held', async () => {
    const signIn = await accountWithLink('frozen.redis@example.com');
    redis.freeze();
    try {
      const [byLink, byEmail] = await Promise.all([
        answer('startLogin', () => startLogin(stack.gatewayUrl, signIn.token)),
        answer('startEmailLogin', () => startEmailLogin(stack.gatewayUrl, signIn.email)),
      ]);
      for (const refused of [byLink, byEmail]) {
        expect(refused.ms).toBeLessThan(FEW_SECONDS);
        expect(refused.code).toBe('UNAVAILABLE');
      }
    } finally {
      redis.thaw();
    }
  });
});

describe('Redis restarts under load', () => {
  it('every request answers within seconds; afterwards every payout, ledger entry, activity item and code exists once', async () => {
    const account = DEMO_ACCOUNT.id;
    const funded = await asPlatform(
      stack.gatewayUrl,
      'mutation($a: ID!) { createTransfer(input: { account: $a, amount: 1000000, currency: "usd" }, idempotencyKey: "faults-redis-fund") { id } }',
      { a: account },
    );
    expect(funded.errors).toBeUndefined();
    const signIns = await Promise.all(
      Array.from({ length: 12 }, (_, index) => accountWithLink(`restart.${index}@example.com`)),
    );

    const answers: Answer[] = [];
    const {
      keys: payoutKeys,
      payoutLane,
      readLane,
    } = platformTraffic(stack.gatewayUrl, account, 'faults-redis', answers);
    const waitingSignIns = [...signIns];
    let running = true;
    const signInLane = async () => {
      const next = waitingSignIns.shift();
      if (!next) await new Promise((resolve) => setTimeout(resolve, 100));
      else answers.push(await answer('startLogin', () => startLogin(stack.gatewayUrl, next.token)));
    };
    const load = underLoad(
      [payoutLane, payoutLane, readLane, readLane, signInLane, signInLane],
      () => running,
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await redis.stop({ keepData: true });
      // Requests go on while Redis is away; each must still answer (see the assertions below).
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
      await redis.start();
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    } finally {
      running = false;
      await load;
    }

    expect(misbehaving(answers, FEW_SECONDS)).toEqual([]);
    expect(answers.filter((a) => a.what === 'balances' && a.code)).toEqual([]);

    // What was refused during the outage is asked again, as a client would: the same
    // idempotency key for a payout, the same link for a sign-in.
    const payoutIds = await payoutIdsOf(stack.gatewayUrl, account, payoutKeys);
    expect(payoutIds.size).toBe(payoutKeys.length);
    for (const signIn of signIns) {
      if ((await messagesTo(notificationsUrl(), signIn.email)).length > 0) continue;
      await waitFor(
        `sign-in of ${signIn.email}`,
        async () => {
          const started = await startLogin(stack.gatewayUrl, signIn.token);
          // LINK_USED: its first request went through, and the code is on its way.
          if (started.errors && started.errors[0]?.extensions?.reason !== 'LINK_USED')
            throw new Error(errorCode(started));
        },
        20_000,
      );
    }

    await waitUntilPaid(stack.env, account, payoutIds, 150_000);
    await waitFor(
      'every sign-in code sent',
      async () => {
        for (const { email } of signIns)
          expect((await messagesTo(notificationsUrl(), email)).length).toBeGreaterThan(0);
      },
      30_000,
    );

    const facts = await payoutFacts(stack.env, account);
    for (const id of payoutIds) {
      expect(facts.ledgerEntries.get(id)).toEqual(['payout']);
      const kinds = facts.activity.get(id)!;
      expect(new Set(kinds).size).toBe(kinds.length);
    }
    expect(facts.unbalanced).toEqual([]);
    for (const { email } of signIns)
      expect(await messagesTo(notificationsUrl(), email)).toHaveLength(1);
  });
});
