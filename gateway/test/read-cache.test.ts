import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, identityService, seedIdentity } from '@dash/identity';
import { EVENT_SUBSCRIPTIONS } from '@dash/events';
import { ledgerService } from '@dash/ledger';
import { notificationsService, seedActivity } from '@dash/notifications';
import { payoutsService } from '@dash/payouts';
import { ONBOARDED, rememberAccount, savePlatform } from '@dash/subgraph';
import { startTestService, type TestService } from '@dash/subgraph/testing';
import {
  deleteRedisPrefix,
  graphqlRequest,
  scrapeMetric,
  testRedisPrefix,
  testRedisUrl,
  waitFor,
} from '@dash/testing';
import { Redis } from 'ioredis';
import type { RunningGateway } from '../src/index.js';
import { bearer, signIn, startTestGateway } from './support.js';

/*
 * The gateway's read cache, over real subgraphs that bump read versions in the same Redis: a
 * change shows on the very next read, and no answer ever reaches another account, platform or mode.
 */
const prefix = testRedisPrefix('read-cache');
const offPrefix = testRedisPrefix('read-cache-off');
let identity: TestService;
let ledger: TestService;
let payouts: TestService;
let notifications: TestService;
let gateway: RunningGateway;
const gateways: RunningGateway[] = [];
let redis: Redis;

interface Platform {
  id: string;
  testSecret: string;
  liveSecret: string;
}
let platformA: Platform;
let platformB: Platform;

/** A platform with test-mode accounts, known to every subgraph of the test. */
async function platformWith(name: string, accountIds: string[]): Promise<Platform> {
  const created = await createPlatform(identity.dataSource, { name });
  const id = created.platform.id;
  await seedIdentity(identity.dataSource, {
    platform: { id, name, brandColor: '#5b4cf0' },
    accounts: accountIds.map((accountId) => ({
      id: accountId,
      displayName: `${name} ${accountId}`,
      email: `${accountId}@example.com`,
      country: 'US',
      defaultCurrency: 'usd',
      livemode: false,
    })),
  });
  for (const service of [ledger, payouts, notifications])
    await service.dataSource.transaction(async (manager) => {
      await savePlatform(manager, { id, name, features: {} }, new Date());
      for (const accountId of accountIds)
        await rememberAccount(manager, { accountId, platformId: id, livemode: false }, ONBOARDED);
    });
  await eventsSettled(identity, { platformId: id });
  return { id, testSecret: created.testSecret, liveSecret: created.liveSecret };
}

/**
 * Waits until the services here have handled the events `producer` recorded for one platform or
 * account. Each handled event bumps read versions, so a read cached before one lands would miss
 * after it: the tests that count on a stored answer must start once its subject is settled.
 */
async function eventsSettled(
  producer: TestService,
  subject: { platformId: string } | { accountId: string },
): Promise<void> {
  const [column, value] =
    'platformId' in subject
      ? ['platform_id', subject.platformId]
      : ['account_id', subject.accountId];
  const recorded = (await producer.dataSource.query(
    `SELECT id, type FROM outbox_events WHERE ${column} = ?`,
    [value],
  )) as Array<{ id: string; type: string }>;
  const consumers = { ledger, payouts, notifications } as const;
  for (const [name, service] of Object.entries(consumers)) {
    const subscribed: readonly string[] = EVENT_SUBSCRIPTIONS[name as keyof typeof consumers];
    const ids = recorded
      .filter((event) => subscribed.includes(event.type))
      .map((event) => event.id);
    if (ids.length === 0) continue;
    await waitFor(`${name} handled the events of ${value}`, async () => {
      const [row] = (await service.dataSource.query(
        `SELECT COUNT(*) AS handled FROM processed_events WHERE event_id IN (${ids.map(() => '?').join(', ')})`,
        ids,
      )) as Array<{ handled: string | number }>;
      expect(Number(row!.handled)).toBe(ids.length);
    });
  }
}

