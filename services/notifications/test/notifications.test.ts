import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printServiceSdl, ONBOARDED, rememberAccount } from '@dash/subgraph';
import {
  accountCaller,
  accountReference,
  platformCaller,
  startTestService,
  TEST_SECRET_KEYS,
  type TestService,
} from '@dash/subgraph/testing';
import { requestDelivery } from '@dash/contracts';
import { UnrecoverableError } from '@dash/queue';
import { deleteRedisPrefix, scrapeMetric, testRedisPrefix, testRedisUrl } from '@dash/testing';
import {
  createNotificationsService,
  DeliveryRepository,
  notificationsService,
  openDeliveryQueue,
  seedActivity,
  type OutgoingMessage,
} from '../src/index.js';
import { activityEventHandlers } from '../src/activity/activity-events.worker.js';
import { ActivityItems } from '../src/activity/activity.service.js';
import type { EmailNotifier } from '../src/notice/email-notifier.service.js';
import { dashboardReadyEmail } from './support.js';

const ada = accountCaller('acct_ada');
const prefix = testRedisPrefix('notifications');
const env = { REDIS_URL: testRedisUrl(), DASH_REDIS_PREFIX: prefix };

/** A carrier that is down for the first `failuresLeft` sends, then records what it carried. */
const carrier = { failuresLeft: 0, bounceOnce: new Set<string>(), sent: [] as OutgoingMessage[] };

let service: TestService;
let producer: ReturnType<typeof openDeliveryQueue>;
let deliveries: DeliveryRepository;

beforeAll(async () => {
  service = await startTestService(
    createNotificationsService(() => ({
      async send(message) {
        if (carrier.bounceOnce.delete(message.to))
          throw new UnrecoverableError('550 mailbox unavailable');
        if (carrier.failuresLeft > 0) {
          carrier.failuresLeft -= 1;
          throw new Error('SMS gateway unavailable');
        }
        carrier.sent.push(message);
      },
    })),
    env,
  );
  producer = openDeliveryQueue(env, TEST_SECRET_KEYS);
  deliveries = new DeliveryRepository(service.dataSource);
  const minute = 60_000;
  await seedActivity(service.dataSource, [
    {
      id: 'act_1',
      accountId: 'acct_ada',
      platformId: 'plat_a',
      kind: 'payout.paid',
      title: 'Payout paid',
      body: '$120.00 arrived',
      readAt: new Date(),
      subjectType: 'payout',
      subjectId: 'po_1',
      createdAt: new Date(Date.now() - 2 * minute),
    },
    {
      id: 'act_2',
      accountId: 'acct_ada',
      platformId: 'plat_a',
      kind: 'dispute.created',
      title: 'New dispute',
      body: 'Respond by Friday',
      readAt: null,
      subjectType: 'dispute',
      subjectId: 'dp_1',
      createdAt: new Date(Date.now() - minute),
    },
    {
      id: 'act_3',
      accountId: 'acct_bob',
      platformId: 'plat_a',
      kind: 'payout.paid',
      title: 'Payout paid',
      body: '$5.00 arrived',
      readAt: null,
      subjectType: null,
      subjectId: null,
      createdAt: new Date(),
    },
  ]);
});
afterAll(async () => {
  await producer?.close();
  await service?.close();
  await deleteRedisPrefix(testRedisUrl(), prefix);
});

async function deliveryStatus(id: string) {
  return (await deliveries.find(id))?.status;
}

