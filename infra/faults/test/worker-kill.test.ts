import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '@dash/local-stack';
import { asPlatform, PAYOUT } from './harness/api.js';
import { payoutFacts } from './harness/facts.js';
import { startPrivateRedis, type PrivateRedis } from './harness/private-redis.js';
import type { PartProcess } from './harness/processes.js';
import { startProcessStack, type ProcessStack } from './harness/stack.js';
import { waitFor } from '@dash/testing';

let redis: PrivateRedis;
let stack: ProcessStack;
let worker: PartProcess;

beforeAll(async () => {
  redis = await startPrivateRedis();
  stack = await startProcessStack('faults_worker', {
    redisUrl: redis.url,
    // Payouts stay a few seconds at the simulated bank, so the worker dies with some in transit;
    // a share of them fails there, so returns of money are crossed by the crash too.
    env: {
      DASH_PAYOUT_TICK_MS: '300',
      DASH_SIMULATED_BANK_SETTLE_MS: '3000',
      DASH_SIMULATED_BANK_FAILURE_RATE: '0.3',
    },
    roles: { payouts: 'api' },
  });
  worker = await stack.startService('payouts', { role: 'worker' });
});
afterAll(async () => {
  await stack?.stop();
  await redis?.remove();
});

describe('a payouts worker killed in the middle of its work', () => {
  it('every payout reaches its final state once, with its ledger entries and activity items once', async () => {
    const account = DEMO_ACCOUNT.id;
    const funded = await asPlatform(
      stack.gatewayUrl,
      'mutation($a: ID!) { createTransfer(input: { account: $a, amount: 100000, currency: "usd" }, idempotencyKey: "faults-worker-fund") { id } }',
      { a: account },
    );
    expect(funded.errors).toBeUndefined();
    const payoutIds: string[] = [];
    const createPayouts = async (from: number, count: number) => {
      const created = await Promise.all(
        Array.from({ length: count }, (_, index) =>
          asPlatform<{ createPayout: { id: string } }>(stack.gatewayUrl, PAYOUT, {
            a: account,
            k: `faults-worker-${from + index}`,
          }),
        ),
      );
      for (const answer of created) {
        expect(answer.errors).toBeUndefined();
        payoutIds.push(answer.data!.createPayout.id);
      }
    };

    await createPayouts(0, 12);
    // The crash comes while payouts are at the bank: sent, not yet settled.
    await waitFor(
      'payouts in transit',
      async () => {
        const { statuses } = await payoutFacts(stack.env, account);
        const inTransit = payoutIds.filter((id) => statuses.get(id) === 'in_transit');
        if (inTransit.length === 0) throw new Error('none in transit yet');
      },
      60_000,
    );
    await worker.kill('SIGKILL');
    // The API goes on without a worker; these wait for the next one.
    await createPayouts(12, 6);
    worker = await stack.startService('payouts', { role: 'worker' });

    const finalStates = ['paid', 'failed'];
    await waitFor(
      'every payout settled, in the ledger and in the activity hub',
      async () => {
        const facts = await payoutFacts(stack.env, account);
        for (const id of payoutIds) {
          const status = facts.statuses.get(id)!;
          expect(finalStates).toContain(status);
          expect(facts.activity.get(id)).toEqual(expect.arrayContaining([`payout.${status}`]));
          if (status === 'failed') expect(facts.ledgerEntries.get(id)).toContain('payout_failure');
        }
      },
      120_000,
    );

    const facts = await payoutFacts(stack.env, account);
    for (const id of payoutIds) {
      const expected =
        facts.statuses.get(id) === 'paid' ? ['payout'] : ['payout', 'payout_failure'];
      expect(facts.ledgerEntries.get(id)).toEqual(expected);
      const kinds = facts.activity.get(id)!;
      expect(new Set(kinds).size).toBe(kinds.length);
    }
    expect(facts.unbalanced).toEqual([]);
  });
});
