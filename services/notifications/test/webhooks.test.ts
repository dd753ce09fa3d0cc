import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { randomUUID } from 'node:crypto';
import type { Caller } from '@dash/auth-context';
import { ledgerService } from '@dash/ledger';
import { createRedisConnection } from '@dash/queue';
import { ReadCacheKeys } from '@dash/read-cache';
import { ONBOARDED, rememberAccount, savePlatform } from '@dash/subgraph';
import { platformCaller, startTestService, type TestService } from '@dash/subgraph/testing';
import { deleteRedisPrefix, testRedisPrefix, testRedisUrl, waitFor } from '@dash/testing';
import { notificationsService } from '../src/index.js';
import { startWebhookReceiver } from './webhook-receiver.js';

/*
 * Webhooks over the real stack: the ledger records a charge and its event in one transaction,
 * its relay publishes it, notifications keeps the public event and delivers it, signed, to the
 * platform's receiver — through failures, retries, a rolled secret and a disabled endpoint.
 */
const prefix = testRedisPrefix('webhooks');
let ledger: TestService;
let notifications: TestService;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

const platformA = platformCaller('plat_wh_a');
const platformB = platformCaller('plat_wh_b');
const liveA: Caller = {
  kind: 'platform',
  platformId: 'plat_wh_a',
  livemode: true,
  keyId: 'key_live_a',
};

const ENDPOINT_FIELDS = 'id url status disabledReason enabledEvents livemode failingSince';

async function api<T>(query: string, variables: Record<string, unknown>, caller: Caller) {
  const response = await notifications.query<T>(query, variables, caller);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!;
}

async function createEndpoint(
  path: string,
  enabledEvents = ['charge.succeeded'],
  caller = platformA,
) {
  const data = await api<{ createWebhookEndpoint: { endpoint: { id: string }; secret: string } }>(
    `mutation($url: String!, $events: [String!]!) {
      createWebhookEndpoint(url: $url, enabledEvents: $events, description: "tests") {
        endpoint { ${ENDPOINT_FIELDS} } secret
      }
    }`,
    { url: receiver.url(path), events: enabledEvents },
    caller,
  );
  return { id: data.createWebhookEndpoint.endpoint.id, secret: data.createWebhookEndpoint.secret };
}

async function charge(account: string, amount: number, caller: Caller = platformA) {
  const response = await ledger.query<{ createCharge: { id: string } }>(
    `mutation($input: ChargeInput!, $key: String!) { createCharge(input: $input, idempotencyKey: $key) { id } }`,
    { input: { account, amount, currency: 'usd' }, key: randomUUID() },
    caller,
  );
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.createCharge.id;
}

interface DeliveryView {
  id: string;
  status: string;
  attempts: number;
  trigger: string;
  lastStatusCode: number | null;
  event: { id: string; type: string } | null;
  attemptLog: Array<{
    attempt: number;
    statusCode: number | null;
    latencyMs: number;
    responseExcerpt: string | null;
    error: string | null;
    attemptedAt: string;
  }>;
}

async function deliveriesOf(endpoint: string, caller = platformA, status?: string[]) {
  const data = await api<{ webhookDeliveries: { nodes: DeliveryView[] } }>(
    `query($endpoint: ID!, $status: [WebhookDeliveryStatus!]) {
      webhookDeliveries(endpoint: $endpoint, status: $status, first: 100) {
        nodes { id status attempts trigger lastStatusCode event { id type }
          attemptLog { attempt statusCode latencyMs responseExcerpt error attemptedAt } }
      }
    }`,
    { endpoint, status },
    caller,
  );
  return data.webhookDeliveries.nodes;
}

const payloadOf = (body: string) =>
  JSON.parse(body) as {
    id: string;
    type: string;
    account: string;
    livemode: boolean;
    data: { object: { id: string; amount: number } };
  };

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  const env = { DASH_REDIS_PREFIX: prefix, REDIS_URL: testRedisUrl() };
  ledger = await startTestService(ledgerService, env);
  notifications = await startTestService(notificationsService, {
    ...env,
    DASH_WEBHOOK_RETRY_FIRST_MS: '300',
    DASH_WEBHOOK_RETRY_MAX_MS: '1200',
    DASH_WEBHOOK_GIVE_UP_MS: '4000',
    DASH_WEBHOOK_DISABLE_AFTER_MS: '2500',
    DASH_WEBHOOK_TIMEOUT_MS: '2000',
  });
  for (const [platformId, accounts] of [
    [
      'plat_wh_a',
      [
        ['acct_wh_ada', false],
        ['acct_wh_bo', false],
        ['acct_wh_reads', false],
        ['acct_wh_live', true],
      ],
    ],
    ['plat_wh_b', [['acct_wh_cy', false]]],
  ] as const)
    for (const service of [ledger, notifications])
      await service.dataSource.transaction(async (manager) => {
        await savePlatform(manager, { id: platformId, name: platformId, features: {} }, new Date());
        for (const [accountId, livemode] of accounts)
          await rememberAccount(manager, { accountId, platformId, livemode }, ONBOARDED);
      });
});
afterAll(async () => {
  await notifications?.close();
  await ledger?.close();
  await receiver?.close();
  await deleteRedisPrefix(testRedisUrl(), prefix);
});