const newAccountId = (label: string) =>
  `acct_${label}${randomUUID().replaceAll('-', '').slice(0, 10)}`;

const gql = <T>(
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
) => graphqlRequest<T>(gateway.url, query, variables, headers);

const cookie = (session: string) => ({ cookie: session });

type Balances = Array<{ currency: string; available: number; pending: number }>;
interface Home {
  me: {
    id: string;
    displayName: string;
    balances: Balances;
    balanceTransactions: { nodes: Array<{ id: string; type: string; amount: number }> };
  };
}
const HOME = `{ me { id displayName balances { currency available pending }
  balanceTransactions(first: 50) { nodes { id type amount } } } }`;

interface AccountRead {
  account: {
    id: string;
    balances: Balances;
    balanceTransactions: { nodes: Array<{ id: string }> };
  };
}
const ACCOUNT = `query($id: ID!) { account(id: $id) { id balances { currency available pending }
  balanceTransactions(first: 100) { nodes { id } } } }`;

const charge = (secret: string, accountId: string, amount: number) =>
  gql<{ createCharge: { id: string } }>(
    'mutation($a: ID!, $n: SafeInt!, $k: String!) { createCharge(input: { account: $a, amount: $n, currency: "usd" }, idempotencyKey: $k) { id } }',
    { a: accountId, n: amount, k: randomUUID() },
    bearer(secret),
  );

/** The cached answers kept under the test's prefix. */
async function entryCount(keyPrefix = prefix): Promise<number> {
  let count = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(
      cursor,
      'MATCH',
      `${keyPrefix}:read:entry:*`,
      'COUNT',
      500,
    );
    count += keys.length;
    cursor = next;
  } while (cursor !== '0');
  return count;
}

const hits = () => scrapeMetric(gateway.url, 'dash_read_cache_requests_total', { result: 'hit' });

beforeAll(async () => {
  const env = { DASH_REDIS_PREFIX: prefix };
  [identity, ledger] = await Promise.all([
    startTestService(identityService, env),
    startTestService(ledgerService, env),
  ]);
  [payouts, notifications] = await Promise.all([
    startTestService(payoutsService, {
      ...env,
      DASH_LEDGER_URL: ledger.url,
      DASH_PAYOUT_TICK_MS: '3600000',
      DASH_AUTOMATIC_PAYOUTS_EVERY_MS: '3600000',
    }),
    startTestService(notificationsService, env),
  ]);
  gateway = await startTestGateway(
    {
      identity: identity.url,
      ledger: ledger.url,
      payouts: payouts.url,
      notifications: notifications.url,
    },
    prefix,
  );
  gateways.push(gateway);
  redis = new Redis(testRedisUrl());
}, 120_000);

afterAll(async () => {
  for (const each of gateways) await each.stop();
  await Promise.all([payouts, notifications].map((service) => service?.close()));
  await Promise.all([identity, ledger].map((service) => service?.close()));
  redis?.disconnect();
  await deleteRedisPrefix(testRedisUrl(), prefix);
  await deleteRedisPrefix(testRedisUrl(), offPrefix);
});

