import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '@dash/events';
import { createLogger } from '@dash/logger';
import { startTestService, TEST_SECRET_KEYS, type TestService } from '@dash/subgraph/testing';
import { deleteRedisPrefix, testRedisPrefix, testRedisUrl } from '@dash/testing';
import {
  assembleWebhooks,
  loadWebhookConfig,
  notificationsService,
  openDeliveryQueue,
  WebhookSender,
  type Webhooks,
} from '../src/index.js';
import { publicEventOf } from '../src/platform-event/public-events.rules.js';
import {
  PlatformBrands,
  savePlatformBrand,
} from '../src/platform-brand/platform-brands.service.js';
import { EndpointDisabledNotices } from '../src/webhook/endpoint-disabled-notices.service.js';
import { attemptDelivery, sweep } from '../src/webhook/webhook.worker.js';
import { startWebhookReceiver } from './webhook-receiver.js';

/*
 * A platform is told by email, once, when an endpoint of its is disabled for failing: at its
 * technical address, else its support email, else only the log says so. The notice goes
 * through the real delivery queue and worker into the dev outbox.
 */
const prefix = testRedisPrefix('disabled_notice');
// The attempts this test makes itself are queued where no worker takes them: the test runs
// them, all at once, as several workers would.
const idlePrefix = testRedisPrefix('disabled_notice_idle');
const env = { REDIS_URL: testRedisUrl(), DASH_REDIS_PREFIX: prefix };
let service: TestService;
let producer: ReturnType<typeof openDeliveryQueue>;
let webhooks: Webhooks;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
const sender = () => new WebhookSender(webhooks.config);
const log = createLogger('disabled-notice-test', 'silent');

const chargeEvent = (platformId: string, index: number): DomainEvent<'charge.succeeded'> => ({
  id: `evt_${platformId.slice(5)}_${String(index).padStart(3, '0')}`,
  type: 'charge.succeeded',
  source: 'ledger',
  accountId: `acct_${platformId.slice(5)}`,
  platformId,
  livemode: false,
  occurredAt: new Date(Date.now() + index).toISOString(),
  data: {
    chargeId: `ch_${platformId.slice(5)}_${index}`,
    amount: 100 + index,
    currency: 'usd',
    fee: 33,
    applicationFeeAmount: 0,
    description: null,
    created: new Date().toISOString(),
  },
});

const brand = (platformId: string, contacts: { technicalEmail?: string; supportEmail?: string }) =>
  service.dataSource.transaction((manager) =>
    savePlatformBrand(
      manager,
      {
        platformId,
        name: 'Rocket Rides',
        branding: {
          brandColor: '#0a7d4f',
          iconUrl: null,
          supportEmail: contacts.supportEmail ?? null,
          supportPhone: null,
          supportUrl: null,
          technicalEmail: contacts.technicalEmail ?? null,
        },
      },
      new Date(),
    ),
  );

/**
 * An endpoint of `platformId` failing for 4 days (3 disable it), with `count` deliveries about
 * to be attempted: the next failure of any of them disables it.
 */
async function failingEndpoint(platformId: string, count: number) {
  const { endpoint } = await webhooks.endpoints.create(
    { platformId, livemode: false },
    { url: receiver.url(`/down/${platformId}`), enabledEvents: ['charge.succeeded'] },
  );
  receiver.answer(`/down/${platformId}`, 503);
  const deliveryIds: string[] = [];
  for (let index = 0; index < count; index += 1)
    await service.dataSource.transaction(async (manager) => {
      const event = chargeEvent(platformId, index);
      const kept = await webhooks.events.record(manager, event, publicEventOf(event)!);
      deliveryIds.push(...(await webhooks.deliveries.fanOut(manager, kept)));
    });
  await service.dataSource.query('UPDATE webhook_endpoints SET failing_since = ? WHERE id = ?', [
    new Date(Date.now() - 4 * 24 * 3_600_000),
    endpoint.id,
  ]);
  return { endpointId: endpoint.id, deliveryIds };
}

type Outbox = { messages: Array<{ subject: string; text: string; html: string | null }> };
const outboxOf = async (to: string) =>
  (
    (await (
      await fetch(service.url.replace('/graphql', `/dev/outbox?to=${encodeURIComponent(to)}`))
    ).json()) as Outbox
  ).messages;

const noticesIn = async (platformId: string) =>
  (await service.dataSource.query(
    "SELECT destination, status FROM deliveries WHERE platform_id = ? AND template = 'webhook-endpoint-disabled'",
    [platformId],
  )) as Array<{ destination: string; status: string }>;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  service = await startTestService(notificationsService, env);
  producer = openDeliveryQueue(env, TEST_SECRET_KEYS);
  webhooks = assembleWebhooks(
    service.dataSource,
    TEST_SECRET_KEYS,
    loadWebhookConfig({ ...env, DASH_REDIS_PREFIX: idlePrefix }, 'test'),
    new EndpointDisabledNotices(
      service.dataSource,
      new PlatformBrands(service.dataSource),
      () => producer.queue,
    ),
  );
});
afterAll(async () => {
  await webhooks?.producer.close();
  await producer?.close();
  await service?.close();
  await receiver?.close();
  await deleteRedisPrefix(testRedisUrl(), prefix);
  await deleteRedisPrefix(testRedisUrl(), idlePrefix);
});