describe('webhooks', () => {
  it('delivers each charge once, signed as Standard Webhooks specifies, to the endpoints that want it', async () => {
    const wanted = await createEndpoint('/signed');
    const unwanted = await createEndpoint('/payouts-only', ['payout.paid']);
    const charges = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        charge(index % 2 ? 'acct_wh_ada' : 'acct_wh_bo', 1000 + index),
      ),
    );
    await waitFor('every charge delivered', async () =>
      expect(receiver.on('/signed').length).toBeGreaterThanOrEqual(charges.length),
    );
    const verifier = new Webhook(wanted.secret);
    const delivered = receiver.on('/signed').map((webhook) => {
      // The receiving side's own library checks the signature, the id and the timestamp.
      verifier.verify(webhook.body, webhook.headers);
      return payloadOf(webhook.body);
    });
    expect(delivered.map((event) => event.data.object.id).sort()).toEqual([...charges].sort());
    expect(new Set(delivered.map((event) => event.id)).size).toBe(charges.length);
    for (const event of delivered)
      expect(event).toMatchObject({ type: 'charge.succeeded', livemode: false });
    // A forged body or another endpoint's secret does not verify.
    const first = receiver.on('/signed')[0]!;
    expect(() =>
      verifier.verify(first.body.replace('"amount":', '"amount":1'), first.headers),
    ).toThrow();
    expect(() => new Webhook(unwanted.secret).verify(first.body, first.headers)).toThrow();
    expect(receiver.on('/payouts-only')).toHaveLength(0);
    const log = await deliveriesOf(wanted.id);
    expect(log).toHaveLength(charges.length);
    for (const delivery of log)
      expect(delivery).toMatchObject({
        status: 'succeeded',
        attempts: 1,
        trigger: 'event',
        lastStatusCode: 200,
      });
  });

  it("leaves the account's cached reads valid: telling the platform of a charge changes nothing it reads", async () => {
    await createEndpoint('/reads');
    const redis = createRedisConnection(testRedisUrl());
    const version = async () =>
      Number(await redis.get(new ReadCacheKeys(prefix).version({ accountId: 'acct_wh_reads' })));
    try {
      // One after another, so the ledger commits (and makes the reads stale) once for each.
      const charges: string[] = [];
      for (const amount of [700, 800, 900]) charges.push(await charge('acct_wh_reads', amount));
      await waitFor('every charge delivered', async () =>
        expect(
          receiver
            .on('/reads')
            .map((webhook) => payloadOf(webhook.body).data.object.id)
            .sort(),
        ).toEqual([...charges].sort()),
      );
      expect(await version()).toBe(charges.length);
    } finally {
      redis.disconnect();
    }
  });

  it('reads the endpoints afresh for each batch of events: one made after a burst gets what follows it', async () => {
    const burst = (amount: number) =>
      Promise.all(
        Array.from({ length: 10 }, (_, index) => charge('acct_wh_cy', amount + index, platformB)),
      );
    const first = await burst(2000);
    await waitFor('the first burst kept as events', async () => {
      const data = await api<{ events: { nodes: Array<{ data: { id: string } }> } }>(
        `{ events(account: "acct_wh_cy", first: 100) { nodes { data } } }`,
        {},
        platformB,
      );
      const kept = new Set(data.events.nodes.map((node) => node.data.id));
      expect(first.every((id) => kept.has(id))).toBe(true);
    });
    // The first burst's batches found no endpoint; the next ones must not reuse that answer.
    await createEndpoint('/b-late', ['charge.succeeded'], platformB);
    const second = await burst(3000);
    await waitFor('the second burst delivered', async () =>
      expect(receiver.on('/b-late').length).toBeGreaterThanOrEqual(second.length),
    );
    const delivered = receiver.on('/b-late').map((webhook) => payloadOf(webhook.body));
    expect(delivered.map((event) => event.data.object.id).sort()).toEqual([...second].sort());
  });

  it('retries a failing receiver with growing waits until it answers, logging every attempt', async () => {
    const endpoint = await createEndpoint('/flaky');
    receiver.failFirst('/flaky', 3);
    const chargeId = await charge('acct_wh_ada', 4200);
    await waitFor('the fourth attempt succeeds', async () => {
      const [delivery] = await deliveriesOf(endpoint.id);
      expect(delivery).toMatchObject({ status: 'succeeded', attempts: 4, lastStatusCode: 200 });
    });
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery!.attemptLog.map((attempt) => attempt.statusCode)).toEqual([500, 500, 500, 200]);
    expect(delivery!.attemptLog[0]!.responseExcerpt).toBe('receiver is down for now');
    const hits = receiver.on('/flaky');
    expect(hits).toHaveLength(4);
    // Every attempt is the same message: one id, one body.
    expect(new Set(hits.map((hit) => hit.headers['webhook-id'])).size).toBe(1);
    expect(payloadOf(hits[0]!.body).data.object.id).toBe(chargeId);
    // Waits of at least half the doubling schedule (300, 600, 1200 ms with jitter).
    const waits = hits.slice(1).map((hit, index) => hit.at - hits[index]!.at);
    expect(waits[0]).toBeGreaterThanOrEqual(150);
    expect(waits[1]).toBeGreaterThanOrEqual(300);
    expect(waits[2]).toBeGreaterThanOrEqual(600);
  });

  it('gives a delivery up after the retry window and disables an endpoint that failed throughout', async () => {
    const endpoint = await createEndpoint('/down');
    receiver.answer('/down', 503);
    await charge('acct_wh_bo', 777);
    await waitFor(
      'the delivery given up and the endpoint disabled',
      async () => {
        const [delivery] = await deliveriesOf(endpoint.id);
        expect(delivery!.status).toBe('failed');
        const data = await api<{ webhookEndpoint: { status: string; disabledReason: string } }>(
          `query($id: ID!) { webhookEndpoint(id: $id) { status disabledReason } }`,
          { id: endpoint.id },
          platformA,
        );
        expect(data.webhookEndpoint).toEqual({ status: 'disabled', disabledReason: 'failing' });
      },
      20_000,
    );
    const hitsWhenDisabled = receiver.on('/down').length;
    // A disabled endpoint is sent nothing more, and a resend is refused until it is enabled.
    await charge('acct_wh_bo', 778);
    const events = await api<{ events: { nodes: Array<{ id: string }> } }>(
      `{ events(type: "charge.succeeded", account: "acct_wh_bo", first: 1) { nodes { id } } }`,
      {},
      platformA,
    );
    const resend = await notifications.query(
      `mutation($event: ID!, $endpoint: ID!) { resendWebhookEvent(event: $event, endpoint: $endpoint) { id } }`,
      { event: events.events.nodes[0]!.id, endpoint: endpoint.id },
      platformA,
    );
    expect(resend.errors?.[0]?.extensions).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'ENDPOINT_DISABLED',
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(receiver.on('/down')).toHaveLength(hitsWhenDisabled);
    // Enabled again once fixed, a resend goes through.
    receiver.answer('/down', 200);
    await api(
      `mutation($id: ID!) { updateWebhookEndpoint(id: $id, disabled: false) { status } }`,
      { id: endpoint.id },
      platformA,
    );
    await api(
      `mutation($event: ID!, $endpoint: ID!) { resendWebhookEvent(event: $event, endpoint: $endpoint) { id } }`,
      { event: events.events.nodes[0]!.id, endpoint: endpoint.id },
      platformA,
    );
    await waitFor('the resend delivered', async () =>
      expect((await deliveriesOf(endpoint.id, platformA, ['succeeded']))[0]?.trigger).toBe(
        'resend',
      ),
    );
  });

  it('signs with the old secret beside the new one for the grace period after a roll', async () => {
    const endpoint = await createEndpoint('/rolled');
    const rolled = await api<{ rollWebhookEndpointSecret: { secret: string } }>(
      `mutation($id: ID!) { rollWebhookEndpointSecret(id: $id) { secret } }`,
      { id: endpoint.id },
      platformA,
    );
    expect(rolled.rollWebhookEndpointSecret.secret).not.toBe(endpoint.secret);
    await charge('acct_wh_ada', 1234);
    await waitFor('delivered', async () => expect(receiver.on('/rolled')).toHaveLength(1));
    const [webhook] = receiver.on('/rolled');
    expect(webhook!.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    for (const secret of [endpoint.secret, rolled.rollWebhookEndpointSecret.secret])
      expect(() => new Webhook(secret).verify(webhook!.body, webhook!.headers)).not.toThrow();
  });

  it('sends a test webhook of a chosen type once, without listing it among the events', async () => {
    const endpoint = await createEndpoint('/test-hook', ['*']);
    receiver.answer('/test-hook', 500);
    const sent = await api<{ sendTestWebhook: { id: string; trigger: string } }>(
      `mutation($endpoint: ID!) { sendTestWebhook(endpoint: $endpoint, type: "payout.failed") { id trigger } }`,
      { endpoint: endpoint.id },
      platformA,
    );
    expect(sent.sendTestWebhook.trigger).toBe('test');
    await waitFor('the test delivery over', async () =>
      expect((await deliveriesOf(endpoint.id))[0]).toMatchObject({ status: 'failed', attempts: 1 }),
    );
    const [hit] = receiver.on('/test-hook');
    expect(payloadOf(hit!.body)).toMatchObject({
      type: 'payout.failed',
      data: { object: { test: true } },
    });
    const listed = await api<{ events: { nodes: Array<{ id: string }> } }>(
      `{ events(type: "payout.failed", first: 100) { nodes { id } } }`,
      {},
      platformA,
    );
    expect(listed.events.nodes.map((event) => event.id)).not.toContain(payloadOf(hit!.body).id);
    // A test failure says nothing about the endpoint's health.
    const data = await api<{ webhookEndpoint: { status: string; failingSince: string | null } }>(
      `query($id: ID!) { webhookEndpoint(id: $id) { status failingSince } }`,
      { id: endpoint.id },
      platformA,
    );
    expect(data.webhookEndpoint).toEqual({ status: 'enabled', failingSince: null });
  });
});