describe('a change shows on the very next read', () => {
  const ada = newAccountId('ada');
  let session: string;

  beforeAll(async () => {
    platformA = await platformWith('Rocket Rides', [ada]);
    session = await signIn(gateway.url, platformA.testSecret, ada);
  });

  const home = async () => {
    const read = await gql<Home>(HOME, {}, cookie(session));
    expect(read.errors).toBeUndefined();
    return read.data!.me;
  };

  it('a charge, a transfer, a refund and a payout each show on the next read, without waiting', async () => {
    const before = await home();
    const hitsBefore = await hits();
    expect(await home()).toEqual(before);
    expect(await hits()).toBe(hitsBefore + 1);

    const charged = await charge(platformA.testSecret, ada, 5000);
    expect(charged.errors).toBeUndefined();
    const afterCharge = await home();
    expect(afterCharge.balanceTransactions.nodes).toHaveLength(1);
    expect(afterCharge.balanceTransactions.nodes[0]).toMatchObject({
      type: 'charge',
      amount: 5000,
    });
    expect(afterCharge.balances[0]!.pending).toBeGreaterThan(0);

    const transferred = await gql(
      'mutation($a: ID!, $k: String!) { createTransfer(input: { account: $a, amount: 3000, currency: "usd" }, idempotencyKey: $k) { id } }',
      { a: ada, k: randomUUID() },
      bearer(platformA.testSecret),
    );
    expect(transferred.errors).toBeUndefined();
    const afterTransfer = await home();
    expect(afterTransfer.balances[0]!.available).toBe(3000);

    const refunded = await gql(
      'mutation($c: ID!, $k: String!) { createRefund(input: { charge: $c, amount: 1000 }, idempotencyKey: $k) { id } }',
      { c: charged.data!.createCharge.id, k: randomUUID() },
      bearer(platformA.testSecret),
    );
    expect(refunded.errors).toBeUndefined();
    const afterRefund = await home();
    expect(afterRefund.balanceTransactions.nodes.map((node) => node.type)).toContain('refund');

    const bank = await gql(
      'mutation($a: ID!, $b: BankAccountInput) { createExternalAccount(account: $a, bankAccount: $b) { id } }',
      {
        a: ada,
        b: {
          country: 'US',
          currency: 'usd',
          accountHolderName: 'Ada Lovelace',
          routingNumber: '110000000',
          accountNumber: '000123456789',
        },
      },
      bearer(platformA.testSecret),
    );
    expect(bank.errors).toBeUndefined();
    const available = (await home()).balances[0]!.available;
    const paidOut = await gql(
      'mutation($a: ID!, $k: String!) { createPayout(account: $a, input: { amount: 1500, currency: "usd" }, idempotencyKey: $k) { id } }',
      { a: ada, k: randomUUID() },
      bearer(platformA.testSecret),
    );
    expect(paidOut.errors).toBeUndefined();
    const afterPayout = await home();
    expect(afterPayout.balances[0]!.available).toBe(available - 1500);
    expect(afterPayout.balanceTransactions.nodes.map((node) => node.type)).toContain('payout');
    // A dozen requests in a row, the payout across three services.
  }, 60_000);

  it('marking activity read shows at once, and a mutation is never answered from the cache', async () => {
    const grace = newAccountId('grace');
    await platformWithAccounts(platformA, [grace]);
    await seedActivity(notifications.dataSource, [
      {
        id: `act_${randomUUID().slice(0, 8)}`,
        accountId: grace,
        platformId: platformA.id,
        livemode: false,
        kind: 'payout.paid',
        title: 'Payout paid',
        body: 'Your payout is on its way.',
        readAt: null,
        subjectType: null,
        subjectId: null,
        createdAt: new Date(),
      },
    ]);
    const graceSession = await signIn(gateway.url, platformA.testSecret, grace);
    const unread = async () =>
      (
        await gql<{ me: { unreadActivityCount: number } }>(
          '{ me { unreadActivityCount } }',
          {},
          cookie(graceSession),
        )
      ).data!.me.unreadActivityCount;
    expect(await unread()).toBe(1);
    expect(await unread()).toBe(1);
    const mark = () =>
      gql<{ markActivityRead: number }>('mutation { markActivityRead }', {}, cookie(graceSession));
    expect((await mark()).data!.markActivityRead).toBe(1);
    expect(await unread()).toBe(0);
    expect((await mark()).data!.markActivityRead).toBe(0);
  });
});

