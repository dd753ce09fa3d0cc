import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '@dash/auth-context';
import {
  EVENT_SUBSCRIPTIONS,
  eventQueueName,
  type DomainEvent,
  type DomainEventData,
} from '@dash/events';
import { createPlatform, identityService } from '@dash/identity';
import { defineQueue, openQueue } from '@dash/queue';
import { accountCaller, startTestService, type TestService } from '@dash/subgraph/testing';
import { deleteRedisPrefix, testRedisPrefix, testRedisUrl, waitFor } from '@dash/testing';
import { notificationsService } from '../src/index.js';

/*
 * What an account hears of risk, over the real consumer: events published to notifications'
 * queue as the relays publish them (and again, and in parallel, as a retried relay may), each
 * becoming one activity item and one email — in the account's language, in its platform's
 * branding — and, for a recovery debit, one public event for the platform.
 */
const prefix = testRedisPrefix('risk_notifications');
const env = { REDIS_URL: testRedisUrl(), DASH_REDIS_PREFIX: prefix };
const DASHBOARD = 'https://dash.example';
let identity: TestService;
let notifications: TestService;
let publisher: ReturnType<typeof openEventQueue>;
let platformId: string;
let german: string;
let english: string;

const openEventQueue = () =>
  openQueue(
    defineQueue<Record<string, DomainEvent>>(eventQueueName('notifications'), [
      ...EVENT_SUBSCRIPTIONS.notifications,
    ]),
    { redisUrl: testRedisUrl(), prefix },
  );

const platform = (livemode: boolean, of = platformId): Caller => ({
  kind: 'platform',
  platformId: of,
  livemode,
  keyId: livemode ? 'key_live' : 'key_test',
});

async function api<T>(service: TestService, query: string, variables: object, caller: Caller) {
  const answer = await service.query<T>(query, variables as Record<string, unknown>, caller);
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data!;
}

async function createAccount(email: string): Promise<string> {
  const data = await api<{ createAccount: { id: string } }>(
    identity,
    'mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }',
    { i: { email, country: 'US' } },
    platform(false),
  );
  return data.createAccount.id;
}

let sequence = 0;
function event<Type extends 'account.updated' | 'recovery_debit.updated'>(
  type: Type,
  accountId: string,
  data: DomainEventData[Type],
): DomainEvent<Type> {
  sequence += 1;
  return {
    id: `evt_risk_${Date.now()}_${sequence}`,
    type,
    source: type === 'account.updated' ? 'identity' : 'payouts',
    accountId,
    platformId,
    livemode: false,
    occurredAt: new Date(Date.UTC(2026, 2, 2, 10, sequence)).toISOString(),
    data,
  } as DomainEvent<Type>;
}

/** Publishes as a relay does (job id: the event's), then again as a re-publish would. */
async function publish(...events: DomainEvent[]) {
  for (const published of events) {
    await publisher.queue.add(published.type as never, published as never, {
      jobId: published.id,
    });
    await publisher.queue.add(published.type as never, published as never, {
      jobId: `${published.id}_again`,
    });
  }
}

/** Waits until the consumer has handled every job published so far. */
async function drained() {
  await waitFor('the consumer handled every event', async () => {
    const counts = await publisher.queue.queue.getJobCounts(
      'waiting',
      'active',
      'delayed',
      'prioritized',
      'failed',
    );
    expect(counts).toEqual({ waiting: 0, active: 0, delayed: 0, prioritized: 0, failed: 0 });
  });
}

type Outbox = { messages: Array<{ subject: string; text: string; html: string | null }> };
async function outboxOf(to: string) {
  const url = notifications.url.replace('/graphql', `/dev/outbox?to=${encodeURIComponent(to)}`);
  return ((await (await fetch(url)).json()) as Outbox).messages;
}

/** The account's emails once `count` have arrived (in no particular order). */
async function emailsOf(to: string, count: number) {
  await waitFor(`${count} emails to ${to}`, async () =>
    expect(await outboxOf(to)).toHaveLength(count),
  );
  return outboxOf(to);
}

const subjects = (emails: Array<{ subject: string }>) =>
  emails.map((email) => email.subject).sort();

async function itemsOf(accountId: string) {
  const data = await api<{
    _entities: Array<{
      activity: { nodes: Array<{ kind: string; title: string; body: string; href: string }> };
    }>;
  }>(
    notifications,
    `query($reps: [_Any!]!) {
      _entities(representations: $reps) {
        ... on Account { activity(first: 50) { nodes { kind title body href } } }
      }
    }`,
    { reps: [{ __typename: 'Account', id: accountId }] },
    accountCaller(accountId, platformId),
  );
  return data._entities[0]!.activity.nodes.reverse();
}