describe('an endpoint disabled for failing', () => {
  it('emails the platform’s technical address once, however many deliveries fail at once', async () => {
    await brand('plat_dn_tech', {
      technicalEmail: 'dev@rocketrides.example',
      supportEmail: 'help@rocketrides.example',
    });
    const { endpointId, deliveryIds } = await failingEndpoint('plat_dn_tech', 12);
    const deps = { ...webhooks, sender: sender(), log };
    await Promise.all(deliveryIds.map((id) => attemptDelivery(deps, id, 1)));

    const [endpoint] = (await service.dataSource.query(
      'SELECT status, disabled_reason, disabled_notice_due FROM webhook_endpoints WHERE id = ?',
      [endpointId],
    )) as Array<{ status: string; disabled_reason: string; disabled_notice_due: number }>;
    expect(endpoint).toMatchObject({ status: 'disabled', disabled_reason: 'failing' });
    expect(Number(endpoint!.disabled_notice_due)).toBe(0);

    await expect
      .poll(async () => (await outboxOf('dev@rocketrides.example')).length, { timeout: 10_000 })
      .toBe(1);
    // Queued again by the sweep and by hand: the same delivery, not another email.
    await service.dataSource.query(
      'UPDATE webhook_endpoints SET disabled_notice_due = TRUE WHERE id = ?',
      [endpointId],
    );
    await sweep({ ...deps, notices: webhooks.notices }, new Date(Date.now() + 3_600_000));
    await webhooks.notices!.send(endpointId);
    await expect.poll(async () => (await noticesIn('plat_dn_tech'))[0]?.status).toBe('sent');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await noticesIn('plat_dn_tech')).toEqual([
      { destination: 'dev@rocketrides.example', status: 'sent' },
    ]);
    expect(await outboxOf('help@rocketrides.example')).toEqual([]);

    const [notice] = await outboxOf('dev@rocketrides.example');
    expect(notice!.subject).toBe(`Webhook endpoint ${endpointId} was disabled`);
    expect(notice!.text).toContain(receiver.url('/down/plat_dn_tech'));
    expect(notice!.text).toMatch(/has failed since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
    expect(notice!.text).toContain('The last attempt failed with: HTTP 503');
    expect(notice!.text).toContain(
      `mutation { updateWebhookEndpoint(id: "${endpointId}", disabled: false) { id status } }`,
    );
    // To the platform's developers: plain text.
    expect(notice!.html).toBeNull();
  });

  it('falls back to the support email when the platform gave no technical address', async () => {
    await brand('plat_dn_support', { supportEmail: 'help@bikes.example' });
    const { deliveryIds } = await failingEndpoint('plat_dn_support', 3);
    const deps = { ...webhooks, sender: sender(), log };
    await Promise.all(deliveryIds.map((id) => attemptDelivery(deps, id, 1)));
    await expect
      .poll(async () => (await outboxOf('help@bikes.example')).length, { timeout: 10_000 })
      .toBe(1);
  });

  it('only logs when the platform has no address at all, and sends nothing later', async () => {
    await brand('plat_dn_none', {});
    const { endpointId, deliveryIds } = await failingEndpoint('plat_dn_none', 2);
    const deps = { ...webhooks, sender: sender(), log };
    await Promise.all(deliveryIds.map((id) => attemptDelivery(deps, id, 1)));
    const [endpoint] = (await service.dataSource.query(
      'SELECT status, disabled_notice_due FROM webhook_endpoints WHERE id = ?',
      [endpointId],
    )) as Array<{ status: string; disabled_notice_due: number }>;
    expect(endpoint!.status).toBe('disabled');
    expect(Number(endpoint!.disabled_notice_due)).toBe(0);
    expect(await noticesIn('plat_dn_none')).toEqual([]);
  });

  it('is still sent by the sweep when the worker died between disabling and queuing it', async () => {
    await brand('plat_dn_sweep', { technicalEmail: 'ops@scooters.example' });
    const { endpointId } = await failingEndpoint('plat_dn_sweep', 0);
    // As the disabling transaction leaves it, with no worker left to queue the notice.
    await service.dataSource.query(
      `UPDATE webhook_endpoints SET status = 'disabled', disabled_reason = 'failing',
         disabled_at = ?, disabled_notice_due = TRUE, last_failure = 'connect ECONNREFUSED'
       WHERE id = ?`,
      [new Date(Date.now() - 600_000), endpointId],
    );
    await sweep({ ...webhooks, sender: sender(), log });
    await expect
      .poll(async () => (await outboxOf('ops@scooters.example')).length, { timeout: 10_000 })
      .toBe(1);
    expect((await outboxOf('ops@scooters.example'))[0]!.text).toContain(
      'The last attempt failed with: connect ECONNREFUSED',
    );
  });
});