/** Adds accounts to an existing platform, in every subgraph. */
async function platformWithAccounts(platform: Platform, accountIds: string[]) {
  await seedIdentity(identity.dataSource, {
    platform: { id: platform.id, name: 'Rocket Rides', brandColor: '#5b4cf0' },
    accounts: accountIds.map((accountId) => ({
      id: accountId,
      displayName: `Rocket Rides ${accountId}`,
      email: `${accountId}@example.com`,
      country: 'US',
      defaultCurrency: 'usd',
      livemode: false,
    })),
  });
  for (const service of [ledger, payouts, notifications])
    await service.dataSource.transaction(async (manager) => {
      for (const accountId of accountIds)
        await rememberAccount(
          manager,
          { accountId, platformId: platform.id, livemode: false },
          ONBOARDED,
        );
    });
}

describe('no answer crosses accounts, platforms or modes', () => {
  const one = newAccountId('one');
  const two = newAccountId('two');
  let platform: Platform;
  let sessions: Record<string, string>;

  beforeAll(async () => {
    platform = await platformWith('Two Accounts', [one, two]);
    platformB = await platformWith('Other Platform', [newAccountId('other')]);
    await charge(platform.testSecret, one, 1111);
    await charge(platform.testSecret, two, 2222);
    sessions = {
      [one]: await signIn(gateway.url, platform.testSecret, one),
      [two]: await signIn(gateway.url, platform.testSecret, two),
    };
  });

  it('two accounts of one platform sending the same query at once each get their own answer', async () => {
    const asks = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? one : two));
    const answers = await Promise.all(
      asks.map((accountId) => gql<Home>(HOME, {}, cookie(sessions[accountId]!))),
    );
    answers.forEach((answer, i) => {
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.me.id).toBe(asks[i]);
      expect(answer.data!.me.balanceTransactions.nodes[0]!.amount).toBe(
        asks[i] === one ? 1111 : 2222,
      );
    });
  });

  it('the same account asked with a live key is refused, before and after the test key cached it', async () => {
    const asks = Array.from({ length: 30 }, (_, i) =>
      i % 3 === 0 ? platform.liveSecret : platform.testSecret,
    );
    const answers = await Promise.all(
      asks.map((secret) => gql<AccountRead>(ACCOUNT, { id: one }, bearer(secret))),
    );
    answers.forEach((answer, i) => {
      if (asks[i] === platform.liveSecret) {
        expect(answer.data?.account).toBeFalsy();
        expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      } else {
        expect(answer.errors).toBeUndefined();
        expect(answer.data!.account.id).toBe(one);
      }
    });
    const live = await gql<AccountRead>(ACCOUNT, { id: one }, bearer(platform.liveSecret));
    expect(live.data?.account).toBeFalsy();
  });

  it("another platform's key gets the refusal, never the owner's cached answer", async () => {
    expect(
      (await gql<AccountRead>(ACCOUNT, { id: one }, bearer(platform.testSecret))).data!.account.id,
    ).toBe(one);
    const asks = Array.from({ length: 30 }, (_, i) =>
      i % 2 === 0 ? platformB.testSecret : platform.testSecret,
    );
    const answers = await Promise.all(
      asks.map((secret) => gql<AccountRead>(ACCOUNT, { id: one }, bearer(secret))),
    );
    answers.forEach((answer, i) => {
      if (asks[i] === platformB.testSecret) {
        expect(answer.data?.account).toBeFalsy();
        expect(answer.errors).toHaveLength(1);
      } else expect(answer.data!.account.id).toBe(one);
    });
  });

  it('keeps no answer that has an error', async () => {
    const before = await entryCount();
    for (let i = 0; i < 3; i += 1) {
      const refused = await gql<AccountRead>(ACCOUNT, { id: one }, bearer(platformB.testSecret));
      expect(refused.errors).toHaveLength(1);
      const missing = await gql<AccountRead>(
        ACCOUNT,
        { id: 'acct_missing' },
        bearer(platform.testSecret),
      );
      expect(missing.errors).toHaveLength(1);
    }
    expect(await entryCount()).toBe(before);
  });
});