const documentChange = {
  interventionId: 'intv_doc',
  kind: 'require_document' as const,
  source: 'automatic' as const,
  signal: 'volume_change' as const,
  reason: 'Volume grew 7.2× against the previous 13 weeks.',
  resolution: 'upload_document' as const,
  reservePercent: null,
  reserveDays: null,
};
const requirements = (due: string[], payoutsEnabled: boolean) => ({
  currentlyDue: due,
  newlyDue: due,
  pastDue: [],
  pendingVerification: [],
  errors: [],
  currentDeadline: null,
  detailsSubmitted: true,
  chargesEnabled: true,
  payoutsEnabled,
});
const debit = {
  recoveryDebitId: 'rdebit_1',
  amount: 4_250,
  currency: 'usd',
  attempt: 1,
  destination: 'Simulated Bank •••• 6789',
};

beforeAll(async () => {
  identity = await startTestService(identityService, env);
  notifications = await startTestService(notificationsService, {
    ...env,
    DASH_IDENTITY_URL: identity.url,
    DASH_DASHBOARD_URL: DASHBOARD,
  });
  publisher = openEventQueue();
  platformId = (await createPlatform(identity.dataSource, { name: 'Rocket Rides' })).platform.id;
  await api(
    identity,
    'mutation { updatePlatformBranding(primaryColor: "#0A7D4F") { platform { id } } }',
    {},
    platform(true),
  );
  german = await createAccount('greta@example.com');
  english = await createAccount('eve@example.com');
  await api(
    notifications,
    'mutation { updateNotificationPreferences(input: { locale: "de" }) { locale } }',
    {},
    accountCaller(german, platformId),
  );
  await waitFor('notifications keeps the platform’s branding', async () => {
    const rows = (await notifications.dataSource.query(
      'SELECT brand_color FROM platform_brands WHERE platform_id = ?',
      [platformId],
    )) as Array<{ brand_color: string }>;
    expect(rows[0]?.brand_color).toBe('#0a7d4f');
  });
}, 60_000);
afterAll(async () => {
  await publisher?.close();
  await notifications?.close();
  await identity?.close();
  await deleteRedisPrefix(testRedisUrl(), prefix);
});

describe('risk interventions', () => {
  it('say what is paused and what lifts it, once per event, in the account’s language', async () => {
    const placed = event('account.updated', german, {
      fields: ['risk_interventions', 'requirements'],
      by: 'platform',
      requirements: requirements(['individual.verification.document'], false),
      interventions: { payoutsPaused: true, chargesDisabled: false, rollingReserve: null },
      intervention: { ...documentChange, action: 'placed' },
    });
    const lifted = event('account.updated', german, {
      fields: ['risk_interventions', 'requirements'],
      by: 'account',
      requirements: requirements([], true),
      interventions: { payoutsPaused: false, chargesDisabled: false, rollingReserve: null },
      intervention: { ...documentChange, action: 'lifted', liftedBy: 'account' },
    });
    await publish(placed);
    // Parallel re-deliveries of one event (a relay retrying) still make one item.
    await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        publisher.queue.add('account.updated' as never, placed as never, {
          jobId: `${placed.id}_burst_${n}`,
        }),
      ),
    );
    await publish(lifted);
    await drained();

    const items = await itemsOf(german);
    expect(items).toEqual([
      {
        kind: 'account.updated',
        title: 'Auszahlungen pausiert: Ausweisdokument erforderlich',
        body: 'Ihre Umsätze sind viel schneller gewachsen als üblich. Auszahlungen warten; Zahlungen können Sie weiter annehmen. Laden Sie in Ihrem Dashboard ein Ausweisdokument hoch: Sobald es geprüft ist, wird dies aufgehoben.',
        href: '/',
      },
      {
        kind: 'account.updated',
        title: 'Anforderung eines Ausweisdokuments aufgehoben',
        body: 'Sie haben es erledigt. Auszahlungen laufen wieder.',
        href: '/',
      },
    ]);

    // One email each (not also "information needed": the intervention's says it), branded.
    const emails = await emailsOf('greta@example.com', 2);
    expect(subjects(emails)).toEqual([items[0]!.title, items[1]!.title].sort());
    const email = emails.find((one) => one.subject === items[0]!.title)!;
    expect(email.text).toBe(`${items[0]!.body}\n\nDashboard öffnen: ${DASHBOARD}/`);
    expect(email.html).toContain('border-top:4px solid #0a7d4f');
    expect(email.html).toContain('>Rocket Rides</span>');
    expect(email.html).toContain(`<a href="${DASHBOARD}/"`);
  });

  it('quote the platform’s own reason, and read in English for an account that chose none', async () => {
    await publish(
      event('account.updated', english, {
        fields: ['risk_interventions'],
        by: 'platform',
        interventions: {
          payoutsPaused: false,
          chargesDisabled: false,
          rollingReserve: { percent: 10, days: 30 },
        },
        intervention: {
          interventionId: 'intv_reserve',
          kind: 'rolling_reserve',
          action: 'placed',
          source: 'platform',
          signal: null,
          reason: 'Tickets for events months away.',
          resolution: 'none',
          reservePercent: 10,
          reserveDays: 30,
        },
      }),
    );
    await drained();
    const [item] = await itemsOf(english);
    expect(item).toMatchObject({
      title: 'A rolling reserve of 10% for 30 days',
      body: 'Your platform says: “Tickets for events months away.” 10% of each payment is held for 30 days, then added to your balance. Payouts continue; your platform lifts the reserve once its review is done.',
    });
    const [email] = await emailsOf('eve@example.com', 1);
    expect(email!.subject).toBe('A rolling reserve of 10% for 30 days');
    // The platform is told as before: account.updated, now with what is in force.
    const events = (await platformEvents('account.updated', english)).filter((one) =>
      (one.object.changed as string[]).includes('risk_interventions'),
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.object).toMatchObject({
      changed: ['risk_interventions'],
      interventions: { rollingReserve: { percent: 10, days: 30 } },
      intervention: { kind: 'rolling_reserve', action: 'placed' },
    });
  });
});

