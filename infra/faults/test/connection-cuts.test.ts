import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '@dash/local-stack';
import { testMysqlUrl, waitFor } from '@dash/testing';
import { asPlatform, BALANCE, errorCode } from './harness/api.js';
import { payoutFacts, payoutIdsOf, waitUntilPaid } from './harness/facts.js';
import { answer, misbehaving, platformTraffic, underLoad, type Answer } from './harness/load.js';
import { startPrivateRedis, type PrivateRedis } from './harness/private-redis.js';
import { startProcessStack, type ProcessStack } from './harness/stack.js';
import { startTcpProxy, type TcpProxy } from './harness/tcp-proxy.js';

/** What a request may take while a dependency is away (a busy machine); outages last longer. */
const FEW_SECONDS = 8_000;
const OUTAGE_MS = 12_000;

let redis: PrivateRedis;
/** Between every service and MariaDB (the shared server): cutting it is MariaDB going down. */
let database: TcpProxy;
/** Between the gateway and the payouts subgraph. */
let payoutsLink: TcpProxy;
let stack: ProcessStack;

beforeAll(async () => {
  redis = await startPrivateRedis();
  const shared = new URL(testMysqlUrl());
  database = await startTcpProxy({ host: shared.hostname, port: Number(shared.port || 3306) });
  const viaDatabaseProxy = new URL(shared);
  viaDatabaseProxy.hostname = '127.0.0.1';
  viaDatabaseProxy.port = String(database.port);
  let payoutsPort = 0;
  payoutsLink = await startTcpProxy({
    host: '127.0.0.1',
    get port() {
      return payoutsPort;
    },
  });
  stack = await startProcessStack('faults_cuts', {
    redisUrl: redis.url,
    mysqlUrl: viaDatabaseProxy.toString(),
    env: {
      DASH_PAYOUT_TICK_MS: '300',
      DASH_SIMULATED_BANK_SETTLE_MS: '0',
      // The gateway gives up on a silent subgraph after this long.
      DASH_SUBGRAPH_TIMEOUT_MS: '3000',
      // Every read here must reach the subgraphs: the read cache would answer a query it has
      // seen while the subgraph is away (and before it is back), which is not what is tested.
      DASH_READ_CACHE: 'off',
      // The load and the asking again after the outage all come from one platform key and one
      // address, faster than a platform's server would send them: the request limits are not
      // what is tested, and a quick machine reached them while asking again (RATE_LIMITED for
      // longer than a wait).
      DASH_RATE_LIMIT_PER_KEY: '1000000',
      DASH_RATE_LIMIT_PER_ADDRESS: '1000000',
    },
    gatewaySees: {
      payouts: (url) => {
        payoutsPort = Number(new URL(url).port);
        return url.replace(`:${payoutsPort}/`, `:${payoutsLink.port}/`);
      },
    },
  });
});
afterAll(async () => {
  await stack?.stop();
  await payoutsLink?.close();
  await database?.close();
  await redis?.remove();
});

const account = DEMO_ACCOUNT.id;
const PAYOUTS = 'query($id: ID!) { account(id: $id) { payouts(first: 1) { nodes { id } } } }';

describe('the connection between the gateway and a subgraph', () => {
  for (const fault of ['cut', 'stall'] as const) {
    it(`${fault}: the gateway answers UNAVAILABLE quickly, serves the rest, then recovers`, async () => {
      const before = await asPlatform(stack.gatewayUrl, PAYOUTS, { id: account });
      expect(before.errors).toBeUndefined();
      await payoutsLink[fault]();
      try {
        const [payouts, balance] = await Promise.all([
          answer('payouts', () => asPlatform(stack.gatewayUrl, PAYOUTS, { id: account })),
          answer('balances', () => asPlatform(stack.gatewayUrl, BALANCE, { id: account })),
        ]);
        expect(payouts.code).toBe('UNAVAILABLE');
        expect(payouts.ms).toBeLessThan(FEW_SECONDS);
        // Other subgraphs are not held up by the one that is away.
        expect(balance.code).toBeUndefined();
      } finally {
        await payoutsLink.restore();
      }
      await waitFor(
        'payouts through the gateway again',
        async () => {
          const after = await asPlatform(stack.gatewayUrl, PAYOUTS, { id: account });
          if (after.errors) throw new Error(errorCode(after));
        },
        20_000,
      );
    });
  }
});

describe('MariaDB goes away under load', () => {
  it('requests fail fast with a typed error, the processes recover by themselves, nothing is half-written or doubled', async () => {
    const funded = await asPlatform(
      stack.gatewayUrl,
      'mutation($a: ID!) { createTransfer(input: { account: $a, amount: 1000000, currency: "usd" }, idempotencyKey: "faults-db-fund") { id } }',
      { a: account },
    );
    expect(funded.errors).toBeUndefined();
    const pids = stack.parts.map((part) => part.child.pid);
    const answers: Answer[] = [];
    const { keys, payoutLane, readLane } = platformTraffic(
      stack.gatewayUrl,
      account,
      'faults-db',
      answers,
    );
    let running = true;
    const load = underLoad([payoutLane, payoutLane, readLane, readLane], () => running);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await database.cut();
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
      await database.restore();
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    } finally {
      running = false;
      await load;
    }

    expect(misbehaving(answers, FEW_SECONDS)).toEqual([]);
    // The outage was seen (refused requests), and not as a stack trace or an internal error.
    const refused = answers.filter((a) => a.code);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.filter((a) => a.code !== 'UNAVAILABLE')).toEqual([]);
    // No process had to be restarted.
    expect(stack.parts.filter((part) => part.child.exitCode !== null)).toEqual([]);
    expect(stack.parts.map((part) => part.child.pid)).toEqual(pids);

    // Each request is asked again with its key, as a platform's server does after an error.
    const payoutIds = await payoutIdsOf(stack.gatewayUrl, account, keys);
    expect(payoutIds.size).toBe(keys.length);
    await waitUntilPaid(stack.env, account, payoutIds, 120_000);
    const facts = await payoutFacts(stack.env, account);
    // Only the payouts asked for exist: a refused request left no payout behind.
    const ours = [...facts.statuses.keys()].filter((id) => payoutIds.has(id));
    expect(ours).toHaveLength(payoutIds.size);
    for (const id of payoutIds) {
      expect(facts.ledgerEntries.get(id)).toEqual(['payout']);
      const kinds = facts.activity.get(id)!;
      expect(new Set(kinds).size).toBe(kinds.length);
    }
    expect(facts.unbalanced).toEqual([]);
  });
});