describe('in-flight deduplication', () => {
  it('identical reads of one caller at once make one execution, and never join another caller', async () => {
    const [first, second] = [newAccountId('same'), newAccountId('same')];
    const platform = await platformWith('Same Query', [first, second]);
    await charge(platform.testSecret, first, 4242);
    const sessions = [
      await signIn(gateway.url, platform.testSecret, first),
      await signIn(gateway.url, platform.testSecret, second),
    ];
    const misses = () =>
      scrapeMetric(gateway.url, 'dash_read_cache_requests_total', { result: 'miss' });
    const before = await misses();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => gql<Home>(HOME, {}, cookie(sessions[i % 2]!))),
    );
    answers.forEach((answer, i) => expect(answer.data!.me.id).toBe(i % 2 === 0 ? first : second));
    // One computation per caller; every other request shared it or found it stored.
    expect((await misses()) - before).toBe(2);
  });
});

describe('reads in parallel with charges', () => {
  it("each account's last read equals what the ledger holds", async () => {
    const accounts = [newAccountId('p'), newAccountId('q'), newAccountId('r')];
    const platform = await platformWith('Busy Platform', accounts);
    const work: Array<() => Promise<unknown>> = [];
    for (const accountId of accounts) {
      for (let i = 0; i < 6; i += 1)
        work.push(() => charge(platform.testSecret, accountId, 100 + i));
      for (let i = 0; i < 30; i += 1)
        work.push(() => gql(ACCOUNT, { id: accountId }, bearer(platform.testSecret)));
    }
    // Shuffled, so reads race charges of their own account and of the others.
    work.sort(() => Math.random() - 0.5);
    await Promise.all(work.map((each) => each()));
    for (const accountId of accounts) {
      const read = await gql<AccountRead>(ACCOUNT, { id: accountId }, bearer(platform.testSecret));
      const rows = (await ledger.dataSource.query(
        'SELECT id, net FROM balance_transactions WHERE account_id = ?',
        [accountId],
      )) as Array<{ id: string; net: string }>;
      expect(read.data!.account.balanceTransactions.nodes.map((node) => node.id).sort()).toEqual(
        rows.map((row) => row.id).sort(),
      );
      const balance = read.data!.account.balances[0]!;
      expect(balance.available + balance.pending).toBe(
        rows.reduce((sum, row) => sum + Number(row.net), 0),
      );
    }
  });
});

describe('DASH_READ_CACHE=off', () => {
  it('answers every read from the subgraphs', async () => {
    const accountId = newAccountId('off');
    const platform = await platformWith('Uncached', [accountId]);
    await charge(platform.testSecret, accountId, 700);
    // Platforms hear of the charge (charge.succeeded): a read cached before that lands would miss.
    await eventsSettled(ledger, { accountId });
    const off = await startTestGateway({ identity: identity.url, ledger: ledger.url }, offPrefix, {
      readCache: { enabled: false, ttlSeconds: 60 },
    });
    gateways.push(off);
    const read = (url: string) =>
      graphqlRequest<{
        account: { balanceTransactions: { nodes: Array<{ description: string }> } };
      }>(
        url,
        'query($id: ID!) { account(id: $id) { balanceTransactions(first: 1) { nodes { description } } } }',
        { id: accountId },
        bearer(platform.testSecret),
      ).then((answer) => answer.data!.account.balanceTransactions.nodes[0]!.description);
    const first = await read(gateway.url);
    expect(await read(off.url)).toBe(first);
    // A change behind every service's back (no version bumped): only the cache keeps the old.
    await ledger.dataSource.query(
      'UPDATE balance_transactions SET description = ? WHERE account_id = ?',
      ['changed directly', accountId],
    );
    expect(await read(gateway.url)).toBe(first);
    expect(await read(off.url)).toBe('changed directly');
    expect(await entryCount(offPrefix)).toBe(0);
  });
});