async function platformEvents(type: string, account: string, caller = platform(false)) {
  const data = await api<{
    events: { nodes: Array<{ type: string; account: string; object: Record<string, unknown> }> };
  }>(
    notifications,
    `query($type: String, $account: ID) {
      events(type: $type, account: $account, first: 50) { nodes { type account object: data } }
    }`,
    { type, account },
    caller,
  );
  return data.events.nodes.reverse();
}

describe('recovering a negative balance', () => {
  it('tells the account of each step, once, and the platform with a public event', async () => {
    const steps = [
      event('recovery_debit.updated', german, { ...debit, status: 'pending' }),
      event('recovery_debit.updated', german, {
        ...debit,
        status: 'retrying',
        failureCode: 'insufficient_funds',
        failureMessage: 'The bank account has insufficient funds.',
        nextAttemptAt: '2026-03-04T10:00:00.000Z',
      }),
      event('recovery_debit.updated', german, { ...debit, attempt: 2, status: 'succeeded' }),
      event('recovery_debit.updated', english, { ...debit, attempt: 3, status: 'uncollectible' }),
    ];
    await publish(...steps);
    await drained();

    const items = (await itemsOf(german)).filter((item) => item.kind === 'recovery_debit.updated');
    expect(items.map((item) => [item.title, item.href])).toEqual([
      ['Ihr negatives Guthaben wird ausgeglichen', '/'],
      ['Lastschrift fehlgeschlagen', '/'],
      ['Negatives Guthaben ausgeglichen', '/'],
    ]);
    expect(items[0]!.body).toBe(
      'Wir buchen 42,50\u00a0$ von Simulated Bank •••• 6789 ab, um Ihr negatives Guthaben auszugleichen.',
    );
    expect(items[1]!.body).toContain(
      'fehlgeschlagen: The bank account has insufficient funds. Wir versuchen es am 04.03.2026 erneut',
    );
    const [, uncollectible] = await itemsOf(english);
    expect(uncollectible).toMatchObject({
      title: 'Negative balance not recovered',
      body: 'We could not debit $42.50 from Simulated Bank •••• 6789. Your platform covered what you owed and may contact you about it.',
    });

    const emails = await emailsOf('greta@example.com', 5);
    const titles = items.map((item) => item.title);
    const debits = emails.filter((email) => titles.includes(email.subject));
    expect(subjects(debits)).toEqual([...titles].sort());
    expect(debits[0]!.html).toContain('border-top:4px solid #0a7d4f');
    expect(await emailsOf('eve@example.com', 2)).toHaveLength(2);

    const published = await platformEvents('recovery_debit.updated', german);
    expect(published.map((one) => one.object.status)).toEqual(['pending', 'retrying', 'succeeded']);
    expect(published[1]!.object).toEqual({
      id: 'rdebit_1',
      object: 'recovery_debit',
      account: german,
      amount: 4_250,
      currency: 'usd',
      status: 'retrying',
      attempt: 1,
      destination: 'Simulated Bank •••• 6789',
      failureCode: 'insufficient_funds',
      failureMessage: 'The bank account has insufficient funds.',
      nextAttemptAt: '2026-03-04T10:00:00.000Z',
    });
    // Every email asked for once per event, however often its event was delivered.
    const asked = (await notifications.dataSource.query(
      'SELECT template, COUNT(*) AS n FROM deliveries WHERE account_id = ? GROUP BY template ORDER BY template',
      [german],
    )) as Array<{ template: string; n: string | number }>;
    expect(asked.map((row) => [row.template, Number(row.n)])).toEqual([
      ['recovery-debit', 3],
      ['risk-intervention', 2],
    ]);
    // Another mode's key, and another platform's, see none of it.
    expect(await platformEvents('recovery_debit.updated', german, platform(true))).toEqual([]);
    expect(
      await platformEvents('recovery_debit.updated', german, platform(false, 'plat_other')),
    ).toEqual([]);
  });
});