describe('events', () => {
  it('pages a platform’s events newest first, filtered, never another platform’s or mode’s', async () => {
    const before = new Date();
    const mine: string[] = [];
    for (let index = 0; index < 5; index += 1) mine.push(await charge('acct_wh_ada', 500 + index));
    await charge('acct_wh_cy', 999, platformB);
    await charge('acct_wh_live', 321, liveA);
    const query = `query($after: String, $since: DateTimeISO) {
      events(type: "charge.succeeded", account: "acct_wh_ada", createdAfter: $since, first: 2, after: $after) {
        nodes { id type account livemode data createdAt } pageInfo { hasNextPage endCursor }
      }
    }`;
    type Page = {
      events: {
        nodes: Array<{ id: string; account: string; livemode: boolean; data: { id: string } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    const seen: string[] = [];
    await waitFor('all five events kept', async () => {
      seen.length = 0;
      let after: string | null = null;
      do {
        const page: Page = await api<Page>(
          query,
          { after, since: before.toISOString() },
          platformA,
        );
        for (const node of page.events.nodes) {
          expect(node).toMatchObject({ account: 'acct_wh_ada', livemode: false });
          seen.push(node.data.id);
        }
        after = page.events.pageInfo.hasNextPage ? page.events.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toEqual([...mine].reverse());
    });
    const other = await api<{ events: { nodes: Array<{ account: string }> } }>(
      `{ events(first: 100) { nodes { account } } }`,
      {},
      platformB,
    );
    expect(other.events.nodes.every((event) => event.account === 'acct_wh_cy')).toBe(true);
    await waitFor('the live event kept, apart from the test ones', async () => {
      const live = await api<{
        events: { nodes: Array<{ livemode: boolean; data: { amount: number } }> };
      }>(`{ events(first: 100) { nodes { livemode data } } }`, {}, liveA);
      expect(live.events.nodes.map((event) => [event.livemode, event.data.amount])).toEqual([
        [true, 321],
      ]);
    });
    // Another platform's event is not found by its id either.
    const foreign = await notifications.query(
      `query($id: ID!) { event(id: $id) { id } }`,
      { id: 'evt_unknown' },
      platformB,
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses unknown types, bad cursors and callers that are not platforms', async () => {
    const badType = await notifications.query(
      `{ events(type: "payout.exploded") { nodes { id } } }`,
      {},
      platformA,
    );
    expect(badType.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'type',
    });
    const badCursor = await notifications.query(
      `{ events(after: "not-a-cursor") { nodes { id } } }`,
      {},
      platformA,
    );
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
    const account = await notifications.query(
      `{ events { nodes { id } } }`,
      {},
      { kind: 'account', accountId: 'acct_wh_ada', platformId: 'plat_wh_a', livemode: false },
    );
    expect(account.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