describe('delivery worker', () => {
  it('sends a requested message and records it as sent', async () => {
    const id = await requestDelivery(producer.queue, dashboardReadyEmail());
    await expect.poll(() => deliveryStatus(id), { timeout: 10_000 }).toBe('sent');
    const message = carrier.sent.find((m) => m.deliveryId === id);
    expect(message).toMatchObject({
      channel: 'email',
      to: 'ada@example.com',
      subject: 'Your Rocket Rides dashboard is ready',
    });
    expect(message?.text).toContain('http://localhost:9000');
  });

  it('writes a sign-in code in the language the account chose', async () => {
    for (const [account, locale] of [
      ['acct_zh', 'zh-CN'],
      ['acct_es', 'es'],
    ] as const) {
      const chose = await service.query(
        'mutation($l: String) { updateNotificationPreferences(input: { locale: $l }) { locale } }',
        { l: locale },
        accountCaller(account),
      );
      expect(chose.errors).toBeUndefined();
    }
    const send = (accountId: string) =>
      requestDelivery(producer.queue, {
        accountId,
        livemode: true,
        channel: 'sms',
        to: '+15555550199',
        template: 'login-code',
        params: { code: '654321', minutes: '10' },
      });
    const [chinese, spanish, english] = [
      await send('acct_zh'),
      await send('acct_es'),
      await send('acct_nobody'),
    ];
    for (const id of [chinese, spanish, english])
      await expect.poll(() => deliveryStatus(id), { timeout: 10_000 }).toBe('sent');
    const text = (id: string) => carrier.sent.find((m) => m.deliveryId === id)?.text;
    expect(text(chinese)).toBe('654321 是您的登录验证码，10 分钟内有效。请勿告诉他人。');
    expect(text(spanish)).toBe(
      '654321 es su código de inicio de sesión. Caduca en 10 minutos. No lo comparta nunca.',
    );
    expect(text(english)).toContain('654321 is your sign-in code');
  });

  it('retries a failing carrier with backoff until it goes through', async () => {
    carrier.failuresLeft = 2;
    const id = await requestDelivery(producer.queue, {
      accountId: 'acct_ada',
      livemode: true,
      channel: 'sms',
      to: '+15555550142',
      template: 'login-code',
      params: { code: '123456' },
    });
    await expect.poll(() => deliveryStatus(id), { timeout: 20_000, interval: 250 }).toBe('sent');
    expect((await deliveries.find(id))?.attempts).toBe(3);
    expect(carrier.sent.filter((m) => m.deliveryId === id)).toHaveLength(1);
  });

  it('sends a repeated request once', async () => {
    const request = {
      deliveryId: 'dlv_repeat',
      accountId: 'acct_ada',
      livemode: true,
      channel: 'sms' as const,
      to: '+15555550142',
      template: 'login-code',
      params: { code: '654321' },
    };
    await requestDelivery(producer.queue, request);
    await requestDelivery(producer.queue, request);
    await expect.poll(() => deliveryStatus('dlv_repeat'), { timeout: 10_000 }).toBe('sent');
    await requestDelivery(producer.queue, request);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(carrier.sent.filter((m) => m.deliveryId === 'dlv_repeat')).toHaveLength(1);
  });

  it('gives up at once on an unknown template', async () => {
    const id = await requestDelivery(producer.queue, {
      accountId: 'acct_ada',
      livemode: true,
      channel: 'email',
      to: 'ada@example.com',
      template: 'no-such-template',
      params: {},
    });
    await expect.poll(() => deliveryStatus(id), { timeout: 10_000 }).toBe('failed');
    expect((await deliveries.find(id))?.attempts).toBe(1);
  });

  it('keeps a permanent failure as a dead letter the platform sees and sends again', async () => {
    await service.dataSource.transaction((manager) =>
      rememberAccount(
        manager,
        { accountId: 'acct_ada', platformId: 'plat_a', livemode: false },
        ONBOARDED,
      ),
    );
    const emailFailures = () =>
      scrapeMetric(service.url, 'dash_notification_delivery_failures_total', { channel: 'email' });
    const failuresBefore = await emailFailures();
    carrier.bounceOnce.add('bounce@example.com');
    const id = await requestDelivery(producer.queue, dashboardReadyEmail('bounce@example.com'));
    await expect.poll(() => deliveryStatus(id), { timeout: 10_000 }).toBe('failed');
    expect(await emailFailures()).toBe(failuresBefore + 1);
    const LOG = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Account { deliveries(status: ["failed"]) { nodes { id destination status attempts lastError } } } } }`;
    const log = await service.query<{
      _entities: Array<{ deliveries: { nodes: Array<Record<string, unknown>> } }>;
    }>(LOG, accountReference('acct_ada'), platformCaller('plat_a'));
    expect(log.data!._entities[0]!.deliveries.nodes).toContainEqual({
      id,
      destination: 'b•••@example.com',
      status: 'failed',
      attempts: 1,
      lastError: '550 mailbox unavailable',
    });
    const foreign = await service.query(
      LOG,
      accountReference('acct_ada'),
      platformCaller('plat_b'),
    );
    expect(foreign.data).toEqual({ _entities: [{ deliveries: { nodes: [] } }] });
    const retried = await service.query<{ retryDelivery: { status: string } }>(
      'mutation($d: ID!) { retryDelivery(delivery: $d) { status } }',
      { d: id },
      platformCaller('plat_a'),
    );
    expect(retried.data?.retryDelivery.status).toBe('queued');
    await expect.poll(() => deliveryStatus(id), { timeout: 10_000 }).toBe('sent');
    const again = await service.query(
      'mutation($d: ID!) { retryDelivery(delivery: $d) { status } }',
      { d: id },
      platformCaller('plat_a'),
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({ reason: 'NOT_FAILED' });
  });

  it('pages the delivery log with cursors, newest first, within the status asked for', async () => {
    const at = Date.now() - 3_600_000;
    for (let i = 0; i < 12; i++) {
      const id = `dlv_page${String(i).padStart(2, '0')}`;
      // Three messages share each moment, so pages end inside ties.
      await deliveries.recordQueued({
        id,
        accountId: 'acct_dan',
        channel: 'email',
        destination: 'dan@example.com',
        template: 'dashboard-ready',
        createdAt: new Date(at + Math.floor(i / 3) * 1000),
      });
      if (i % 2) await deliveries.markAttempt(id, 1, 'failed', 'bounced');
    }
    const newestFirst = (ids: number[]) =>
      ids.map((i) => `dlv_page${String(i).padStart(2, '0')}`).reverse();
    const PAGE = `query($reps: [_Any!]!, $first: Int, $after: String, $status: [String!]) {
      _entities(representations: $reps) { ... on Account {
        deliveries(first: $first, after: $after, status: $status) { nodes { id status } pageInfo { hasNextPage endCursor } }
      } }
    }`;
    type Page = {
      nodes: Array<{ id: string; status: string }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    const read = async (variables: Record<string, unknown>, caller = platformCaller('plat_a')) =>
      service.query<{ _entities: Array<{ deliveries: Page }> }>(
        PAGE,
        { ...accountReference('acct_dan'), ...variables },
        caller,
      );
    const every = async (first: number, status?: string[]) => {
      const pages: Page[] = [];
      let after: string | null = null;
      for (;;) {
        const response = await read({ first, after, status });
        expect(response.errors).toBeUndefined();
        const page: Page = response.data!._entities[0]!.deliveries;
        pages.push(page);
        if (!page.pageInfo.hasNextPage) return pages;
        after = page.pageInfo.endCursor;
      }
    };
    await service.dataSource.transaction(async (manager) => {
      for (const accountId of ['acct_dan', 'acct_ada'])
        await rememberAccount(
          manager,
          { accountId, platformId: 'plat_a', livemode: false },
          ONBOARDED,
        );
    });
    await deliveries.recordQueued({
      id: 'dlv_page_ada',
      accountId: 'acct_ada',
      channel: 'email',
      destination: 'ada@example.com',
      template: 'dashboard-ready',
      createdAt: new Date(at),
    });
    const all = await every(5);
    expect(all.map((page) => page.nodes.length)).toEqual([5, 5, 2]);
    expect(all.flatMap((page) => page.nodes.map((node) => node.id))).toEqual(
      newestFirst([...Array(12).keys()]),
    );
    const failed = await every(4, ['failed']);
    expect(failed.map((page) => page.nodes.length)).toEqual([4, 2]);
    expect(failed.flatMap((page) => page.nodes.map((node) => node.id))).toEqual(
      newestFirst([1, 3, 5, 7, 9, 11]),
    );
    // Another account's cursor, or one that is no cursor at all, is refused by field.
    const adaLog = await service.query<{ _entities: Array<{ deliveries: Page }> }>(
      PAGE,
      { ...accountReference('acct_ada'), first: 1 },
      platformCaller('plat_a'),
    );
    for (const after of [adaLog.data!._entities[0]!.deliveries.pageInfo.endCursor, 'nope']) {
      const refused = await read({ first: 5, after });
      expect(refused.errors?.[0]).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'after' },
      });
    }
    // Another platform reads an empty log, whatever cursor it brings.
    const stranger = await read(
      { first: 5, after: all[0]!.pageInfo.endCursor },
      platformCaller('plat_b'),
    );
    expect(stranger.data!._entities[0]!.deliveries).toEqual({
      nodes: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it('is ready only while Redis answers', async () => {
    const ready = await fetch(service.url.replace('/graphql', '/ready'));
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: {
        database: 'ok',
        redis: 'ok',
        deliveryProducer: 'ok',
        webhookProducer: 'ok',
        redisProducer: 'ok',
      },
    });
  });
});

describe('activity', () => {
  const query = `query($reps: [_Any!]!) {
    _entities(representations: $reps) { ... on Account { activity(first: 1) { nodes { id kind title href readAt } pageInfo { hasNextPage endCursor } } unreadActivityCount } }
  }`;
  type Page = {
    _entities: Array<{
      activity: {
        nodes: Array<{ id: string; href: string | null; readAt: string | null }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
      unreadActivityCount: number;
    }>;
  };

  it('pages the activity hub newest first, each item linking to what it is about', async () => {
    const first = await service.query<Page>(query, accountReference('acct_ada'), ada);
    const [account] = first.data!._entities;
    expect(account!.activity.nodes).toEqual([
      {
        id: 'act_2',
        kind: 'dispute.created',
        title: 'New dispute',
        href: '/disputes/dp_1',
        readAt: null,
      },
    ]);
    expect(account!.unreadActivityCount).toBe(1);
    const next = await service.query<Page>(
      query
        .replace('activity(first: 1)', 'activity(first: 1, after: $after)')
        .replace('$reps: [_Any!]!', '$reps: [_Any!]!, $after: String'),
      { ...accountReference('acct_ada'), after: account!.activity.pageInfo.endCursor },
      ada,
    );
    expect(next.data!._entities[0]!.activity.nodes.map((n) => [n.id, n.href])).toEqual([
      ['act_1', '/payouts/po_1'],
    ]);
  });

  it('marks items read, one or all, for the signed-in account only', async () => {
    const marked = await service.query<{ markActivityRead: number }>(
      'mutation { markActivityRead(ids: ["act_2", "act_3"]) }',
      {},
      ada,
    );
    // act_3 is another account's: untouched.
    expect(marked.data?.markActivityRead).toBe(1);
    const again = await service.query<{ markActivityRead: number }>(
      'mutation { markActivityRead }',
      {},
      ada,
    );
    expect(again.data?.markActivityRead).toBe(0);
    const MARK = 'mutation($ids: [ID!]) { markActivityRead(ids: $ids) }';
    const ids = (count: number) => Array.from({ length: count }, (_, i) => `act_${i}`);
    const tooMany = await service.query(MARK, { ids: ids(101) }, ada);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'ids',
      reason: 'TOO_MANY_ITEMS',
    });
    expect((await service.query(MARK, { ids: ids(100) }, ada)).errors).toBeUndefined();
    const bob = await service.query<Page>(
      query,
      accountReference('acct_bob'),
      accountCaller('acct_bob'),
    );
    expect(bob.data!._entities[0]!.unreadActivityCount).toBe(1);
  });

  it("never shows another account's activity", async () => {
    const response = await service.query(query, accountReference('acct_bob'), ada);
    expect(response.data).toEqual({
      _entities: [
        {
          activity: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } },
          unreadActivityCount: 0,
        },
      ],
    });
  });

  it('has an up-to-date schema.graphql', async () => {
    expect(await readFile(new URL('../schema.graphql', import.meta.url), 'utf8')).toBe(
      await printServiceSdl(notificationsService),
    );
  });
});

describe('notices and email choices', () => {
  const platformA = platformCaller('plat_a');
  const NOTICES = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Account { notices { id kind title actionUrl } } } }`;

  it('a platform puts a notice in its account’s banner until it resolves it', async () => {
    await service.dataSource.transaction((manager) =>
      rememberAccount(
        manager,
        { accountId: 'acct_ada', platformId: 'plat_a', livemode: false },
        ONBOARDED,
      ),
    );
    const created = await service.query<{ createAccountNotice: { id: string } }>(
      'mutation($a: ID!) { createAccountNotice(account: $a, input: { kind: risk_intervention, title: "Verify your website", body: "Add your website by Friday or payouts pause.", actionLabel: "Add website", actionUrl: "/settings" }) { id } }',
      { a: 'acct_ada' },
      platformA,
    );
    expect(created.errors).toBeUndefined();
    const shown = await service.query<{ _entities: Array<{ notices: Array<{ title: string }> }> }>(
      NOTICES,
      accountReference('acct_ada'),
      ada,
    );
    expect(shown.data!._entities[0]!.notices.map((n) => n.title)).toEqual(['Verify your website']);
    const unsafe = await service.query(
      'mutation($a: ID!) { createAccountNotice(account: $a, input: { kind: compliance_update, title: "x", body: "y", actionUrl: "javascript:alert(1)" }) { id } }',
      { a: 'acct_ada' },
      platformA,
    );
    expect(unsafe.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'actionUrl',
    });
    const NOTICE_WITH_ACTION =
      'mutation($a: ID!, $u: String!) { createAccountNotice(account: $a, input: { kind: compliance_update, title: "x", body: "y", actionUrl: $u }) { id } }';
    // Protocol-relative addresses look like paths but lead to another site.
    for (const offSite of ['//evil.example/x', '///evil.example', '/\\evil.example'])
      expect(
        (await service.query(NOTICE_WITH_ACTION, { a: 'acct_ada', u: offSite }, platformA))
          .errors?.[0]?.extensions,
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'actionUrl' });
    for (const allowed of ['/', '/settings?tab=bank', 'https://rocket.example/help']) {
      const made = await service.query<{ createAccountNotice: { id: string } }>(
        NOTICE_WITH_ACTION,
        { a: 'acct_ada', u: allowed },
        platformA,
      );
      expect(made.errors).toBeUndefined();
      await service.query(
        'mutation($n: ID!) { resolveAccountNotice(notice: $n) { id } }',
        { n: made.data!.createAccountNotice.id },
        platformA,
      );
    }
    const foreign = await service.query(
      'mutation($n: ID!) { resolveAccountNotice(notice: $n) { id } }',
      { n: created.data!.createAccountNotice.id },
      platformCaller('plat_b'),
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await service.query(
      'mutation($n: ID!) { resolveAccountNotice(notice: $n) { id } }',
      { n: created.data!.createAccountNotice.id },
      platformA,
    );
    const gone = await service.query<{ _entities: Array<{ notices: unknown[] }> }>(
      NOTICES,
      accountReference('acct_ada'),
      ada,
    );
    expect(gone.data!._entities[0]!.notices).toEqual([]);
  });

  it('keeps the account’s email choices, with the emails that matter on by default', async () => {
    const PREFS = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Account { notificationPreferences { emailPayoutFailed emailDisputeOpened emailRequirementsDue locale } } } }`;
    const before = await service.query<{ _entities: Array<{ notificationPreferences: object }> }>(
      PREFS,
      accountReference('acct_bob'),
      accountCaller('acct_bob'),
    );
    expect(before.data!._entities[0]!.notificationPreferences).toEqual({
      emailPayoutFailed: true,
      emailDisputeOpened: true,
      emailRequirementsDue: true,
      // No language chosen yet: the dashboard follows the browser, messages are in English.
      locale: null,
    });
    const changed = await service.query<{ updateNotificationPreferences: object }>(
      'mutation { updateNotificationPreferences(input: { emailDisputeOpened: false, emailRequirementsDue: false, locale: "zh-CN" }) { emailPayoutFailed emailDisputeOpened emailRequirementsDue locale } }',
      {},
      accountCaller('acct_bob'),
    );
    expect(changed.data?.updateNotificationPreferences).toEqual({
      emailPayoutFailed: true,
      emailDisputeOpened: false,
      emailRequirementsDue: false,
      locale: 'zh-CN',
    });
    const bad = await service.query(
      'mutation { updateNotificationPreferences(input: { locale: "pt-BR" }) { locale } }',
      {},
      accountCaller('acct_bob'),
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Every language the dashboard speaks; a null switch changes nothing, a null language
    // forgets the choice.
    for (const locale of ['ja', 'de', 'fr', 'es']) {
      const chosen = await service.query<{ updateNotificationPreferences: { locale: string } }>(
        'mutation($l: String) { updateNotificationPreferences(input: { locale: $l }) { locale } }',
        { l: locale },
        accountCaller('acct_bob'),
      );
      expect(chosen.data?.updateNotificationPreferences.locale).toBe(locale);
    }
    const forgotten = await service.query<{ updateNotificationPreferences: object }>(
      'mutation { updateNotificationPreferences(input: { locale: null, emailPayoutFailed: null }) { emailPayoutFailed locale } }',
      {},
      accountCaller('acct_bob'),
    );
    expect(forgotten.data?.updateNotificationPreferences).toEqual({
      emailPayoutFailed: true,
      locale: null,
    });
  });
});

describe('activity texts in the reader’s language', () => {
  const TEXTS = `query($reps: [_Any!]!, $locale: String) {
    _entities(representations: $reps) { ... on Account { activity(first: 5, locale: $locale) { nodes { id title body } } } }
  }`;
  type Texts = {
    _entities: Array<{ activity: { nodes: Array<{ id: string; title: string; body: string }> } }>;
  };
  const reader = accountCaller('acct_lang');
  const read = async (locale?: string) =>
    (await service.query<Texts>(TEXTS, { ...accountReference('acct_lang'), locale }, reader)).data!
      ._entities[0]!.activity.nodes;

  beforeAll(async () => {
    const handlers = activityEventHandlers(
      new ActivityItems(service.dataSource),
      {} as EmailNotifier,
    );
    const event = {
      id: 'evt_lang_1',
      type: 'payout.paid' as const,
      source: 'payouts',
      accountId: 'acct_lang',
      platformId: 'plat_a',
      livemode: false,
      occurredAt: '2026-03-02T10:00:00.000Z',
      data: {
        payoutId: 'po_lang',
        amount: 12_000,
        currency: 'usd',
        method: 'standard' as const,
        arrivalDate: '2026-03-04T00:00:00.000Z',
        destination: 'Simulated Bank •••• 6789',
      },
    };
    await service.dataSource.transaction((manager) => handlers['payout.paid'](event, manager));
    // An item written before items kept their facts: English as it was written.
    await seedActivity(service.dataSource, [
      {
        id: 'act_lang_old',
        accountId: 'acct_lang',
        platformId: 'plat_a',
        kind: 'payout.paid',
        title: 'Payout paid',
        body: '$1.00 arrived',
        readAt: null,
        subjectType: null,
        subjectId: null,
        createdAt: new Date('2026-03-01T10:00:00.000Z'),
      },
    ]);
  });

  it('shows the same item in English and in Chinese, as asked', async () => {
    const [english] = await read('en');
    expect(english).toMatchObject({
      title: 'Payout paid',
      body: '$120.00 arrived at Simulated Bank •••• 6789.',
    });
    const [chinese] = await read('zh-CN');
    expect(chinese!.id).toBe(english!.id);
    expect(chinese).toMatchObject({
      title: '提现已到账',
      body: 'US$120.00 已到达 Simulated Bank •••• 6789。',
    });
    expect((await read('de'))[0]).toMatchObject({
      title: 'Auszahlung eingegangen',
      body: '120,00\u00a0$ ist bei Simulated Bank •••• 6789 eingegangen.',
    });
    // A language the dashboard does not speak reads as English.
    expect((await read('pt-BR'))[0]).toMatchObject({ title: 'Payout paid' });
  });

  it('speaks the account’s saved language when none is asked, and keeps old items as written', async () => {
    expect((await read())[0]!.title).toBe('Payout paid');
    await service.query(
      'mutation { updateNotificationPreferences(input: { locale: "zh-CN" }) { locale } }',
      {},
      reader,
    );
    const [item, old] = await read();
    expect(item!.title).toBe('提现已到账');
    expect(old).toMatchObject({ id: 'act_lang_old', title: 'Payout paid', body: '$1.00 arrived' });
  });
});
